import type { Order, OrderProduct } from '../../bigcommerce/types.ts';
import type { SyncContext } from '../context.ts';
import { newest } from '../cursor-time.ts';
import { forEachLimited } from '../pool.ts';
import { ordersToInvoice, type InvoicePlanInput } from './rules.ts';

export interface InvoiceReading {
  input: InvoicePlanInput;
  /** The orders to invoice, whose lines must be read. */
  candidates: Order[];
  /** Newest change among the orders read, for the cursor. */
  newestOrder: string | undefined;
  cursorName: string;
  full: boolean;
}

/**
 * The cursor depends on the paid statuses: when the merchant adds one, orders skipped under the
 * old set must be read again.
 */
export function orderCursorName(paidStatusIds: readonly number[]): string {
  return `orders:paid=${[...new Set(paidStatusIds)].sort((a, b) => a - b).join(',')}`;
}

/**
 * The branch invoices go to: the one in the settings, else the account's first active branch
 * that is not a head office (Imonggo refuses invoices in a head office), else its first active
 * branch. Stock is counted in the same branch, since that is where the sale lowers it.
 */
export async function invoiceBranchId(ctx: SyncContext): Promise<number | undefined> {
  if (ctx.settings.branchId !== undefined) return ctx.settings.branchId;
  const branches = (await ctx.imonggo.listBranches()).filter((branch) => branch.status !== 'D');
  return (branches.find((branch) => branch.site_type !== 'head_office') ?? branches[0])?.id;
}

async function paymentTypeId(ctx: SyncContext): Promise<number | undefined> {
  if (ctx.settings.paymentTypeId !== undefined) return ctx.settings.paymentTypeId;
  const types = await ctx.imonggo.listPaymentTypes();
  return types.find((type) => type.status !== 'D')?.id;
}

/**
 * Reads what the invoice plan needs but the order lines. Orders come from the store changed since
 * the cursor (all of them on a first run or a full pass), so an order that became paid since is
 * read again. Imonggo's products, stock, customers, branch and payment type are read only when
 * some order is to be invoiced.
 */
export async function readInvoiceBase(
  ctx: SyncContext,
  options: { full: boolean },
): Promise<InvoiceReading> {
  const cursorName = orderCursorName(ctx.settings.paidStatusIds);
  const cursor = options.full ? undefined : await ctx.cursors.get(cursorName);

  const [orders, invoiceLinks] = await Promise.all([
    ctx.bigcommerce.listOrders(cursor === undefined ? {} : { modifiedSince: new Date(cursor) }),
    ctx.links.list('invoice'),
  ]);
  const candidates = ordersToInvoice(orders, ctx.settings.paidStatusIds, invoiceLinks);
  const reading = {
    candidates,
    newestOrder: newest(orders.map((order) => order.date_modified)),
    cursorName,
    full: cursor === undefined,
  };
  const input: InvoicePlanInput = {
    orders,
    orderLines: new Map(),
    products: [],
    quantities: new Map(),
    productLinks: [],
    customerLinks: [],
    invoiceLinks,
    customers: [],
    settings: ctx.settings,
    storeKey: ctx.storeKey,
    branchId: undefined,
    paymentTypeId: undefined,
  };
  if (candidates.length === 0) return { input, ...reading };

  const branchId = await invoiceBranchId(ctx);
  const [products, inventories, customers, paymentType, productLinks, customerLinks] =
    await Promise.all([
      ctx.imonggo.listProducts(),
      branchId === undefined ? Promise.resolve([]) : ctx.imonggo.listInventories({ branchId }),
      candidates.some((order) => order.customer_id !== 0)
        ? ctx.imonggo.listCustomers()
        : Promise.resolve([]),
      paymentTypeId(ctx),
      ctx.links.list('product'),
      ctx.links.list('customer'),
    ]);

  const quantities = new Map<number, number>();
  for (const row of inventories) {
    quantities.set(row.product_id, (quantities.get(row.product_id) ?? 0) + row.quantity);
  }

  return {
    input: {
      ...input,
      products,
      quantities,
      productLinks,
      customerLinks,
      customers,
      branchId,
      paymentTypeId: paymentType,
    },
    ...reading,
  };
}

/** The lines of some orders, one request per order (the API has no batch). */
export async function readOrderLines(
  ctx: SyncContext,
  orders: readonly Order[],
): Promise<Map<number, OrderProduct[]>> {
  const lines = new Map<number, OrderProduct[]>();
  await forEachLimited(orders, 8, async (order) => {
    lines.set(order.id, await ctx.bigcommerce.listOrderProducts(order.id));
  });
  return lines;
}
