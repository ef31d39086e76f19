/**
 * Pull invoices: the rules, as BIN applies them to each store order (user guide, table 5).
 *
 * - Paid orders only: an order whose status id is in the connection's paid statuses becomes one
 *   Imonggo invoice; any other status (incomplete, pending, cancelled, declined, refunded, …) is
 *   skipped with its status name, and so is an order archived (deleted) on the store. An order
 *   read again after it became paid is invoiced then.
 * - At most one invoice per order, ever: the reference is `BC-<store>-<order id>`, which Imonggo
 *   keeps unique; an order with an invoice link is skipped.
 * - One invoice line per order line. A line's Imonggo product is the one linked to the store
 *   product, else the one whose stock number equals the line's SKU (trimmed, any case).
 *   - missing in Imonggo, or quantity 0 (or no stock row) in the invoice branch: the invoice is
 *     not posted (reject), and the reason names the product. Services (inventory disabled) have
 *     no stock and need none.
 *   - deleted in Imonggo (status "D"): Imonggo keeps no deletion time, so the product's last
 *     update time is taken as the moment it was deleted (a deleted product is not edited any
 *     more). Deleted after the order was placed: posted; at or before that moment: not posted
 *     (the same second counts as before, the stricter reading). Stock is not checked for a
 *     product deleted after the sale, as Imonggo no longer counts it.
 *   - more stock than zero is enough: the sale was made on the store, and the invoice records it
 *     even when it takes Imonggo's count below zero.
 * - The invoice shows the order as it was placed: each line's unit price is the order line's
 *   price including tax, its remark the order line's name, the invoice date the order date, and
 *   the buyer's name, email and billing address are in the remark, never today's Imonggo values.
 * - Customer: the Imonggo customer linked to the store customer, else the active Imonggo
 *   customer with the billing email (trimmed, any case). A guest order gets no customer. Imonggo
 *   silently drops an unknown customer id, so only customers read from Imonggo are used.
 * - Payment: one payment of the order total (tax included) with the chosen payment type.
 * - Totals: lines, discount and shipping add up to the order total.
 *   - discount: the order total below its lines plus shipping is a discount; it is spread over
 *     the lines in proportion to their amounts as an amount in each line's `discount_text`, and
 *     named in the remark. Imonggo does not say whether an amount is taken per unit or per line;
 *     BIN sends it as the whole line's discount (the emulator's reading, and the one that keeps
 *     one-unit lines right either way).
 *   - shipping 'line': shipping, and any other charge the order total holds (handling, gift
 *     wrapping), is one line of the service product with the chosen stock number, so the lines
 *     add up to the payment. BIN creates that product once if Imonggo lacks it.
 *   - shipping 'remark': shipping and other charges are only in the payment and the remark; the
 *     lines then add up to the payment less those charges.
 */
import type { BillingAddress, Order, OrderProduct } from '../../bigcommerce/types.ts';
import type {
  Customer as ImonggoCustomer,
  Product as ImonggoProduct,
} from '../../imonggo/schemas.ts';
import type { InvoiceInput, InvoiceLineInput } from '../../imonggo/inputs.ts';
import { toApiTime } from '../../imonggo/timestamps.ts';
import type { Link } from '../../store/schema.ts';
import { PlanBuilder, type Plan } from '../plan.ts';
import type { Settings } from '../settings.ts';
import { money, splitTotal } from './money.ts';
import { invoiceReference } from './reference.ts';

export interface InvoicePayload {
  orderId: number;
  branchId: number;
  /** The invoice without its shipping line, whose product may still have to be created. */
  invoice: InvoiceInput;
  /** Shipping as a line ('line' mode, order with shipping or other charges). */
  shippingLine?: { amount: number; productId?: number };
}

export interface InvoicePlanInput {
  /** Store orders read (all, or those changed since the last run), with their lines. */
  orders: readonly Order[];
  orderLines: ReadonlyMap<number, readonly OrderProduct[]>;
  /** Every Imonggo product, deleted ones included, with what the rules read of each. */
  products: readonly InvoiceProduct[];
  /** Imonggo quantity per product id in the invoice branch; no entry means no stock row. */
  quantities: ReadonlyMap<number, number>;
  productLinks: readonly LinkIds[];
  customerLinks: readonly Link[];
  invoiceLinks: readonly Link[];
  customers: readonly ImonggoCustomer[];
  settings: Pick<Settings, 'paidStatusIds' | 'shipping' | 'shippingStockNo'>;
  storeKey: string;
  /** The branch invoices go to and stock is counted in; undefined when the account has none. */
  branchId: number | undefined;
  paymentTypeId: number | undefined;
}

/**
 * What the rules read of an Imonggo product. A run holds every product of the account at once,
 * so it keeps these five fields and lets the rest of each record go with its page.
 */
export type InvoiceProduct = Pick<
  ImonggoProduct,
  'id' | 'stock_no' | 'status' | 'utc_updated_at' | 'disable_inventory'
>;

/** The two ids of a link, all the rules need of the product links. */
export type LinkIds = Pick<Link, 'imonggo_id' | 'bigcommerce_id'>;

export function stockKey(stockNo: string): string {
  return stockNo.trim().toLowerCase();
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Orders BIN must read the lines of: paid, on the store, and not invoiced yet. */
export function ordersToInvoice(
  orders: readonly Order[],
  paidStatusIds: readonly number[],
  invoiceLinks: readonly Link[],
): Order[] {
  const paid = new Set(paidStatusIds);
  const invoiced = new Set(invoiceLinks.map((link) => link.bigcommerce_id));
  return orders.filter(
    (order) => !order.is_deleted && paid.has(order.status_id) && !invoiced.has(String(order.id)),
  );
}

/** How order lines and buyers find their Imonggo products and customers. */
export interface ImonggoLookups {
  catalog: Catalog;
  customers: CustomerFinder;
}

/**
 * The lookups of one reading of Imonggo's side. A run that plans its orders in chunks builds them
 * once: each holds maps of every Imonggo product or customer, and building them again for each of
 * ten chunks of a 20,000-product account made a hundred megabytes of garbage.
 */
export function imonggoLookups(
  input: Pick<
    InvoicePlanInput,
    'products' | 'quantities' | 'productLinks' | 'settings' | 'customers' | 'customerLinks'
  >,
): ImonggoLookups {
  return { catalog: new Catalog(input), customers: new CustomerFinder(input) };
}

/**
 * Decides, for each store order, whether it becomes an Imonggo invoice. Pure. `lookups` must be
 * built from the same input's Imonggo side.
 */
export function planInvoices(
  input: InvoicePlanInput,
  lookups: ImonggoLookups = imonggoLookups(input),
): Plan<InvoicePayload> {
  const plan = new PlanBuilder<InvoicePayload>('invoices-pull');
  const paid = new Set(input.settings.paidStatusIds);
  const linkByOrder = new Map(input.invoiceLinks.map((link) => [link.bigcommerce_id, link]));
  const { catalog, customers } = lookups;

  for (const order of [...input.orders].sort((a, b) => a.id - b.id)) {
    const reference = invoiceReference(input.storeKey, order.id);
    const link = linkByOrder.get(String(order.id));
    const base = {
      entity: 'invoice' as const,
      key: reference,
      label: `Order #${order.id}`,
      imonggoId: link?.imonggo_id ?? null,
      bigcommerceId: String(order.id),
    };
    const skip = (reason: string) => plan.add({ ...base, action: 'skip', reason });
    const reject = (reason: string) => plan.add({ ...base, action: 'reject', reason });

    if (link?.state === 'linked') {
      skip(`already invoiced in Imonggo (${reference})`);
      continue;
    }
    if (link) {
      skip('a stopped run was posting it; the next run checks whether it reached Imonggo');
      continue;
    }
    if (order.is_deleted) {
      skip('archived on the store; not invoiced');
      continue;
    }
    if (!paid.has(order.status_id)) {
      skip(`status is "${order.status}", not a paid status; not invoiced`);
      continue;
    }
    if (input.branchId === undefined) {
      reject('Imonggo has no active branch to post invoices in');
      continue;
    }

    const lines = input.orderLines.get(order.id) ?? [];
    if (lines.length === 0) {
      reject('the order has no products to invoice');
      continue;
    }

    const found = lines.map((line) => catalog.resolve(line, order));
    const problems = found.flatMap((result) => ('problem' in result ? [result.problem] : []));
    if (problems.length > 0) {
      reject(`${problems.join('; ')}; not posted`);
      continue;
    }
    const products = found.flatMap((result) => ('product' in result ? [result] : []));

    const split = splitTotal({
      lines: lines.map((line) => ({ quantity: line.quantity, unitPrice: line.price_inc_tax })),
      shipping: order.shipping_cost_inc_tax,
      total: order.total_inc_tax,
    });
    const shippingAsLine = input.settings.shipping === 'line' && split.charges > 0;
    const shipping = shippingAsLine ? catalog.shippingProduct() : undefined;
    if (shipping && 'problem' in shipping) {
      reject(`${shipping.problem}; not posted`);
      continue;
    }

    const customer = customers.find(order);
    const invoiceLines: InvoiceLineInput[] = lines.map((line, index) => {
      const discount = split.lineDiscounts[index] ?? 0;
      return {
        product_id: products[index]?.product.id ?? 0,
        quantity: line.quantity,
        retail_price: line.price_inc_tax,
        ...(discount > 0 ? { discount_text: money(discount) } : {}),
        remark: line.name,
      };
    });

    const notes = [
      ...products.flatMap((result) => (result.note ? [result.note] : [])),
      customer.note,
      split.discount > 0 ? `discount ${money(split.discount)} spread over the lines` : undefined,
      split.charges > 0
        ? shippingAsLine
          ? `shipping ${money(split.charges)} as a line of ${input.settings.shippingStockNo}`
          : `shipping ${money(split.charges)} in the payment and the remark`
        : undefined,
    ].filter((note): note is string => note !== undefined);

    plan.add({
      ...base,
      action: 'create',
      reason: [`paid (${order.status}); posted as invoice ${reference}`, ...notes].join('; '),
      payload: {
        orderId: order.id,
        branchId: input.branchId,
        invoice: {
          reference,
          invoice_date: toApiTime(order.date_created),
          ...(customer.id === undefined ? {} : { customer_id: customer.id }),
          remark: remarkOf(order, split, input.settings.shipping),
          invoice_lines: invoiceLines,
          payments: [
            {
              ...(input.paymentTypeId === undefined
                ? {}
                : { payment_type_id: input.paymentTypeId }),
              amount: order.total_inc_tax,
            },
          ],
        },
        ...(shipping
          ? {
              shippingLine: {
                amount: split.charges,
                ...(shipping.product ? { productId: shipping.product.id } : {}),
              },
            }
          : {}),
      },
    });
  }

  if (input.orders.length === 0) {
    plan.note('No store orders changed since the last run: nothing to invoice.');
  }
  return plan;
}

type Resolved = { product: InvoiceProduct; note?: string } | { problem: string };

/** Imonggo products as order lines look them up: by product link, then by stock number. */
class Catalog {
  readonly #byId: Map<number, InvoiceProduct>;
  readonly #byStockNo = new Map<string, InvoiceProduct>();
  readonly #linkedId: Map<string, string>;
  readonly #quantities: ReadonlyMap<number, number>;
  readonly #shippingStockNo: string;

  constructor(
    input: Pick<InvoicePlanInput, 'products' | 'quantities' | 'productLinks' | 'settings'>,
  ) {
    this.#byId = new Map(input.products.map((product) => [product.id, product]));
    // Deleted products keep their stock number in Imonggo; an active one wins a shared number.
    for (const product of [...input.products].sort((a, b) => rank(a) - rank(b))) {
      const key = stockKey(product.stock_no);
      if (key !== '' && !this.#byStockNo.has(key)) this.#byStockNo.set(key, product);
    }
    this.#linkedId = new Map(
      input.productLinks.flatMap((link) =>
        link.bigcommerce_id && link.imonggo_id ? [[link.bigcommerce_id, link.imonggo_id]] : [],
      ),
    );
    this.#quantities = input.quantities;
    this.#shippingStockNo = input.settings.shippingStockNo;
  }

  resolve(line: OrderProduct, order: Order): Resolved {
    const name = line.sku.trim() || line.name;
    const linked = this.#linkedId.get(String(line.product_id));
    const product =
      (linked === undefined ? undefined : this.#byId.get(Number(linked))) ??
      this.#byStockNo.get(stockKey(line.sku));
    if (!product) return { problem: `product ${name} is missing in Imonggo` };

    if (product.status === 'D') {
      const deletedAt = Date.parse(product.utc_updated_at);
      if (deletedAt > Date.parse(order.date_created)) {
        return {
          product,
          note: `product ${name} was deleted in Imonggo after the order was placed`,
        };
      }
      return { problem: `product ${name} was deleted in Imonggo before the order was placed` };
    }

    if (product.disable_inventory) return { product };
    const quantity = this.#quantities.get(product.id);
    if (quantity === undefined) return { problem: `product ${name} has no stock in Imonggo` };
    if (quantity <= 0) return { problem: `product ${name} has quantity 0 in Imonggo` };
    return { product };
  }

  /** The service product shipping lines use; `product` is absent when BIN has to create it. */
  shippingProduct(): { product?: InvoiceProduct } | { problem: string } {
    const product = this.#byStockNo.get(stockKey(this.#shippingStockNo));
    if (!product) return {};
    if (product.status === 'D') {
      return {
        problem: `the shipping product ${this.#shippingStockNo} is deleted in Imonggo (restore it, or choose another stock number or shipping in the remark)`,
      };
    }
    return { product };
  }
}

function rank(product: InvoiceProduct): number {
  return product.status === 'D' ? 1 : 0;
}

/** The Imonggo customer of an order, found by customer link, then by billing email. */
class CustomerFinder {
  readonly #active: Map<number, ImonggoCustomer>;
  readonly #byEmail = new Map<string, ImonggoCustomer>();
  readonly #linkedId: Map<string, string>;

  constructor(input: Pick<InvoicePlanInput, 'customers' | 'customerLinks'>) {
    const active = input.customers.filter((customer) => customer.status !== 'D');
    this.#active = new Map(active.map((customer) => [customer.id, customer]));
    for (const customer of [...active].sort((a, b) => a.id - b.id)) {
      const key = emailKey(customer.email);
      if (key !== '' && !this.#byEmail.has(key)) this.#byEmail.set(key, customer);
    }
    this.#linkedId = new Map(
      input.customerLinks.flatMap((link) =>
        link.bigcommerce_id && link.imonggo_id ? [[link.bigcommerce_id, link.imonggo_id]] : [],
      ),
    );
  }

  find(order: Order): { id?: number; note?: string } {
    if (order.customer_id === 0) return { note: 'guest order; the buyer is named in the remark' };

    const linked = this.#linkedId.get(String(order.customer_id));
    const customer =
      (linked === undefined ? undefined : this.#active.get(Number(linked))) ??
      this.#byEmail.get(emailKey(order.billing_address.email));
    if (customer) return { id: customer.id };
    return { note: 'the buyer is not an Imonggo customer; named in the remark' };
  }
}

/** What the order said when it was placed, for the invoice's remark. */
function remarkOf(
  order: Order,
  split: ReturnType<typeof splitTotal>,
  shipping: Settings['shipping'],
): string {
  const parts = [
    `BigCommerce order #${order.id} of ${toApiTime(order.date_created)}`,
    `buyer: ${buyerOf(order.billing_address)}`,
  ];
  if (split.discount > 0) parts.push(`discount ${money(split.discount)} ${order.currency_code}`);
  if (split.charges > 0) {
    const other = split.otherCharges > 0 ? ` (other charges ${money(split.otherCharges)})` : '';
    const where = shipping === 'line' ? 'as a line' : 'in the payment only';
    parts.push(`shipping ${money(split.charges)} ${order.currency_code}${other} ${where}`);
  }
  if (order.customer_message.trim() !== '') parts.push(`note: ${order.customer_message.trim()}`);
  return parts.join('; ');
}

function buyerOf(address: BillingAddress): string {
  const name = [address.first_name, address.last_name].map((s) => s.trim()).filter(Boolean);
  const where = [
    address.company,
    address.street_1,
    address.street_2,
    address.city,
    address.state,
    address.zip,
    address.country,
  ]
    .map((s) => s.trim())
    .filter(Boolean);
  const email = address.email.trim();
  return [
    [name.join(' '), email === '' ? '' : `<${email}>`].filter(Boolean).join(' '),
    where.join(', '),
    address.phone.trim(),
  ]
    .filter(Boolean)
    .join(', ');
}
