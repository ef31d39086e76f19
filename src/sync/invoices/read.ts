import type { Order, OrderProduct } from '../../bigcommerce/types.ts';
import type { SyncContext } from '../context.ts';
import { newest } from '../cursor-time.ts';
import { forEachLimited } from '../pool.ts';
import { ordersToInvoice, type InvoicePlanInput, type InvoiceProduct } from './rules.ts';

export interface InvoiceReading {
  /** The store's side; Imonggo's side and the lines are read apart. */
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
 * Reads the store's side of the invoice plan: orders changed since the cursor (all of them on a
 * first run or a full pass), so an order that became paid since is read again, and the invoice
 * links. Imonggo's side comes from `readImonggoSide`, only when some order is to be invoiced.
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
  return {
    candidates: ordersToInvoice(orders, ctx.settings.paidStatusIds, invoiceLinks),
    newestOrder: newest(orders.map((order) => order.date_modified)),
    cursorName,
    full: cursor === undefined,
    input: {
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
    },
  };
}

export type ImonggoSide = Pick<
  InvoicePlanInput,
  | 'products'
  | 'quantities'
  | 'productLinks'
  | 'customerLinks'
  | 'customers'
  | 'branchId'
  | 'paymentTypeId'
>;

/** Imonggo's products, stock, customers, branch and payment type, and BIN's links to them. */
export async function readImonggoSide(
  ctx: SyncContext,
  candidates: readonly Order[],
): Promise<ImonggoSide> {
  const branchId = await invoiceBranchId(ctx);
  const [products, quantities, customers, paymentType, productLinks, customerLinks] =
    await Promise.all([
      readInvoiceProducts(ctx),
      branchId === undefined
        ? Promise.resolve(new Map<number, number>())
        : readQuantities(ctx, branchId),
      candidates.some((order) => order.customer_id !== 0)
        ? ctx.imonggo.listCustomers()
        : Promise.resolve([]),
      paymentTypeId(ctx),
      ctx.links.listIds('product'),
      ctx.links.list('customer'),
    ]);

  return {
    products,
    quantities,
    productLinks,
    customerLinks,
    customers,
    branchId,
    paymentTypeId: paymentType,
  };
}

/**
 * Every Imonggo product, page by page, keeping the five fields the rules read of each out of some
 * thirty: the run holds the whole list until its last order is planned.
 */
async function readInvoiceProducts(ctx: SyncContext): Promise<InvoiceProduct[]> {
  const products: InvoiceProduct[] = [];
  for await (const page of ctx.imonggo.iterateProducts()) {
    for (const { id, stock_no, status, utc_updated_at, disable_inventory } of page) {
      products.push({ id, stock_no, status, utc_updated_at, disable_inventory });
    }
  }
  return products;
}

/** Quantity per product id in the branch, summed page by page; no entry means no stock row. */
async function readQuantities(ctx: SyncContext, branchId: number): Promise<Map<number, number>> {
  const quantities = new Map<number, number>();
  for await (const page of ctx.imonggo.iterateInventories({ branchId })) {
    for (const row of page) {
      quantities.set(row.product_id, (quantities.get(row.product_id) ?? 0) + row.quantity);
    }
  }
  return quantities;
}

/**
 * Reads the lines of the orders in their order, 8 at a time, and settles each group of `size`
 * orders as soon as all of its lines are in: the first group can be planned and posted while the
 * later ones are still being read.
 */
export function readOrderLinesInGroups(
  ctx: SyncContext,
  orders: readonly Order[],
  size: number,
): Promise<Map<number, OrderProduct[]>>[] {
  const groups = Array.from({ length: Math.ceil(orders.length / size) }, (_, index) => ({
    missing: Math.min(size, orders.length - index * size),
    lines: new Map<number, OrderProduct[]>(),
    done: deferred<Map<number, OrderProduct[]>>(),
  }));

  const reading = forEachLimited([...orders.entries()], 8, async ([index, order]) => {
    const group = groups[Math.floor(index / size)];
    if (!group) return;
    group.lines.set(order.id, await ctx.bigcommerce.listOrderProducts(order.id));
    group.missing -= 1;
    if (group.missing === 0) group.done.resolve(group.lines);
  });
  // A failed read fails every group not yet settled; settled ones keep their lines.
  reading.catch((error: unknown) => groups.forEach((group) => group.done.reject(error)));

  return groups.map((group) => group.done.promise);
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A group nobody awaits any more (the run stopped early) must not be an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
