import type { Customer as ImonggoCustomer } from '../../imonggo/schemas.ts';
import { ConflictError, RemoteError } from '../../http/errors.ts';
import type { SyncContext } from '../context.ts';
import type { ItemReporter } from '../job.ts';
import type { PlanItem } from '../plan.ts';
import { forEachItem } from '../pool.ts';
import { describeFailure } from '../remote-reason.ts';
import { findByAlternateCode } from './find.ts';
import type { PostCustomerPayload } from './post-rules.ts';
import { facingHash, storeFacing } from './values.ts';

type PostItem = PlanItem<PostCustomerPayload>;

const customersAtOnce = 8;

/**
 * Carries out the post plan: links need only the database; creates go to Imonggo exactly once.
 * `imonggoSince` bounds the lookups after a create whose answer was lost.
 */
export async function applyPostCustomers(
  ctx: SyncContext,
  items: PostItem[],
  reporter: ItemReporter,
  imonggoSince: string | undefined,
): Promise<void> {
  await forEachItem(items, customersAtOnce, reporter, (item) =>
    item.action === 'create'
      ? createInImonggo(ctx, item, reporter, imonggoSince)
      : linkToImonggo(ctx, item, reporter),
  );
}

async function linkToImonggo(ctx: SyncContext, item: PostItem, reporter: ItemReporter) {
  const payload = payloadOf(item);
  reporter.started(item);

  await ctx.links.settle('customer', item.key, {
    imonggo_id: String(payload.imonggoId),
    bigcommerce_id: String(payload.storeId),
    pushed_hash: payload.hash ?? null,
  });
  reporter.done(item, { imonggoId: String(payload.imonggoId) });
}

/**
 * Creates one customer in Imonggo exactly once. The pending link is written first, so a run
 * killed at any point leaves a record that a create may have happened; the alternate code, unique
 * in Imonggo, tells afterwards whether it did.
 */
async function createInImonggo(
  ctx: SyncContext,
  item: PostItem,
  reporter: ItemReporter,
  imonggoSince: string | undefined,
): Promise<void> {
  const payload = payloadOf(item);
  reporter.started(item);

  const claimed = await ctx.links.markPending('customer', item.key, {
    bigcommerce_id: String(payload.storeId),
  });
  if (!claimed) {
    reporter.failed(item, 'another run is posting this customer; it is left to that run');
    return;
  }

  let created: ImonggoCustomer;
  try {
    created = await ctx.imonggo.createCustomer(payload.input);
  } catch (error) {
    const conflict = error instanceof ConflictError;
    if (!conflict && !(error instanceof RemoteError && error.mayHaveArrived)) {
      await ctx.links.remove('customer', item.key);
      reporter.failed(item, describeFailure(error));
      return;
    }

    // A taken code may belong to a customer older than this plan's reading: look everywhere.
    let landed: ImonggoCustomer | undefined;
    try {
      landed = await findByAlternateCode(
        ctx,
        payload.alternateCode,
        conflict ? undefined : imonggoSince,
      );
    } catch (lookupError) {
      // The link stays pending: the next run checks the alternate code before creating again.
      reporter.failed(
        item,
        `could not check whether it reached Imonggo (${describeFailure(lookupError)}); the next run checks before creating it`,
      );
      return;
    }
    if (!landed) {
      await ctx.links.remove('customer', item.key);
      reporter.failed(item, describeFailure(error));
      return;
    }
    created = landed;
  }

  await ctx.links.settle('customer', item.key, {
    imonggo_id: String(created.id),
    bigcommerce_id: String(payload.storeId),
    pushed_hash: facingHash(storeFacing(created)),
  });
  reporter.done(item, { imonggoId: String(created.id) });
}

function payloadOf(item: PostItem): PostCustomerPayload {
  if (!item.payload) throw new Error(`plan item ${item.seq} has nothing to apply`);
  return item.payload;
}
