import type { Customer as StoreCustomer } from '../../bigcommerce/types.ts';
import { ConflictError, NotFoundError, RemoteError, ValidationError } from '../../http/errors.ts';
import type { SyncContext } from '../context.ts';
import type { ItemReporter } from '../job.ts';
import type { PlanItem } from '../plan.ts';
import { forEachItem } from '../pool.ts';
import { describeFailure } from '../remote-reason.ts';
import type { UpdateCustomerPayload } from './update-rules.ts';
import { facingHash, storeFacingOfStore, type StoreFacing } from './values.ts';

type UpdateItem = PlanItem<UpdateCustomerPayload>;

const customersAtOnce = 8;

/** Carries out the update plan: store updates (idempotent) and creates (exactly once). */
export async function applyUpdateCustomers(
  ctx: SyncContext,
  items: UpdateItem[],
  reporter: ItemReporter,
): Promise<void> {
  await forEachItem(items, customersAtOnce, reporter, (item) =>
    item.action === 'create'
      ? createOnStore(ctx, item, reporter)
      : writeToStore(ctx, item, reporter),
  );
}

/** An update of a linked customer, or a link to a store customer that has the email already. */
async function writeToStore(ctx: SyncContext, item: UpdateItem, reporter: ItemReporter) {
  const payload = payloadOf(item);
  const storeId = payload.storeId ?? 0;
  reporter.started(item);

  if (payload.write) {
    try {
      await ctx.bigcommerce.updateCustomer(storeId, patchOf(payload.values));
    } catch (error) {
      if (!isGone(error)) throw error;
      await ctx.links.remove('customer', payload.previousKey ?? item.key);
      reporter.failed(
        item,
        'the customer was deleted on the store; BIN creates it there again on the next run',
      );
      return;
    }
  }

  await settle(ctx, item.key, payload, storeId, payload.hash);
  if (payload.previousKey !== undefined) await ctx.links.remove('customer', payload.previousKey);
  reporter.done(item, { bigcommerceId: String(storeId) });
}

/**
 * Creates one customer on the store exactly once. The pending link is written first; the email,
 * unique on the store, tells afterwards whether a create whose answer was lost did land.
 */
async function createOnStore(ctx: SyncContext, item: UpdateItem, reporter: ItemReporter) {
  const payload = payloadOf(item);
  const values = payload.values;
  reporter.started(item);

  const claimed = await ctx.links.markPending('customer', item.key, {
    imonggo_id: String(payload.imonggoId),
  });
  if (!claimed) {
    reporter.failed(item, 'another run is posting this customer; it is left to that run');
    return;
  }

  let created: StoreCustomer;
  try {
    created = await ctx.bigcommerce.createCustomer({
      email: values.email ?? item.key,
      first_name: values.first_name,
      last_name: values.last_name,
      phone: values.phone,
      company: values.company,
    });
  } catch (error) {
    const conflict = error instanceof ConflictError;
    if (!conflict && !(error instanceof RemoteError && error.mayHaveArrived)) {
      await ctx.links.remove('customer', item.key);
      reporter.failed(item, describeFailure(error));
      return;
    }

    let landed: StoreCustomer | undefined;
    try {
      landed = await ctx.bigcommerce.findCustomerByEmail(values.email ?? item.key);
    } catch (lookupError) {
      // The link stays pending: the next run looks the email up before creating again.
      reporter.failed(
        item,
        `could not check whether it reached the store (${describeFailure(lookupError)}); the next run checks before creating it`,
      );
      return;
    }
    if (!landed) {
      await ctx.links.remove('customer', item.key);
      reporter.failed(item, describeFailure(error));
      return;
    }
    // The email was taken by a customer that is not this create's: it becomes the link, updated.
    if (facingHash(storeFacingOfStore(landed)) !== payload.hash) {
      await ctx.bigcommerce.updateCustomer(landed.id, patchOf(values));
    }
    created = landed;
  }

  await settle(ctx, item.key, payload, created.id, payload.hash);
  reporter.done(item, { bigcommerceId: String(created.id) });
}

function patchOf(values: StoreFacing) {
  return {
    ...(values.email === undefined ? {} : { email: values.email }),
    first_name: values.first_name,
    last_name: values.last_name,
    phone: values.phone,
    company: values.company,
  };
}

/**
 * Whether a write failed because the store customer no longer exists: the legacy API answers
 * 404; the current one refuses the batch with 422 naming the id.
 */
function isGone(error: unknown): boolean {
  if (error instanceof NotFoundError) return true;
  if (!(error instanceof ValidationError)) return false;
  return Object.entries(error.fieldErrors).some(
    ([field, message]) => /(^|\.)id$/.test(field) && /not exist|not found/i.test(message),
  );
}

async function settle(
  ctx: SyncContext,
  key: string,
  payload: UpdateCustomerPayload,
  storeId: number,
  hash: string,
): Promise<void> {
  await ctx.links.settle('customer', key, {
    imonggo_id: String(payload.imonggoId),
    bigcommerce_id: String(storeId),
    pushed_hash: hash,
  });
}

function payloadOf(item: UpdateItem): UpdateCustomerPayload {
  if (!item.payload) throw new Error(`plan item ${item.seq} has nothing to apply`);
  return item.payload;
}
