import { RemoteError } from '../http/errors.ts';
import type { NewProduct, Product, ProductFilter, ProductPatch, ProductUpdate } from './types.ts';

/** The outcome of one item of `updateProducts`: one bad item does not hide the others. */
export type ProductUpdateResult =
  { id: number; ok: true; product: Product } | { id: number; ok: false; error: RemoteError };

/** Products as both API versions serve them (v3 catalog with OAuth, v2 with a legacy account). */
export interface ProductCatalog {
  iterateProducts(filter?: ProductFilter): AsyncGenerator<Product[]>;
  getProduct(id: number): Promise<Product>;
  findProductBySku(sku: string): Promise<Product | undefined>;
  createProduct(product: NewProduct): Promise<Product>;
  updateProduct(id: number, patch: ProductPatch): Promise<Product>;
  updateProducts(updates: readonly ProductUpdate[]): Promise<ProductUpdateResult[]>;
}

/** SKUs are unique regardless of letter case, for products and variants alike. */
export function sameSku(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Whether a product passes the filters the API could not apply itself. */
export function matchesFilter(product: Product, filter: ProductFilter): boolean {
  if (filter.ids && !filter.ids.includes(product.id)) return false;
  if (filter.skus && !filter.skus.some((sku) => sameSku(sku, product.sku))) return false;
  if (filter.modifiedSince && Date.parse(product.date_modified) < filter.modifiedSince.getTime()) {
    return false;
  }
  return true;
}

/** Runs one update and turns a remote refusal into a failed item; other failures still throw. */
export async function settle(
  id: number,
  update: () => Promise<Product>,
): Promise<ProductUpdateResult> {
  try {
    return { id, ok: true, product: await update() };
  } catch (error) {
    if (error instanceof RemoteError) return { id, ok: false, error };
    throw error;
  }
}
