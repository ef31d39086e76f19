import type { BigCommerceClient } from '../../bigcommerce/client.ts';
import type { ProductUpdate } from '../../bigcommerce/types.ts';
import { ConflictError, NotFoundError, RemoteError } from '../../http/errors.ts';
import type { SyncContext } from '../context.ts';
import { hashValues } from '../hash.ts';
import type { ItemReporter } from '../job.ts';
import type { PlanItem } from '../plan.ts';
import { forEachLimited } from '../pool.ts';
import { describeFailure } from '../remote-reason.ts';
import { disambiguate, type ProductPayload, type PushedProduct } from './rules.ts';

type ProductItem = PlanItem<ProductPayload>;

/** The v3 batch limit: one request updates 10 products. */
const updateBatch = 10;
/** As many as the store account takes in flight; its gate holds any excess anyway. */
const batchesAtOnce = 8;
const createsAtOnce = 8;

/**
 * Writes a chunk of the plan to the store. `category` gives the id of the category new products
 * go into; a run shares one across its chunks, which may be applied at once, so that the
 * category is looked up (and created) once.
 */
export async function applyProducts(
  ctx: SyncContext,
  items: ProductItem[],
  reporter: ItemReporter,
  category: () => Promise<number> = () => ensureCategory(ctx),
): Promise<void> {
  const creates = items.filter((item) => item.action === 'create');
  const updates = items.filter((item) => item.action !== 'create');
  const categoryId = creates.length > 0 ? await category() : undefined;

  await Promise.all([
    applyUpdates(ctx, updates, reporter),
    forEachLimited(creates, createsAtOnce, (item) =>
      createProduct(ctx, item, categoryId ?? 0, reporter),
    ),
  ]);
}

/** The store category new products go into, created the first time it is needed. */
export async function ensureCategory(ctx: SyncContext): Promise<number> {
  const wanted = ctx.settings.productCategory.trim().toLowerCase();
  const categories = await ctx.bigcommerce.listCategories();
  const found = categories.find((category) => category.name.trim().toLowerCase() === wanted);
  if (found) return found.id;

  const created = await ctx.bigcommerce.createCategory({ name: ctx.settings.productCategory });
  return created.id;
}

function toUpdate(item: ProductItem): ProductUpdate {
  const payload = payloadOf(item);
  const id = payload.storeId ?? 0;
  if (item.action === 'hide') {
    return { id, is_visible: false, inventory_level: payload.values.inventory_level };
  }
  return { id, ...payload.values, inventory_tracking: 'product', is_visible: true };
}

async function applyUpdates(
  ctx: SyncContext,
  items: ProductItem[],
  reporter: ItemReporter,
): Promise<void> {
  const batches: ProductItem[][] = [];
  for (let start = 0; start < items.length; start += updateBatch) {
    batches.push(items.slice(start, start + updateBatch));
  }

  // Each batch is settled as soon as its own answer comes, and the next batch goes out in its
  // place: waiting for a round of batches before settling any kept the store idle while the
  // links were written.
  await forEachLimited(batches, batchesAtOnce, async (batch) => {
    batch.forEach((item) => reporter.started(item));
    const results = await ctx.bigcommerce.updateProducts(batch.map(toUpdate));
    const byId = new Map(results.map((result) => [result.id, result]));

    const updated: ProductItem[] = [];
    const refused: { item: ProductItem; error: unknown }[] = [];
    for (const item of batch) {
      const result = byId.get(payloadOf(item).storeId ?? 0);
      if (result?.ok) updated.push(item);
      else refused.push({ item, error: result ? result.error : 'the store did not answer for it' });
    }

    await ctx.links.settleAll(
      'product',
      updated.map((item) => {
        const { storeId, values } = payloadOf(item);
        return linkOf(item, storeId ?? 0, values, item.action !== 'hide');
      }),
    );
    for (const item of updated) {
      reporter.done(item, { bigcommerceId: String(payloadOf(item).storeId) });
    }
    for (const { item, error } of refused) await afterRefusedUpdate(ctx, item, error, reporter);
  });
}

async function afterRefusedUpdate(
  ctx: SyncContext,
  item: ProductItem,
  error: unknown,
  reporter: ItemReporter,
): Promise<void> {
  if (error instanceof ConflictError && item.action !== 'hide') {
    await retryWithUniqueName(ctx, item, reporter);
  } else if (error instanceof NotFoundError) {
    await ctx.links.remove('product', item.key);
    reporter.failed(
      item,
      'the product was deleted on the store; BIN will post it again on the next run',
    );
  } else {
    reporter.failed(item, describeFailure(error));
  }
}

/** An update refused because another store product took the name: post it under a unique one. */
async function retryWithUniqueName(
  ctx: SyncContext,
  item: ProductItem,
  reporter: ItemReporter,
): Promise<void> {
  const payload = payloadOf(item);
  const values = { ...payload.values, name: disambiguate(payload.values.name, payload.values.sku) };
  try {
    await ctx.bigcommerce.updateProduct(payload.storeId ?? 0, {
      ...values,
      inventory_tracking: 'product',
      is_visible: true,
    });
    await settleLink(ctx, item, payload.storeId ?? 0, values, true);
    reporter.done(item, { bigcommerceId: String(payload.storeId) });
  } catch (error) {
    reporter.failed(item, describeFailure(error));
  }
}

/**
 * Creates one product exactly once. The pending link is written first; whatever happens to the
 * request, the link says a create was attempted, and the SKU (unique on the store) tells later
 * whether it landed.
 */
async function createProduct(
  ctx: SyncContext,
  item: ProductItem,
  categoryId: number,
  reporter: ItemReporter,
): Promise<void> {
  const payload = payloadOf(item);
  reporter.started(item);

  const claimed = await ctx.links.markPending('product', item.key, {
    imonggo_id: String(payload.imonggoId),
  });
  if (!claimed) {
    reporter.failed(item, 'another run is posting this product; it is left to that run');
    return;
  }

  let values = payload.values;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const created = await ctx.bigcommerce.createProduct({
        ...values,
        type: 'physical',
        categories: [categoryId],
        inventory_tracking: 'product',
        is_visible: true,
      });
      await settleLink(ctx, item, created.id, values, true);
      reporter.done(item, { bigcommerceId: String(created.id) });
      return;
    } catch (error) {
      const landed = await findLanded(ctx.bigcommerce, error, values.sku);
      if (landed) {
        await ctx.bigcommerce.updateProduct(landed, {
          ...values,
          inventory_tracking: 'product',
          is_visible: true,
        });
        await settleLink(ctx, item, landed, values, true);
        reporter.done(item, { bigcommerceId: String(landed) });
        return;
      }
      if (error instanceof ConflictError && attempt === 0 && isDuplicateName(error)) {
        values = { ...values, name: disambiguate(values.name, values.sku) };
        continue;
      }
      await ctx.links.remove('product', item.key);
      reporter.failed(item, describeFailure(error));
      return;
    }
  }
}

/**
 * After a failed create: the id of the store product with this SKU if the create (or an earlier
 * one) did land. Only asked when the failure leaves that possible.
 */
async function findLanded(
  store: BigCommerceClient,
  error: unknown,
  sku: string,
): Promise<number | undefined> {
  const possible =
    error instanceof ConflictError || (error instanceof RemoteError && error.mayHaveArrived);
  if (!possible) return undefined;
  return (await store.findProductBySku(sku))?.id;
}

function isDuplicateName(error: ConflictError): boolean {
  const text = `${error.remoteMessage ?? ''} ${Object.keys(error.fieldErrors).join(' ')}`;
  return /name/i.test(text) && !/sku/i.test(text);
}

async function settleLink(
  ctx: SyncContext,
  item: ProductItem,
  storeId: number,
  values: PushedProduct,
  visible: boolean,
): Promise<void> {
  await ctx.links.settleAll('product', [linkOf(item, storeId, values, visible)]);
}

/** The link a product gets once the store holds `values` for it. */
function linkOf(item: ProductItem, storeId: number, values: PushedProduct, visible: boolean) {
  return {
    naturalKey: item.key,
    values: {
      imonggo_id: String(payloadOf(item).imonggoId),
      bigcommerce_id: String(storeId),
      pushed_hash: hashValues({ ...values }),
      pushed_name: values.name,
      visible: visible ? 1 : 0,
    },
  };
}

function payloadOf(item: ProductItem): ProductPayload {
  if (!item.payload) throw new Error(`plan item ${item.seq} has nothing to apply`);
  return item.payload;
}
