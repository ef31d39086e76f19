import type { SyncContext } from '../context.ts';
import { nextCursor } from '../cursor-time.ts';
import type { Job, JobOptions } from '../job.ts';
import { mergeChunks } from '../plan.ts';
import { applyInvoices } from './apply.ts';
import { ShippingProduct } from './shipping-product.ts';
import {
  readImonggoSide,
  readInvoiceBase,
  readOrderLinesInGroups,
  type InvoiceReading,
} from './read.ts';
import { imonggoLookups, planInvoices, type ImonggoLookups, type InvoicePayload } from './rules.ts';

/** Orders per chunk: about one quota window of line reads, and a short tail of posts at the end. */
const ordersPerChunk = 100;

/**
 * Pull invoices (BigCommerce orders → Imonggo invoices). The reading of the last plan is kept
 * for `commit`, which moves the order cursor only after a run in which every order succeeded or
 * was skipped, so a rejected order is read again until it can be invoiced.
 */
export function pullInvoicesJob(): Job<InvoicePayload> {
  let reading: InvoiceReading | undefined;
  let shipping: ShippingProduct | undefined;

  /**
   * The plan in chunks of orders, so that invoices are posted while the lines of the next orders
   * are read: reading the lines is bound by the store's quota, posting by Imonggo's latency, and
   * the two overlap instead of adding up.
   */
  async function* planChunks(ctx: SyncContext, options: JobOptions) {
    const base = await readInvoiceBase(ctx, { full: options.full ?? false });
    reading = base;
    const toInvoice = new Set(base.candidates.map((order) => order.id));
    const others = base.input.orders.filter((order) => !toInvoice.has(order.id));

    // Orders that will not be invoiced first; planned alone, none of them needs its lines.
    if (others.length > 0 || base.candidates.length === 0) {
      yield planInvoices({ ...base.input, orders: others });
    }

    if (base.candidates.length > 0) {
      // Imonggo's side and the lines are read at once: the lines are bound by the store's quota,
      // Imonggo's pages by its latency, so neither waits for the other.
      const imonggo = readImonggoSide(ctx, base.candidates);
      imonggo.catch(() => undefined);
      const groups = readOrderLinesInGroups(ctx, base.candidates, ordersPerChunk);

      let lookups: ImonggoLookups | undefined;
      for (const [index, lines] of groups.entries()) {
        const orders = base.candidates.slice(index * ordersPerChunk, (index + 1) * ordersPerChunk);
        const orderLines = await lines;
        const input = { ...base.input, ...(await imonggo), orders, orderLines };
        lookups ??= imonggoLookups(input);
        yield planInvoices(input, lookups);
      }
    }

    if (!base.full) {
      yield {
        job: 'invoices-pull' as const,
        items: [],
        notes: ['Only orders changed since the last run were read (use a full pass to read all).'],
      };
    }
  }

  return {
    name: 'invoices-pull',

    async recover(ctx) {
      for (const link of await ctx.links.listPending('invoice')) {
        const landed = await ctx.imonggo.findInvoiceByReference(link.natural_key);
        if (landed) {
          await ctx.links.settle('invoice', link.natural_key, {
            imonggo_id: String(landed.id),
            bigcommerce_id: link.bigcommerce_id,
          });
        } else {
          await ctx.links.remove('invoice', link.natural_key);
        }
      }
    },

    plan: (ctx, options) => mergeChunks('invoices-pull', planChunks(ctx, options)),

    planChunks,

    apply(ctx, items, reporter) {
      shipping ??= new ShippingProduct(ctx);
      return applyInvoices(ctx, items, reporter, shipping);
    },

    async commit(ctx: SyncContext) {
      if (!reading) return;
      const now = new Date(ctx.clock.now()).toISOString();
      const cursor = nextCursor(reading.newestOrder, await ctx.cursors.get(reading.cursorName));
      // A store without orders still gets a cursor, so the next run is incremental.
      await ctx.cursors.set(reading.cursorName, cursor ?? new Date(0).toISOString(), now);
    },
  };
}
