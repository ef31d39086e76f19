import { NotFoundError } from '../http/errors.ts';
import { chunk, rfc2822, type BigCommerceApi, type Query } from './api.ts';
import {
  matchesFilter,
  sameSku,
  settle,
  type ProductCatalog,
  type ProductUpdateResult,
} from './products.ts';
import { v2ProductSchema } from './schemas.ts';
import type {
  InventoryTracking,
  NewProduct,
  Product,
  ProductFilter,
  ProductPatch,
  ProductUpdate,
} from './types.ts';

const collectionPath = '/v2/products';

/** Products looked up at once when listing by id (v2 has no `id:in`). */
const idLookups = 50;

const v2Tracking: Record<InventoryTracking, 'none' | 'simple' | 'sku'> = {
  none: 'none',
  product: 'simple',
  variant: 'sku',
};

/** The v2 catalog, the only one a legacy (Basic) account can reach. */
export class V2Products implements ProductCatalog {
  readonly #api: BigCommerceApi;

  constructor(api: BigCommerceApi) {
    this.#api = api;
  }

  async *iterateProducts(filter: ProductFilter = {}): AsyncGenerator<Product[]> {
    if (filter.ids?.length === 0 || filter.skus?.length === 0) return;

    if (filter.ids) {
      for (const ids of chunk(filter.ids, idLookups)) {
        const found = await Promise.all(ids.map((id) => this.#getIfExists(id)));
        const kept = found.filter((product): product is Product => product !== undefined);
        const matching = kept.filter((product) => matchesFilter(product, filter));
        if (matching.length > 0) yield matching;
      }
      return;
    }

    const base: Query = {
      min_date_modified: filter.modifiedSince ? rfc2822(filter.modifiedSince) : undefined,
    };
    const queries = filter.skus ? filter.skus.map((sku) => ({ ...base, sku })) : [base];

    for (const query of queries) {
      for await (const page of this.#api.pagesV2(collectionPath, v2ProductSchema, query)) {
        // v2 does not say whether `sku` matches exactly; keep only exact (case-blind) matches.
        const kept = page.filter((product) => matchesFilter(product, filter));
        if (kept.length > 0) yield kept;
      }
    }
  }

  getProduct(id: number): Promise<Product> {
    return this.#api.get(`${collectionPath}/${id}`, v2ProductSchema);
  }

  async findProductBySku(sku: string): Promise<Product | undefined> {
    for await (const page of this.#api.pagesV2(collectionPath, v2ProductSchema, { sku })) {
      const found = page.find((product) => sameSku(product.sku, sku));
      if (found) return found;
    }
    return undefined;
  }

  createProduct(product: NewProduct): Promise<Product> {
    const body = {
      ...toV2(product),
      type: product.type ?? 'physical',
      // Required on v2 create; a product BIN creates is meant to be sold.
      availability: 'available',
      // v2 hides a product created without `is_visible`; the client sends it always so both
      // versions behave alike.
      is_visible: product.is_visible ?? true,
    };
    return this.#api.write('POST', collectionPath, body, v2ProductSchema);
  }

  updateProduct(id: number, patch: ProductPatch): Promise<Product> {
    return this.#api.write('PUT', `${collectionPath}/${id}`, toV2(patch), v2ProductSchema);
  }

  /** v2 has no batch update: one PUT per product, run side by side within the store's gate. */
  updateProducts(updates: readonly ProductUpdate[]): Promise<ProductUpdateResult[]> {
    return Promise.all(
      updates.map(({ id, ...patch }) => settle(id, () => this.updateProduct(id, patch))),
    );
  }

  async #getIfExists(id: number): Promise<Product | undefined> {
    try {
      return await this.getProduct(id);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }
}

/** v2 documents decimals as strings ("29.99") and its own names for inventory tracking. */
function toV2(patch: ProductPatch): Record<string, unknown> {
  const { price, weight, inventory_tracking: tracking, ...rest } = patch;
  return {
    ...rest,
    price: price === undefined ? undefined : String(price),
    weight: weight === undefined ? undefined : String(weight),
    inventory_tracking: tracking === undefined ? undefined : v2Tracking[tracking],
  };
}
