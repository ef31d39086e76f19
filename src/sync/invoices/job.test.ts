import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  contextOnOwnDatabase,
  imonggoAccount,
  invoiceProducts,
  invoicesOf,
  remoteWrites,
  stockOf,
  storeOrders,
  times,
} from '../../../test/support/invoices-fixtures.ts';
import { openWorld, type AccountKind, type World } from '../../../test/support/world.ts';
import { describeEachDialect } from '../../store/test-stores.ts';
import type { RunReport } from '../report.ts';
import { runJob } from '../runner.ts';
import { pullInvoicesJob } from './job.ts';

function byOrder(report: RunReport) {
  return new Map(report.items.map((item) => [Number(item.bigcommerceId), item]));
}

function invoiceFor(world: World, orderId: number) {
  const found = invoicesOf(world).filter((invoice) => invoice.reference.endsWith(`-${orderId}`));
  assert.equal(found.length, 1, `one invoice for order ${orderId}`);
  return found[0]!;
}

function shippingProducts(world: World) {
  return imonggoAccount(world).products.filter((p) => p.stock_no === 'BIN-SHIPPING');
}

const table5Products = invoiceProducts([
  { id: 1, stock_no: 'TEA-01', quantity: 10 },
  { id: 2, stock_no: 'TEA-02', quantity: 10 },
  { id: 3, stock_no: 'TEA-03', quantity: 0 },
  { id: 4, stock_no: 'TEA-04', quantity: 5, status: 'D', utc_updated_at: times.deletion },
  { id: 5, stock_no: 'TEA-05', quantity: 10 },
]);

const table5Orders = storeOrders([
  {
    id: 101,
    customer_id: 7,
    email: 'ANA@example.com',
    shipping: 5,
    lines: [{ sku: 'TEA-01', quantity: 2, price: 12.5 }],
  },
  { id: 102, status_id: 1, lines: [{ sku: 'TEA-01' }] },
  { id: 103, status_id: 5, lines: [{ sku: 'TEA-01' }] },
  { id: 104, status_id: 2, discount: 2, lines: [{ sku: 'tea-02 ', price: 8 }] },
  { id: 105, lines: [{ sku: 'TEA-03' }] },
  { id: 106, lines: [{ sku: 'MISSING-99' }] },
  { id: 108, date_created: times.late, lines: [{ sku: 'TEA-04' }] },
  { id: 109, status_id: 4, lines: [{ sku: 'TEA-01' }] },
  { id: 110, status_id: 0, lines: [{ sku: 'TEA-01' }] },
  { id: 111, status_id: 6, lines: [{ sku: 'TEA-01' }] },
  { id: 112, status_id: 11, lines: [{ sku: 'TEA-05', quantity: 3, price: 4 }] },
]);

for (const kind of ['oauth', 'legacy'] as AccountKind[]) {
  describeEachDialect(`pull invoices job, table 5 (${kind} store account)`, (dialect) => {
    let world: World;

    before(async () => {
      world = await openWorld(dialect, {
        kind,
        imonggo: {
          ...table5Products,
          customers: [{ id: 1, first_name: 'Ana', last_name: 'Reyes', email: 'ana@example.com' }],
        },
        bigcommerce: { orders: table5Orders },
      });
    });
    after(() => world.close());

    it('previews every order with its reason and writes nothing', async () => {
      const report = await runJob(await world.context(), pullInvoicesJob(), { dryRun: true });

      const items = byOrder(report);
      const actions = Object.fromEntries([...items].map(([id, item]) => [id, item.action]));
      assert.deepEqual(actions, {
        101: 'create',
        102: 'skip',
        103: 'skip',
        104: 'create',
        105: 'reject',
        106: 'reject',
        108: 'reject',
        109: 'skip',
        110: 'skip',
        111: 'skip',
        112: 'create',
      });
      assert.match(items.get(102)!.reason, /status is "Pending"/);
      assert.match(items.get(103)!.reason, /status is "Cancelled"/);
      assert.match(items.get(109)!.reason, /status is "Refunded"/);
      assert.match(items.get(110)!.reason, /status is "Incomplete"/);
      assert.match(items.get(111)!.reason, /status is "Declined"/);
      assert.equal(items.get(105)!.reason, 'product TEA-03 has quantity 0 in Imonggo; not posted');
      assert.equal(items.get(106)!.reason, 'product MISSING-99 is missing in Imonggo; not posted');
      assert.match(items.get(108)!.reason, /TEA-04 was deleted in Imonggo before the order/);
      assert.deepEqual(remoteWrites(world), []);
      assert.equal(invoicesOf(world).length, 0);
    });

    it('posts each paid order once, as the order was placed, and lowers the stock', async () => {
      const report = await runJob(await world.context(), pullInvoicesJob());

      assert.equal(report.counts.outcomes.done, 3);
      assert.equal(report.counts.outcomes.failed, 3, 'the three rejected orders');
      assert.equal(invoicesOf(world).length, 3);

      const shipping = shippingProducts(world);
      assert.equal(shipping.length, 1, 'the shipping product is created once');
      assert.equal(shipping[0]?.disable_inventory, true);

      const first = invoiceFor(world, 101);
      assert.equal(first.customer_id, 1, 'the Imonggo customer with the billing email');
      assert.deepEqual(
        first.invoice_lines.map((l) => [l.product_id, l.quantity, l.retail_price]),
        [
          [1, 2, 12.5],
          [shipping[0]?.id, 1, 5],
        ],
      );
      assert.equal(first.amount, 30);
      assert.deepEqual(
        first.payments.map((p) => [p.payment_type_id, p.amount]),
        [[1, 30]],
      );
      assert.equal(first.branch_id, 1);

      const guest = invoiceFor(world, 104);
      assert.equal(guest.customer_id, null);
      assert.match(guest.remark, /Buyer Number 104 <buyer104@example\.com>/);
      assert.equal(guest.amount, 6, 'the discount is taken off the line');
      assert.equal(guest.payments[0]?.amount, 6);

      assert.equal(invoiceFor(world, 112).amount, 12);
      assert.equal(stockOf(world, 1), 8);
      assert.equal(stockOf(world, 2), 9);
      assert.equal(stockOf(world, 5), 7);
    });

    it('writes nothing on a second run', async () => {
      world.imonggo.requests.clear();
      world.bigcommerce.requests.clear();

      const report = await runJob(await world.context(), pullInvoicesJob());

      assert.deepEqual(remoteWrites(world), []);
      assert.equal(report.counts.outcomes.done, 0);
      assert.match(byOrder(report).get(101)!.reason, /already invoiced in Imonggo/);
      assert.equal(invoicesOf(world).length, 3);
    });

    it('invoices a rejected order once its product is back in stock', async () => {
      const state = world.imonggo.getState() as unknown as {
        accounts: { inventories: { product_id: number; quantity: number }[] }[];
      };
      state.accounts[0]!.inventories.find((row) => row.product_id === 3)!.quantity = 4;
      world.imonggo.setState(state);

      const report = await runJob(await world.context(), pullInvoicesJob());

      assert.equal(byOrder(report).get(105)?.outcome, 'done');
      assert.equal(invoiceFor(world, 105).invoice_lines[0]?.product_id, 3);
      assert.equal(stockOf(world, 3), 3);
    });
  });
}

describeEachDialect('pull invoices job, product deleted after the order', (dialect) => {
  let world: World;

  before(async () => {
    world = await openWorld(dialect, {
      imonggo: invoiceProducts([
        { id: 4, stock_no: 'TEA-04', quantity: 5, status: 'D', utc_updated_at: times.deletion },
      ]),
      bigcommerce: {
        orders: storeOrders([{ id: 107, date_created: times.early, lines: [{ sku: 'TEA-04' }] }]),
      },
    });
  });
  after(() => world.close());

  it('plans the invoice for posting', async () => {
    const report = await runJob(await world.context(), pullInvoicesJob(), { dryRun: true });

    const item = byOrder(report).get(107);
    assert.equal(item?.action, 'create');
    assert.match(item.reason, /TEA-04 was deleted in Imonggo after the order was placed/);
  });

  it('posts it', async () => {
    const report = await runJob(await world.context(), pullInvoicesJob());

    assert.equal(byOrder(report).get(107)?.outcome, 'done');
    const state = world.imonggo.getState() as unknown as {
      accounts: { invoices: { reference: string; invoice_lines: { product_id: number }[] }[] }[];
    };
    const invoices = state.accounts[0]?.invoices ?? [];
    assert.equal(invoices.length, 1);
    assert.deepEqual(
      invoices[0]?.invoice_lines.map((line) => line.product_id),
      [4],
    );
  });
});

describeEachDialect('pull invoices job, exactly once', (dialect) => {
  let world: World;

  before(async () => {
    world = await openWorld(dialect, {
      imonggo: invoiceProducts([{ id: 1, stock_no: 'TEA-01', quantity: 100 }]),
      bigcommerce: {
        orders: storeOrders(
          Array.from({ length: 12 }, (_, n) => ({
            id: 201 + n,
            shipping: 3,
            lines: [{ sku: 'TEA-01', quantity: 1 + (n % 3) }],
          })),
        ),
      },
    });
  });
  after(() => world.close());

  it('settles what a killed run left, by reference and stock number, and posts the rest', async () => {
    const ctx = await world.context();
    const shipping = await ctx.imonggo.createProduct({
      name: 'Shipping',
      stock_no: 'BIN-SHIPPING',
      disable_inventory: true,
    });
    await ctx.links.markPending('invoice', 'BC-acme01-201', { bigcommerce_id: '201' });
    const landed = await ctx.imonggo.createInvoice({
      reference: 'BC-acme01-201',
      invoice_lines: [{ product_id: 1, quantity: 1, retail_price: 10 }],
      payments: [{ amount: 10 }],
    });
    await ctx.links.markPending('invoice', 'BC-acme01-202', { bigcommerce_id: '202' });

    const report = await runJob(ctx, pullInvoicesJob());

    const items = byOrder(report);
    assert.equal(items.get(201)?.action, 'skip');
    assert.equal(items.get(201)?.imonggoId, String(landed.id));
    assert.equal(items.get(202)?.outcome, 'done');
    assert.equal(report.status, 'succeeded');
    assert.equal(invoiceFor(world, 201).id, landed.id);
    invoiceFor(world, 202);
    assert.deepEqual(
      shippingProducts(world).map((p) => p.id),
      [shipping.id],
    );
  });

  it('posts one invoice per order when two installations run at once', async () => {
    const more = storeOrders(
      Array.from({ length: 10 }, (_, n) => ({ id: 301 + n, lines: [{ sku: 'TEA-01' }] })),
    );
    const state = world.bigcommerce.getState() as { stores: { orders: unknown[] }[] };
    state.stores[0]!.orders.push(...more);
    world.bigcommerce.setState(state);
    const other = await contextOnOwnDatabase(world);

    try {
      const reports = await Promise.all([
        runJob(await world.context(), pullInvoicesJob(), { full: true }),
        runJob(other.context, pullInvoicesJob(), { full: true }),
      ]);

      for (const report of reports) assert.equal(report.status, 'succeeded');
      const references = invoicesOf(world).map((invoice) => invoice.reference);
      assert.equal(references.length, 22);
      assert.equal(new Set(references).size, 22);
      const links = await other.context.links.list('invoice');
      assert.equal(links.filter((link) => link.state === 'linked').length, 22);
    } finally {
      await other.store.close();
    }
  });

  it('refuses or serializes a second run of the same connection', async () => {
    const results = await Promise.allSettled([
      runJob(await world.context(), pullInvoicesJob(), { full: true }),
      runJob(await world.context(), pullInvoicesJob(), { full: true }),
    ]);

    assert.ok(results.some((result) => result.status === 'fulfilled'));
    for (const result of results) {
      if (result.status === 'rejected') assert.match(String(result.reason), /run/i);
    }
    assert.equal(invoicesOf(world).length, 22);
  });
});

describeEachDialect('pull invoices job, many orders', (dialect) => {
  let world: World;

  before(async () => {
    world = await openWorld(dialect, {
      imonggo: invoiceProducts([{ id: 1, stock_no: 'TEA-01', quantity: 1_000 }]),
      bigcommerce: {
        orders: storeOrders(
          Array.from({ length: 230 }, (_, n) => ({
            id: 1_001 + n,
            shipping: 2,
            lines: [{ sku: 'TEA-01' }],
          })),
        ),
      },
    });
  });
  after(() => world.close());

  it('posts every order once across chunks, and creates the shipping product once', async () => {
    const report = await runJob(await world.context(), pullInvoicesJob());

    assert.equal(report.counts.outcomes.done, 230);
    assert.deepEqual(
      report.items.map((item) => item.seq),
      Array.from({ length: 230 }, (_, n) => n + 1),
    );
    assert.equal(new Set(invoicesOf(world).map((invoice) => invoice.reference)).size, 230);
    assert.equal(shippingProducts(world).length, 1);
    const creates = remoteWrites(world).filter((w) => w.path.endsWith('/products.json'));
    assert.equal(creates.length, 1, 'one create of the shipping product, not one per chunk');
  });
});
