import type { SyncContext } from '../context.ts';
import { nextCursor } from '../cursor-time.ts';
import type { Job } from '../job.ts';
import { applyPostCustomers } from './post-apply.ts';
import { planPostCustomers, type PostCustomerPayload } from './post-rules.ts';
import {
  postCursorName,
  readForPost,
  readForUpdate,
  updateCursorName,
  type PostReading,
  type UpdateReading,
} from './read.ts';
import { recoverCustomers } from './recover.ts';
import { applyUpdateCustomers } from './update-apply.ts';
import { planUpdateCustomers, type UpdateCustomerPayload } from './update-rules.ts';

const incrementalNote =
  'Only customers changed since the last run were read (use a full pass to read all).';

/**
 * Post customers (BigCommerce → Imonggo). The reading of the last plan is kept for `apply`
 * (where lookups may start) and `commit` (the cursor it reached).
 */
export function postCustomersJob(): Job<PostCustomerPayload> {
  let reading: PostReading | undefined;

  return {
    name: 'customers-post',

    recover: recoverCustomers,

    async plan(ctx, options) {
      reading = await readForPost(ctx, { full: options.full ?? false });
      const plan = planPostCustomers({ ...reading.input, storeKey: ctx.storeKey });
      if (!reading.input.full) plan.notes.push(incrementalNote);
      return plan;
    },

    apply: (ctx, items, reporter) =>
      applyPostCustomers(ctx, items, reporter, reading?.imonggoSince),

    async commit(ctx: SyncContext) {
      if (!reading) return;
      await moveCursor(ctx, postCursorName, reading.newestStore);
    },
  };
}

/** Update customers (Imonggo → BigCommerce), incremental on Imonggo's `after`. */
export function updateCustomersJob(): Job<UpdateCustomerPayload> {
  let reading: UpdateReading | undefined;

  return {
    name: 'customers-update',

    recover: recoverCustomers,

    async plan(ctx, options) {
      reading = await readForUpdate(ctx, { full: options.full ?? false });
      const plan = planUpdateCustomers(reading.input);
      if (!reading.input.full) plan.notes.push(incrementalNote);
      return plan;
    },

    apply: applyUpdateCustomers,

    async commit(ctx: SyncContext) {
      if (!reading) return;
      await moveCursor(ctx, updateCursorName, reading.newestImonggo);
    },
  };
}

/**
 * After a first full pass the cursor exists even when nothing was read, so the next run is
 * incremental; an empty side leaves the epoch, which reads everything (nothing yet) again.
 */
async function moveCursor(ctx: SyncContext, name: string, high: string | undefined) {
  const now = new Date(ctx.clock.now()).toISOString();
  const value = nextCursor(high, await ctx.cursors.get(name));
  await ctx.cursors.set(name, value ?? new Date(0).toISOString(), now);
}
