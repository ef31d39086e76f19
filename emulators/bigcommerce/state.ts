import { z } from 'zod';
import { categoryToV3, categoryWriteShape, newCategory } from './categories.ts';
import { customerToV3, customerWriteShape, emailTaken, newCustomer } from './customers.ts';
import { parseDate, rfc2822Date } from './dates.ts';
import { money4, orderLineToV2 } from './orders.ts';
import { newProduct, productToV3, productWriteShape } from './products.ts';
import { orderStatuses } from './order-statuses.ts';
import type { OrderLineRecord, OrderRecord, StoreRecord } from './records.ts';
import { sortedById } from './records.ts';

const id = z.number().int().min(1);
const date = z.string().refine((text) => parseDate(text) !== undefined, 'not a date');
const amount = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'not a decimal number')
    .transform(Number),
]);

const productDoc = z
  .object(productWriteShape)
  .partial()
  .required({ name: true })
  .extend({ id: id.optional(), date_created: date.optional(), date_modified: date.optional() });

const categoryDoc = z
  .object(categoryWriteShape)
  .partial()
  .required({ name: true })
  .extend({ id: id.optional() });

const customerDoc = z
  .object(customerWriteShape)
  .partial()
  .required({ email: true, first_name: true, last_name: true })
  .extend({
    id: id.optional(),
    registration_ip_address: z.string().optional(),
    date_created: date.optional(),
    date_modified: date.optional(),
  });

const orderLineDoc = z.object({
  id: id.optional(),
  product_id: z.number().int().min(0),
  variant_id: z.number().int().min(0).optional(),
  name: z.string().min(1),
  sku: z.string(),
  type: z.enum(['physical', 'digital']).optional(),
  quantity: z.number().int().min(1),
  base_price: amount,
  price_ex_tax: amount.optional(),
  price_inc_tax: amount.optional(),
  price_tax: amount.optional(),
  total_ex_tax: amount.optional(),
  total_inc_tax: amount.optional(),
  total_tax: amount.optional(),
  weight: amount.optional(),
  quantity_shipped: z.number().int().min(0).optional(),
  quantity_refunded: z.number().int().min(0).optional(),
  refund_amount: amount.optional(),
  is_refunded: z.boolean().optional(),
});

const billingAddressDoc = z
  .object({
    first_name: z.string(),
    last_name: z.string(),
    company: z.string(),
    street_1: z.string(),
    street_2: z.string(),
    city: z.string(),
    state: z.string(),
    zip: z.string(),
    country: z.string(),
    country_iso2: z.string(),
    phone: z.string(),
    email: z.string(),
  })
  .partial();

const statusIds = orderStatuses.map((status) => status.id);

const orderDoc = z.object({
  id: id.optional(),
  customer_id: z.number().int().min(0).default(0),
  date_created: date.optional(),
  date_modified: date.optional(),
  date_shipped: z.union([date, z.literal('')]).optional(),
  status_id: z
    .number()
    .int()
    .refine((value) => statusIds.includes(value), 'not an order status id (0-14)')
    .default(1),
  subtotal_ex_tax: amount.optional(),
  subtotal_inc_tax: amount.optional(),
  subtotal_tax: amount.optional(),
  shipping_cost_ex_tax: amount.optional(),
  shipping_cost_inc_tax: amount.optional(),
  shipping_cost_tax: amount.optional(),
  total_ex_tax: amount.optional(),
  total_inc_tax: amount.optional(),
  total_tax: amount.optional(),
  discount_amount: amount.optional(),
  coupon_discount: amount.optional(),
  refunded_amount: amount.optional(),
  items_shipped: z.number().int().min(0).optional(),
  payment_method: z.string().default('Cash on Delivery'),
  payment_status: z.string().default(''),
  currency_code: z.string().length(3).default('USD'),
  customer_message: z.string().default(''),
  staff_notes: z.string().default(''),
  order_source: z.string().default('www'),
  channel_id: z.number().int().default(1),
  external_source: z.string().default(''),
  external_id: z.string().default(''),
  is_deleted: z.boolean().default(false),
  billing_address: billingAddressDoc.default({}),
  products: z.array(orderLineDoc).default([]),
});

const storeDoc = z.object({
  store_hash: z.string().regex(/^[a-z0-9]+$/, 'lower-case letters and digits only'),
  domain: z.string().min(1),
  legacy: z
    .object({ username: z.string().min(1), api_token: z.string().min(1) })
    .nullable()
    .default(null),
  access_token: z.string().min(1),
  products: z.array(productDoc).default([]),
  categories: z.array(categoryDoc).default([]),
  customers: z.array(customerDoc).default([]),
  orders: z.array(orderDoc).default([]),
});

export const stateDocSchema = z.object({ stores: z.array(storeDoc) });

export type BigCommerceStateDoc = z.input<typeof stateDocSchema>;

/** A state document that failed validation, with the path of the first bad field. */
export class StateError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** Validates a state document and builds the stores it describes; throws StateError. */
export function loadState(doc: unknown, now: number): Map<string, StoreRecord> {
  const parsed = stateDocSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StateError(issue?.path.join('.') || '(document)', issue?.message ?? 'invalid');
  }

  const stores = new Map<string, StoreRecord>();
  parsed.data.stores.forEach((input, index) => {
    if (stores.has(input.store_hash)) {
      throw new StateError(`stores.${index}.store_hash`, 'duplicate store_hash');
    }
    stores.set(input.store_hash, buildStore(input, index, now));
  });
  return stores;
}

type StoreInput = z.output<typeof storeDoc>;

function buildStore(input: StoreInput, index: number, now: number): StoreRecord {
  const store: StoreRecord = {
    store_hash: input.store_hash,
    domain: input.domain.toLowerCase(),
    legacy: input.legacy,
    access_token: input.access_token,
    products: new Map(),
    categories: new Map(),
    customers: new Map(),
    orders: new Map(),
    nextId: {
      product: firstFreeId(input.products),
      category: firstFreeId(input.categories),
      customer: firstFreeId(input.customers),
      order: Math.max(100, firstFreeId(input.orders)),
      line: firstFreeId(input.orders.flatMap((order) => order.products)),
    },
  };
  const where = (list: string, i: number) => `stores.${index}.${list}.${i}`;

  input.categories.forEach((doc, i) => {
    const { id: given, ...fields } = doc;
    const category = newCategory(given ?? store.nextId.category++, fields);
    addUnique(store.categories, category, where('categories', i));
  });

  input.products.forEach((doc, i) => {
    const { id: given, date_created, date_modified, ...fields } = doc;
    const product = newProduct(given ?? store.nextId.product++, now, fields);
    product.date_created = date_created ? (parseDate(date_created) ?? now) : now;
    product.date_modified = date_modified
      ? (parseDate(date_modified) ?? now)
      : product.date_created;
    const missing = product.categories.find((categoryId) => !store.categories.has(categoryId));
    if (missing !== undefined) {
      throw new StateError(`${where('products', i)}.categories`, `no category ${missing}`);
    }
    addUnique(store.products, product, where('products', i));
  });

  input.customers.forEach((doc, i) => {
    const { id: given, date_created, date_modified, registration_ip_address, ...fields } = doc;
    if (emailTaken(store.customers.values(), fields.email)) {
      throw new StateError(`${where('customers', i)}.email`, 'duplicate email');
    }
    const customer = newCustomer(given ?? store.nextId.customer++, now, fields);
    customer.registration_ip_address = registration_ip_address ?? '';
    customer.date_created = date_created ? (parseDate(date_created) ?? now) : now;
    customer.date_modified = date_modified
      ? (parseDate(date_modified) ?? now)
      : customer.date_created;
    addUnique(store.customers, customer, where('customers', i));
  });

  input.orders.forEach((doc, i) => {
    const order = buildOrder(doc, store, now);
    addUnique(store.orders, order, where('orders', i));
  });

  return store;
}

type OrderInput = z.output<typeof orderDoc>;

/** Fills the totals an order document leaves out from its lines, as the store would compute them. */
function buildOrder(doc: OrderInput, store: StoreRecord, now: number): OrderRecord {
  const orderId = doc.id ?? store.nextId.order++;
  const lines: OrderLineRecord[] = doc.products.map((line) => {
    const priceEx = line.price_ex_tax ?? line.base_price;
    const priceInc = line.price_inc_tax ?? priceEx;
    return {
      id: line.id ?? store.nextId.line++,
      order_id: orderId,
      product_id: line.product_id,
      variant_id: line.variant_id ?? line.product_id,
      name: line.name,
      sku: line.sku,
      type: line.type ?? 'physical',
      quantity: line.quantity,
      base_price: line.base_price,
      price_ex_tax: priceEx,
      price_inc_tax: priceInc,
      price_tax: line.price_tax ?? priceInc - priceEx,
      base_total: line.base_price * line.quantity,
      total_ex_tax: line.total_ex_tax ?? priceEx * line.quantity,
      total_inc_tax: line.total_inc_tax ?? priceInc * line.quantity,
      total_tax: line.total_tax ?? (priceInc - priceEx) * line.quantity,
      weight: line.weight ?? 0,
      quantity_shipped: line.quantity_shipped ?? 0,
      quantity_refunded: line.quantity_refunded ?? 0,
      refund_amount: line.refund_amount ?? 0,
      is_refunded: line.is_refunded ?? false,
    };
  });

  const sum = (pick: (line: OrderLineRecord) => number) =>
    lines.reduce((total, line) => total + pick(line), 0);
  const subtotalEx = doc.subtotal_ex_tax ?? sum((line) => line.total_ex_tax);
  const subtotalInc = doc.subtotal_inc_tax ?? sum((line) => line.total_inc_tax);
  const shippingEx = doc.shipping_cost_ex_tax ?? 0;
  const shippingInc = doc.shipping_cost_inc_tax ?? shippingEx;
  const discount = doc.discount_amount ?? 0;
  const created = doc.date_created ? (parseDate(doc.date_created) ?? now) : now;
  const { billing_address: billing } = doc;

  return {
    id: orderId,
    customer_id: doc.customer_id,
    date_created: created,
    date_modified: doc.date_modified ? (parseDate(doc.date_modified) ?? now) : created,
    date_shipped: doc.date_shipped ? (parseDate(doc.date_shipped) ?? null) : null,
    status_id: doc.status_id,
    subtotal_ex_tax: subtotalEx,
    subtotal_inc_tax: subtotalInc,
    subtotal_tax: doc.subtotal_tax ?? subtotalInc - subtotalEx,
    shipping_cost_ex_tax: shippingEx,
    shipping_cost_inc_tax: shippingInc,
    shipping_cost_tax: doc.shipping_cost_tax ?? shippingInc - shippingEx,
    total_ex_tax: doc.total_ex_tax ?? subtotalEx + shippingEx - discount,
    total_inc_tax: doc.total_inc_tax ?? subtotalInc + shippingInc - discount,
    total_tax: doc.total_tax ?? subtotalInc + shippingInc - subtotalEx - shippingEx,
    discount_amount: discount,
    coupon_discount: doc.coupon_discount ?? 0,
    refunded_amount: doc.refunded_amount ?? 0,
    items_total: sum((line) => line.quantity),
    items_shipped: doc.items_shipped ?? sum((line) => line.quantity_shipped),
    payment_method: doc.payment_method,
    payment_status: doc.payment_status,
    currency_code: doc.currency_code,
    customer_message: doc.customer_message,
    staff_notes: doc.staff_notes,
    order_source: doc.order_source,
    channel_id: doc.channel_id,
    external_source: doc.external_source,
    external_id: doc.external_id,
    is_deleted: doc.is_deleted,
    billing_address: {
      first_name: billing.first_name ?? '',
      last_name: billing.last_name ?? '',
      company: billing.company ?? '',
      street_1: billing.street_1 ?? '',
      street_2: billing.street_2 ?? '',
      city: billing.city ?? '',
      state: billing.state ?? '',
      zip: billing.zip ?? '',
      country: billing.country ?? '',
      country_iso2: billing.country_iso2 ?? '',
      phone: billing.phone ?? '',
      email: billing.email ?? '',
    },
    products: lines,
  };
}

/** The state of every store in the document shape `PUT /__admin/state` accepts. */
export function dumpState(stores: Map<string, StoreRecord>): { stores: unknown[] } {
  return {
    stores: [...stores.values()].map((store) => ({
      store_hash: store.store_hash,
      domain: store.domain,
      legacy: store.legacy,
      access_token: store.access_token,
      products: sortedById(store.products).map(productToV3),
      categories: sortedById(store.categories).map(categoryToV3),
      customers: sortedById(store.customers).map(customerToV3),
      orders: sortedById(store.orders).map(dumpOrder),
    })),
  };
}

function dumpOrder(order: OrderRecord): Record<string, unknown> {
  const money = (value: number) => money4(value);
  return {
    ...order,
    date_created: rfc2822Date(order.date_created),
    date_modified: rfc2822Date(order.date_modified),
    date_shipped: order.date_shipped === null ? '' : rfc2822Date(order.date_shipped),
    subtotal_ex_tax: money(order.subtotal_ex_tax),
    subtotal_inc_tax: money(order.subtotal_inc_tax),
    subtotal_tax: money(order.subtotal_tax),
    shipping_cost_ex_tax: money(order.shipping_cost_ex_tax),
    shipping_cost_inc_tax: money(order.shipping_cost_inc_tax),
    shipping_cost_tax: money(order.shipping_cost_tax),
    total_ex_tax: money(order.total_ex_tax),
    total_inc_tax: money(order.total_inc_tax),
    total_tax: money(order.total_tax),
    discount_amount: money(order.discount_amount),
    coupon_discount: money(order.coupon_discount),
    refunded_amount: money(order.refunded_amount),
    products: order.products.map(orderLineToV2),
  };
}

function firstFreeId(records: readonly { id?: number | undefined }[]): number {
  return records.reduce((max, record) => Math.max(max, record.id ?? 0), 0) + 1;
}

function addUnique<T extends { id: number }>(map: Map<number, T>, record: T, where: string): void {
  if (map.has(record.id)) throw new StateError(`${where}.id`, `duplicate id ${record.id}`);
  map.set(record.id, record);
}
