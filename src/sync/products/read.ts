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
  full: boolean;
}

export function productCursorNames(tags: readonly string[]): { products: string; stock: string } {
  const suffix = [...new Set(tags.map(normalizeTag).filter(Boolean))].sort().join(',');
  const scope = suffix === '' ? '' : `:tags=${suffix}`;
  return { products: `products${scope}`, stock: `stock${scope}` };
}

/** Where the branch BIN last used for stock is remembered, so incremental runs skip asking. */
const branchCursor = 'stock-branch';

/**
 * The stock BIN posts is the quantity in one branch: the branch set in the settings, else the
 * account's first branch, which is also where invoices for online orders lower the stock. A full
 * pass asks Imonggo again; an incremental one uses the branch the last run used.
 */
export async function stockBranchId(ctx: SyncContext, full: boolean): Promise<number | undefined> {
  if (ctx.settings.branchId !== undefined) return ctx.settings.branchId;
  if (!full) {
    const remembered = Number(await ctx.cursors.get(branchCursor));
    if (Number.isInteger(remembered) && remembered > 0) return remembered;
  }
  const branches = await ctx.imonggo.listBranches();
  return branches.find((branch) => branch.status !== 'D')?.id;
}

export async function rememberStockBranch(ctx: SyncContext, branchId: number | undefined) {
  if (branchId === undefined || ctx.settings.branchId !== undefined) return;
  await ctx.cursors.set(branchCursor, String(branchId), new Date(ctx.clock.now()).toISOString());
}

/**
 * Reads what the product plan needs. The first run (or a forced full pass) reads every Imonggo
 * product, all stock, every link and the whole store catalog. Later runs read only products and
 * stock changed since the cursors, fetch the few products whose stock alone changed, load only
 * those products' links and last quantities, and ask the store only for the SKUs that might have
 * to be created, so their cost follows the number of changes, not the size of the catalog.
 */
export async function readProducts(
  ctx: SyncContext,
  options: { tags: readonly string[]; full: boolean },
): Promise<ProductReading> {
  const names = productCursorNames(options.tags);
  const [productCursor, stockCursor] = options.full
    ? [undefined, undefined]
    : await Promise.all([ctx.cursors.get(names.products), ctx.cursors.get(names.stock)]);
  const full = productCursor === undefined || stockCursor === undefined;
  const branchId = await stockBranchId(ctx, full);

  const [products, inventories] = await Promise.all([
    ctx.imonggo.listProducts(full ? {} : { after: productCursor }),
    ctx.imonggo.listInventories(full ? { branchId } : { after: stockCursor, branchId }),
  ]);

  const readNow = new Map<number, number>();
  for (const row of inventories) readNow.set(row.product_id, row.quantity);

  const byId = new Map(products.map((product) => [product.id, product]));
  if (!full) {
    const stockOnly = [...readNow.keys()].filter((id) => !byId.has(id));
    const fetched = await Promise.all(stockOnly.map((id) => ctx.imonggo.getProduct(id)));
    for (const product of fetched) byId.set(product.id, product);
  }
  const candidates = [...byId.values()];
  const ids = candidates.map((product) => String(product.id));

  const quantities = new Map<number, number>();
  if (!full) {
    const unread = ids.filter((id) => !readNow.has(Number(id)));
    for (const [id, quantity] of await ctx.stockLevels.get(unread)) {
      quantities.set(Number(id), quantity);
    }
  }
  for (const [id, quantity] of readNow) quantities.set(id, quantity);

  const links = full
    ? await ctx.links.list('product')
    : await ctx.links.listFor('product', {
        imonggoIds: ids,
        keys: candidates.map((p) => skuKey(p.stock_no)).filter((key) => key !== ''),
      });
  const storeProducts = full
    ? await ctx.bigcommerce.listProducts()
    : await lookUpStoreSkus(ctx, candidates, quantities, links);

  return {
    input: { products: candidates, quantities, links, storeProducts },
    quantities: readNow,
    newestProduct: newest(products.map((p) => p.utc_updated_at)),
    newestInventory: newest(inventories.map((row) => row.utc_updated_at)),
    branchId,
    full,
  };
}

/** Store products for the SKUs an incremental plan might create: those not yet linked. */
async function lookUpStoreSkus(
  ctx: SyncContext,
  candidates: readonly ImonggoProduct[],
  quantities: ReadonlyMap<number, number>,
  links: readonly Link[],
): Promise<StoreProduct[]> {
  const linkedIds = new Set(links.map((link) => link.imonggo_id));
  const linkedKeys = new Set(links.map((link) => link.natural_key.toLowerCase()));

  const skus = candidates
    .filter((p) => p.status !== 'D' && (quantities.get(p.id) ?? 0) > 0)
    .filter((p) => !linkedIds.has(String(p.id)))
    .map((p) => skuKey(p.stock_no))
    .filter((sku) => sku !== '' && !linkedKeys.has(sku.toLowerCase()));

  return skus.length === 0 ? [] : ctx.bigcommerce.listProducts({ skus });
}
