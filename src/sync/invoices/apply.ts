import { ConflictError, RemoteError } from '../../http/errors.ts';
import type { Invoice } from '../../imonggo/schemas.ts';
import type { InvoiceLineInput } from '../../imonggo/inputs.ts';
import type { SyncContext } from '../context.ts';
import type { ItemReporter } from '../job.ts';
import type { PlanItem } from '../plan.ts';
import { forEachLimited } from '../pool.ts';
import { describeFailure } from '../remote-reason.ts';
import type { InvoicePayload } from './rules.ts';
import { ShippingProduct } from './shipping-product.ts';

type InvoiceItem = PlanItem<InvoicePayload>;

const invoicesAtOnce = 8;
/** Posts of one invoice in one run; a repeat is sent only once BIN knows the last did not land. */
const postAttempts = 3;

/**
 * Posts the invoices of one chunk of the plan. `shipping` is shared by every chunk of a run, so
 * the shipping product is looked up or created once per run, not once per chunk.
 */
export async function applyInvoices(
  ctx: SyncContext,
  items: InvoiceItem[],
  reporter: ItemReporter,
  shipping: ShippingProduct = new ShippingProduct(ctx),
): Promise<void> {
  await forEachLimited(items, invoicesAtOnce, (item) => postInvoice(ctx, item, shipping, reporter));
}

/**
 * Posts one invoice exactly once. The pending link is written first, so a run killed at any
 * point leaves a trace that the next run settles by reference. Imonggo refuses a taken
 * reference, so a post whose answer was lost is looked up, never blindly repeated.
 */
async function postInvoice(
  ctx: SyncContext,
  item: InvoiceItem,
  shipping: ShippingProduct,
  reporter: ItemReporter,
): Promise<void> {
  const payload = payloadOf(item);
  reporter.started(item);

  let lines: InvoiceLineInput[];
  try {
    lines = await linesWithShipping(payload, shipping);
  } catch (error) {
    reporter.failed(
      item,
      `the shipping product ${ctx.settings.shippingStockNo} is not usable in Imonggo: ${describeFailure(error)}`,
    );
    return;
  }

  const claimed = await ctx.links.markPending('invoice', item.key, {
    bigcommerce_id: String(payload.orderId),
  });
  if (!claimed) {
    const landed = await lookUp(ctx, item, reporter);
    if (landed) await settled(ctx, item, landed, reporter);
    else if (landed === undefined) reporter.failed(item, 'another run is posting this order');
    return;
  }

  for (let attempt = 1; ; attempt += 1) {
    try {
      const invoice = await ctx.imonggo.createInvoice(
        { ...payload.invoice, invoice_lines: lines },
        { branchId: payload.branchId },
      );
      await settled(ctx, item, invoice, reporter);
      return;
    } catch (error) {
      const mayHaveLanded =
        error instanceof ConflictError || (error instanceof RemoteError && error.mayHaveArrived);
      if (mayHaveLanded) {
        const landed = await lookUp(ctx, item, reporter);
        if (landed === null) return;
        if (landed) {
          await settled(ctx, item, landed, reporter);
          return;
        }
      }

      if (error instanceof ConflictError) {
        await ctx.links.remove('invoice', item.key);
        reporter.failed(
          item,
          `Imonggo says reference ${item.key} is taken but lists no invoice with it: ${describeFailure(error)}`,
        );
        return;
      }
      if (transient(error) && attempt < postAttempts) continue;

      await ctx.links.remove('invoice', item.key);
      reporter.failed(item, describeFailure(error));
      return;
    }
  }
}

async function linesWithShipping(
  payload: InvoicePayload,
  shipping: ShippingProduct,
): Promise<InvoiceLineInput[]> {
  const lines = payload.invoice.invoice_lines;
  if (!payload.shippingLine) return lines;

  const productId = payload.shippingLine.productId ?? (await shipping.id());
  return [
    ...lines,
    {
      product_id: productId,
      quantity: 1,
      retail_price: payload.shippingLine.amount,
      remark: 'Shipping',
    },
  ];
}

/**
 * The invoice Imonggo holds under the item's reference, undefined when it holds none, or null
 * when Imonggo could not be asked: then the pending link stays, and the next run's recovery asks
 * again before anything is posted.
 */
async function lookUp(
  ctx: SyncContext,
  item: InvoiceItem,
  reporter: ItemReporter,
): Promise<Invoice | undefined | null> {
  try {
    return await ctx.imonggo.findInvoiceByReference(item.key);
  } catch (error) {
    reporter.failed(
      item,
      `Imonggo may have received the invoice and could not be asked whether it did (${describeFailure(error)}); the next run checks before posting`,
    );
    return null;
  }
}

async function settled(
  ctx: SyncContext,
  item: InvoiceItem,
  invoice: Invoice,
  reporter: ItemReporter,
): Promise<void> {
  const orderId = String(payloadOf(item).orderId);
  await ctx.links.settle('invoice', item.key, {
    imonggo_id: String(invoice.id),
    bigcommerce_id: orderId,
  });
  reporter.done(item, { imonggoId: String(invoice.id), bigcommerceId: orderId });
}

function transient(error: unknown): boolean {
  return (
    error instanceof RemoteError &&
    (error.kind === 'network' || error.kind === 'remote_failure' || error.kind === 'rate_limited')
  );
}

function payloadOf(item: InvoiceItem): InvoicePayload {
  if (!item.payload) throw new Error(`plan item ${item.seq} has nothing to apply`);
  return item.payload;
}
