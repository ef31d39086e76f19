import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Order, OrderProduct } from '../../bigcommerce/types.ts';
import type { Customer, Product } from '../../imonggo/schemas.ts';
import type { Link, LinkEntity } from '../../store/schema.ts';
import { defaultPaidStatusIds } from '../settings.ts';
import { blankImonggoCustomer, blankImonggoProduct } from '../test-records.ts';
import { splitTotal } from './money.ts';
import { invoiceReference } from './reference.ts';
import {
  ordersToInvoice,
  planInvoices,
  type InvoicePayload,
  type InvoicePlanInput,
} from './rules.ts';

const placed = '2026-03-01T10:00:00Z';
const before = '2026-02-01T10:00:00Z';
const after = '2026-04-01T10:00:00Z';

function product(id: number, overrides: Partial<Product> = {}): Product {
  return {
    ...blankImonggoProduct(id),
    stock_no: `TEA-0${id}`,
    name: `Tea ${id} (today's name)`,
    cost: 1,
    retail_price: 99,
    utc_created_at: '2026-01-01T00:00:00Z',
    utc_updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

function customer(id: number, email: string, overrides: Partial<Customer> = {}): Customer {
  return {
    ...blankImonggoCustomer(id),
    first_name: 'Today',
    last_name: 'Name',
    name: 'Today Name',
    email,
    utc_created_at: '2026-01-01T00:00:00Z',
    utc_updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

function order(id: number, overrides: Partial<Order> = {}): Order {
  return {
    id,
    customer_id: 7,
    status_id: 10,
    status: 'Completed',
    date_created: placed,
    date_modified: placed,
    subtotal_ex_tax: 20,
    subtotal_inc_tax: 20,
    shipping_cost_ex_tax: 0,
    shipping_cost_inc_tax: 0,
    total_ex_tax: 20,
    total_inc_tax: 20,
    total_tax: 0,
    discount_amount: 0,
    items_total: 2,
    payment_method: 'Card',
    currency_code: 'USD',
    customer_message: '',
    staff_notes: '',
    is_deleted: false,
    billing_address: {
      first_name: 'Ana',
      last_name: 'Reyes',
      company: 'Reyes Tea House',
      street_1: '1 Leaf Road',
      street_2: '',
      city: 'Manila',
      state: '',
      zip: '1000',
      country: 'Philippines',
      country_iso2: 'PH',
      phone: '+63 2 555 0100',
      email: 'Ana@Example.com',
    },
    ...overrides,
  };
}

function line(orderId: number, productId: number, overrides: Partial<OrderProduct> = {}) {
  const price = overrides.price_inc_tax ?? 10;
  const quantity = overrides.quantity ?? 1;
  return {
    id: orderId * 10 + productId,
    order_id: orderId,
    product_id: 100 + productId,
    variant_id: null,
    name: `Tea ${productId} as sold`,
    sku: `TEA-0${productId}`,
    quantity,
    base_price: price,
    price_ex_tax: price,
    price_inc_tax: price,
    total_ex_tax: price * quantity,
    total_inc_tax: price * quantity,
    ...overrides,
  };
}

function link(entity: LinkEntity, key: string, imonggoId: string, bigcommerceId: string): Link {
  return {
    id: 1,
    connection_id: 'c',
    entity,
    natural_key: key,
    imonggo_id: imonggoId,
    bigcommerce_id: bigcommerceId,
    state: 'linked',
    pushed_hash: null,
    pushed_name: null,
    visible: null,
    created_at: '',
    updated_at: '',
  };
}

/** One paid order #1 of two Tea 1 at 10.00, both on Imonggo with stock. */
function plan(overrides: Partial<InvoicePlanInput> = {}) {
  return planInvoices({
    orders: [order(1)],
    orderLines: new Map([[1, [line(1, 1, { quantity: 2 })]]]),
    products: [product(1), product(2)],
    quantities: new Map([
      [1, 5],
      [2, 5],
    ]),
    productLinks: [],
    customerLinks: [],
    invoiceLinks: [],
    customers: [],
    settings: { paidStatusIds: defaultPaidStatusIds, shipping: 'line', shippingStockNo: 'SHIP' },
    storeKey: 'acme01',
    branchId: 3,
    paymentTypeId: 2,
    ...overrides,
  });
}

function only(result: ReturnType<typeof plan>) {
  assert.equal(result.items.length, 1);
  return result.items[0]!;
}

function payloadOf(result: ReturnType<typeof plan>): InvoicePayload {
  const item = only(result);
  assert.equal(item.action, 'create', item.reason);
  assert.ok(item.payload);
  return item.payload;
}

/** What Imonggo will count the invoice's lines at, shipping line included. */
function linesTotal(payload: InvoicePayload): number {
  const lines = payload.invoice.invoice_lines.reduce(
    (sum, l) => sum + l.quantity * (l.retail_price ?? 0) - Number(l.discount_text ?? 0),
    0,
  );
  return Math.round((lines + (payload.shippingLine?.amount ?? 0)) * 100) / 100;
}

describe('pull invoices rules: table 5', () => {
  it('rejects an order whose product is missing in Imonggo, naming the product', () => {
    const item = only(plan({ products: [] }));

    assert.equal(item.action, 'reject');
    assert.equal(item.reason, 'product TEA-01 is missing in Imonggo; not posted');
  });

  it('rejects an order whose product has quantity 0, or no stock row, in the branch', () => {
    const zero = only(plan({ quantities: new Map([[1, 0]]) }));
    const none = only(plan({ quantities: new Map() }));

    assert.equal(zero.action, 'reject');
    assert.match(zero.reason, /product TEA-01 has quantity 0 in Imonggo/);
    assert.equal(none.action, 'reject');
    assert.match(none.reason, /product TEA-01 has no stock in Imonggo/);
  });

  it('names every product that stops an order', () => {
    const lines = new Map([[1, [line(1, 1), line(1, 2), line(1, 3)]]]);
    const item = only(plan({ orderLines: lines, quantities: new Map([[1, 0]]) }));

    assert.equal(
      item.reason,
      'product TEA-01 has quantity 0 in Imonggo; product TEA-02 has no stock in Imonggo; ' +
        'product TEA-03 is missing in Imonggo; not posted',
    );
  });

  it('posts an order whose product was deleted in Imonggo after the order was placed', () => {
    const deleted = product(1, { status: 'D', utc_updated_at: after });
    const item = only(plan({ products: [deleted], quantities: new Map() }));

    assert.equal(item.action, 'create');
    assert.match(item.reason, /product TEA-01 was deleted in Imonggo after the order was placed/);
    assert.equal(item.payload?.invoice.invoice_lines[0]?.product_id, 1);
  });

  it('rejects an order whose product was deleted before the order, or in the same second', () => {
    for (const deletedAt of [before, placed]) {
      const deleted = product(1, { status: 'D', utc_updated_at: deletedAt });
      const item = only(plan({ products: [deleted] }));

      assert.equal(item.action, 'reject');
      assert.equal(
        item.reason,
        'product TEA-01 was deleted in Imonggo before the order was placed; not posted',
      );
    }
  });

  it('posts an order whose products are on Imonggo with quantity above 0', () => {
    const payload = payloadOf(plan({ quantities: new Map([[1, 1]]) }));

    assert.deepEqual(payload.invoice.invoice_lines, [
      { product_id: 1, quantity: 2, retail_price: 10, remark: 'Tea 1 as sold' },
    ]);
    assert.equal(payload.branchId, 3);
  });

  it("uses the order's names, prices, date and buyer, not today's Imonggo values", () => {
    const linked = customer(40, 'ana@example.com', { name: 'Renamed Since' });
    const payload = payloadOf(plan({ customers: [linked] }));

    const invoiceLine = payload.invoice.invoice_lines[0];
    assert.equal(invoiceLine?.retail_price, 10, 'the order price, not Imonggo’s 99');
    assert.equal(invoiceLine?.remark, 'Tea 1 as sold');
    assert.equal(payload.invoice.invoice_date, '2026-03-01T10:00:00Z');
    assert.equal(payload.invoice.customer_id, 40);
    assert.match(payload.invoice.remark ?? '', /buyer: Ana Reyes <Ana@Example\.com>/);
    assert.match(payload.invoice.remark ?? '', /Reyes Tea House, 1 Leaf Road, Manila, 1000/);
    assert.doesNotMatch(payload.invoice.remark ?? '', /Renamed Since/);
  });
});

describe('pull invoices rules: which orders', () => {
  it('skips orders in a status that is not paid, with the status name', () => {
    const statuses: [number, string][] = [
      [0, 'Incomplete'],
      [1, 'Pending'],
      [4, 'Refunded'],
      [5, 'Cancelled'],
      [6, 'Declined'],
      [7, 'Awaiting Payment'],
    ];
    const orders = statuses.map(([id, name], n) => order(n + 1, { status_id: id, status: name }));
    const result = plan({ orders, orderLines: new Map() });

    assert.deepEqual(
      result.items.map((item) => [item.action, item.reason]),
      statuses.map(([, name]) => ['skip', `status is "${name}", not a paid status; not invoiced`]),
    );
  });

  it('invoices every status of the configured paid set, and only those', () => {
    const settings = { paidStatusIds: [11], shipping: 'line' as const, shippingStockNo: 'SHIP' };
    const orders = [order(1, { status_id: 11 }), order(2, { status_id: 10 })];
    const lines = new Map([
      [1, [line(1, 1)]],
      [2, [line(2, 1)]],
    ]);
    const result = plan({ orders, orderLines: lines, settings });

    assert.deepEqual(
      result.items.map((item) => item.action),
      ['create', 'skip'],
    );
  });

  it('skips an order archived on the store', () => {
    const item = only(plan({ orders: [order(1, { is_deleted: true })] }));

    assert.equal(item.action, 'skip');
    assert.match(item.reason, /archived/);
  });

  it('skips an order already invoiced, and one a stopped run was posting', () => {
    const reference = invoiceReference('acme01', 1);
    const linked = only(plan({ invoiceLinks: [link('invoice', reference, '9', '1')] }));
    const pending = only(
      plan({ invoiceLinks: [{ ...link('invoice', reference, '', '1'), state: 'pending' }] }),
    );

    assert.equal(linked.action, 'skip');
    assert.equal(linked.reason, `already invoiced in Imonggo (${reference})`);
    assert.equal(pending.action, 'skip');
    assert.match(pending.reason, /stopped run/);
  });

  it('reads lines only of paid orders that are on the store and not invoiced', () => {
    const orders = [order(1), order(2, { status_id: 1 }), order(3, { is_deleted: true }), order(4)];
    const chosen = ordersToInvoice(orders, defaultPaidStatusIds, [link('invoice', 'x', '1', '4')]);

    assert.deepEqual(
      chosen.map((o) => o.id),
      [1],
    );
  });

  it('rejects an order without lines, and any order when Imonggo has no branch', () => {
    const empty = only(plan({ orderLines: new Map([[1, []]]) }));
    const branchless = only(plan({ branchId: undefined }));

    assert.equal(empty.action, 'reject');
    assert.equal(branchless.action, 'reject');
    assert.match(branchless.reason, /no active branch/);
  });
});

describe('pull invoices rules: products, customers, payment', () => {
  it('finds a product through its product link before its SKU', () => {
    const linkToTwo = [link('product', 'TEA-02', '2', '101')];
    const payload = payloadOf(plan({ productLinks: linkToTwo }));

    assert.equal(payload.invoice.invoice_lines[0]?.product_id, 2);
  });

  it('matches a SKU to a stock number trimmed and in any case', () => {
    const lines = new Map([[1, [line(1, 1, { sku: '  tea-01 ' })]]]);
    const payload = payloadOf(plan({ orderLines: lines }));

    assert.equal(payload.invoice.invoice_lines[0]?.product_id, 1);
  });

  it('prefers the active product when a deleted one held the same stock number', () => {
    const products = [product(1, { status: 'D', utc_updated_at: before }), product(5)];
    products[1]!.stock_no = 'TEA-01';
    const payload = payloadOf(plan({ products, quantities: new Map([[5, 3]]) }));

    assert.equal(payload.invoice.invoice_lines[0]?.product_id, 5);
  });

  it('posts a service product (inventory disabled) without stock', () => {
    const service = product(1, { disable_inventory: true });
    const payload = payloadOf(plan({ products: [service], quantities: new Map() }));

    assert.equal(payload.invoice.invoice_lines[0]?.product_id, 1);
  });

  it('takes the customer linked to the store customer, else the one with the billing email', () => {
    const customers = [customer(40, 'ana@example.com'), customer(41, 'other@example.com')];
    const byLink = payloadOf(
      plan({ customers, customerLinks: [link('customer', 'other@example.com', '41', '7')] }),
    );
    const byEmail = payloadOf(plan({ customers }));

    assert.equal(byLink.invoice.customer_id, 41);
    assert.equal(byEmail.invoice.customer_id, 40);
  });

  it('never uses a customer deleted in Imonggo', () => {
    const customers = [customer(40, 'ana@example.com', { status: 'D' })];
    const item = only(plan({ customers }));

    assert.equal(item.payload?.invoice.customer_id, undefined);
    assert.match(item.reason, /not an Imonggo customer; named in the remark/);
  });

  it('gives a guest order no customer and names the buyer in the remark', () => {
    const customers = [customer(40, 'ana@example.com')];
    const item = only(plan({ orders: [order(1, { customer_id: 0 })], customers }));

    assert.equal(item.payload?.invoice.customer_id, undefined);
    assert.match(item.payload?.invoice.remark ?? '', /Ana Reyes <Ana@Example\.com>/);
    assert.match(item.reason, /guest order/);
  });

  it('pays the order total with the chosen payment type, or no type when none is known', () => {
    const typed = payloadOf(plan());
    const untyped = payloadOf(plan({ paymentTypeId: undefined }));

    assert.deepEqual(typed.invoice.payments, [{ payment_type_id: 2, amount: 20 }]);
    assert.deepEqual(untyped.invoice.payments, [{ amount: 20 }]);
  });

  it('uses a reference from the store and the order id, short and distinct per store', () => {
    const payload = payloadOf(plan());
    const long = invoiceReference('my-very-long-shop-name.mybigcommerce.com', 1234567890);

    assert.equal(payload.invoice.reference, 'BC-acme01-1');
    assert.equal(only(plan()).key, 'BC-acme01-1');
    assert.ok(long.length <= 30, long);
    assert.notEqual(
      invoiceReference('shop-a.mybigcommerce.com', 1),
      invoiceReference('shop-b.mybigcommerce.com', 1),
    );
  });
});

describe('pull invoices rules: totals', () => {
  const shipped = order(1, { shipping_cost_inc_tax: 5, total_inc_tax: 25 });

  it("'line': shipping is a line of the shipping product, and lines add up to the payment", () => {
    const ship = product(9, { stock_no: 'SHIP', disable_inventory: true });
    const payload = payloadOf(plan({ orders: [shipped], products: [product(1), ship] }));

    assert.deepEqual(payload.shippingLine, { amount: 5, productId: 9 });
    assert.equal(linesTotal(payload), 25);
    assert.equal(payload.invoice.payments[0]?.amount, 25);
  });

  it("'line': a missing shipping product is left for apply to create", () => {
    const payload = payloadOf(plan({ orders: [shipped] }));

    assert.deepEqual(payload.shippingLine, { amount: 5 });
  });

  it("'line': a deleted shipping product stops orders with shipping", () => {
    const ship = product(9, { stock_no: 'SHIP', status: 'D' });
    const item = only(plan({ orders: [shipped], products: [product(1), ship] }));

    assert.equal(item.action, 'reject');
    assert.match(item.reason, /the shipping product SHIP is deleted in Imonggo/);
  });

  it("'line': an order without shipping needs no shipping line", () => {
    const payload = payloadOf(plan());

    assert.equal(payload.shippingLine, undefined);
  });

  it("'remark': shipping is only in the payment and the remark", () => {
    const settings = { paidStatusIds: [10], shipping: 'remark' as const, shippingStockNo: 'SHIP' };
    const payload = payloadOf(plan({ orders: [shipped], settings }));

    assert.equal(payload.shippingLine, undefined);
    assert.equal(linesTotal(payload), 20);
    assert.equal(payload.invoice.payments[0]?.amount, 25);
    assert.match(payload.invoice.remark ?? '', /shipping 5\.00 USD in the payment only/);
  });

  it('spreads a discount over the lines so that they add up to the order total', () => {
    const discounted = order(1, {
      shipping_cost_inc_tax: 5,
      total_inc_tax: 27,
      discount_amount: 8,
    });
    const lines = new Map([
      [1, [line(1, 1, { quantity: 2, price_inc_tax: 10 }), line(1, 2, { price_inc_tax: 10 })]],
    ]);
    const payload = payloadOf(plan({ orders: [discounted], orderLines: lines }));

    assert.deepEqual(
      payload.invoice.invoice_lines.map((l) => l.discount_text),
      ['5.34', '2.66'],
    );
    assert.equal(linesTotal(payload), 27);
    assert.match(payload.invoice.remark ?? '', /discount 8\.00 USD/);
  });

  it('puts handling and other charges with shipping', () => {
    const charged = order(1, { shipping_cost_inc_tax: 5, total_inc_tax: 27.5 });
    const payload = payloadOf(plan({ orders: [charged] }));

    assert.deepEqual(payload.shippingLine, { amount: 7.5 });
    assert.equal(linesTotal(payload), 27.5);
    assert.match(payload.invoice.remark ?? '', /other charges 2\.50/);
  });
});

describe('splitTotal', () => {
  it('keeps whole cents and gives rounding cents to the largest lines', () => {
    const split = splitTotal({
      lines: [
        { quantity: 1, unitPrice: 10 },
        { quantity: 1, unitPrice: 10 },
        { quantity: 1, unitPrice: 10 },
      ],
      shipping: 0,
      total: 29,
    });

    assert.deepEqual(split.lineDiscounts, [0.34, 0.33, 0.33]);
    assert.equal(split.charges, 0);
  });

  it('takes a discount larger than the lines off the shipping', () => {
    const split = splitTotal({ lines: [{ quantity: 1, unitPrice: 4 }], shipping: 5, total: 3 });

    assert.deepEqual(split.lineDiscounts, [4]);
    assert.equal(split.charges, 3);
    assert.equal(split.discount, 6);
  });
});
