import type { Product as StoreProduct } from '../../bigcommerce/types.ts';
import type { Product as ImonggoProduct } from '../../imonggo/schemas.ts';
import type { Link } from '../../store/schema.ts';
import type { SyncContext } from '../context.ts';
import { newest } from '../cursor-time.ts';
import { normalizeTag, skuKey, type ProductPlanInput } from './rules.ts';

export interface ProductReading {
  input: Omit<ProductPlanInput, 'tags'>;
  /** Quantities read in this run, to remember for the next incremental run. */
  quantities: Map<number, number>;
  /** Newest change seen on each list, for the cursors. */
  newestProduct: string | undefined;
  newestInventory: string | undefined;
  /** The branch whose stock was read. */
  branchId: number | undefined;
}

export function productCursorNames(tags: readonly string[]): { products: string; stock: string } {
  const suffix = [...new Set(tags.map(normalizeTag).filter(Boolean))].sort().join(',');
  const scope = suffix === '' ? '' : `:tags=${suffix}`;
  return { products: `products${scope}`, stock: `stock${scope}` };
}

/** Where the branch BIN last used for stock is remembered, so incremental runs skip asking. */
export const stockBranchCursor = 'stock-branch';

/**
 * The stock BIN posts is the quantity in one branch: the branch set in the settings, else the
 * account's first branch, which is also where invoices for online orders lower the stock. A full
 * pass asks Imonggo again (`remembered` undefined); an incremental one uses the branch the last
 * run used.
 */
export async function stockBranchId(
  ctx: SyncContext,
  remembered: string | undefined,
): Promise<number | undefined> {
  if (ctx.settings.branchId !== undefined) return ctx.settings.branchId;
  const rememberedId = Number(remembered);
  if (Number.isInteger(rememberedId) && rememberedId > 0) return rememberedId;
  const branches = await ctx.imonggo.listBranches();
  return branches.find((branch) => branch.status !== 'D')?.id;
}

/** What to remember as the stock branch after a run, when the settings do not name one. */
export function branchToRemember(ctx: SyncContext, branchId: number | undefined) {
  return branchId === undefined || ctx.settings.branchId !== undefined
    ? undefined
    : String(branchId);
}

/**
 * Reads what a full pass plans with: every Imonggo product, all stock, every link and the whole
 * store catalog. Incremental runs read only what changed (see readChangedProducts).
 */
export async function readAllProducts(ctx: SyncContext): Promise<ProductReading> {
  const branchId = await stockBranchId(ctx, undefined);
  const [products, inventories, links, storeProducts] = await Promise.all([
    ctx.imonggo.listProducts(),
    ctx.imonggo.listInventories({ branchId }),
    ctx.links.list('product'),
    ctx.bigcommerce.listProducts(),
  ]);

  const quantities = new Map<number, number>();
  for (const row of inventories) quantities.set(row.product_id, row.quantity);

  return {
    input: { products, quantities, links, storeProducts },
    quantities,
    newestProduct: newest(products.map((p) => p.utc_updated_at)),
    newestInventory: newest(inventories.map((row) => row.utc_updated_at)),
    branchId,
  };
}

/**
 * Splits the products of an incremental part into those that can be planned now and those that
 * need the store's product with their SKU: in stock, not deleted and linked neither by id nor by
 * SKU, they will be created unless the store already has that SKU. The latter are planned at the
 * end of the run, so one store request looks up all of them.
 */
export function splitByStoreLookup(
  products: readonly ImonggoProduct[],
  quantities: ReadonlyMap<number, number>,
  links: readonly Link[],
): { now: ImonggoProduct[]; later: ImonggoProduct[] } {
  const linkedIds = new Set(links.map((link) => link.imonggo_id));
  const linkedKeys = new Set(links.map((link) => link.natural_key.toLowerCase()));
  const now: ImonggoProduct[] = [];
  const later: ImonggoProduct[] = [];

  for (const product of products) {
    const sku = skuKey(product.stock_no);
    const unlinked =
      sku !== '' && !linkedIds.has(String(product.id)) && !linkedKeys.has(sku.toLowerCase());
    const inStock = product.status !== 'D' && (quantities.get(product.id) ?? 0) > 0;
    (unlinked && inStock ? later : now).push(product);
  }
  return { now, later };
}

/** The store's products with the SKUs of products that might be created. */
export async function storeProductsFor(
  ctx: SyncContext,
  products: readonly ImonggoProduct[],
): Promise<StoreProduct[]> {
  const skus = products.map((product) => skuKey(product.stock_no));
  return skus.length === 0 ? [] : ctx.bigcommerce.listProducts({ skus });
}
