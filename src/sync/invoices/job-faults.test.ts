import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  imonggoAccount,
  invoiceProducts,
  remoteWrites,
  storeOrders,
  type OrderSpec,
} from '../../../test/support/invoices-fixtures.ts';
import { runUntilClean } from '../../../test/support/run-until-clean.ts';
import { openWorld, type World } from '../../../test/support/world.ts';
import { describeEachDialect } from '../../store/test-stores.ts';
import { runJob } from '../runner.ts';
import { pullInvoicesJob } from './job.ts';

const skus = ['TEA-01', 'TEA-02', 'TEA-03', 'TEA-04', 'TEA-05'];

/** A month of a small shop: shipping, discounts, guests, known buyers and unpaid orders. */
function orderSpecs(first: number, count: number): OrderSpec[] {
  return Array.from({ length: count }, (_, index) => {
    const n = first + index;
    return {
      id: n,
      date_created: new Date(Date.UTC(2026, 1, 1) + n * 3_600_000).toUTCString(),
      status_id: n % 7 === 0 ? 1 : n % 2 === 0 ? 10 : 11,
      customer_id: n % 3 === 0 ? 0 : n,
      shipping: n % 2 === 0 ? 4.5 : 0,
      discount: n % 5 === 0 ? 1.25 : 0,
      lines: [
        { sku: skus[n % 5]!, quantity: 1 + (n % 3), price: 7.5 },
        { sku: skus[(n + 2) % 5]!, price: 3.2 },
      ],
    };
  });
}

function content() {
  return {
    imonggo: {
      ...invoiceProducts(skus.map((sku, i) => ({ id: i + 1, stock_no: sku, quantity: 500 }))),
      customers: Array.from({ length: 20 }, (_, i) => ({
        id: i + 1,
        first_name: 'Buyer',
        last_name: `Number ${i + 401}`,
        email: `buyer${i + 401}@example.com`,
      })),
    },
    bigcommerce: { orders: storeOrders(orderSpecs(401, 40)) },
  };
}

/** The end state that matters, free of ids that depend on the order things happened in. */
function endState(world: World) {
  const account = imonggoAccount(world);
  const stockNo = new Map(account.products.map((p) => [p.id, p.stock_no]));
  return {
    products: account.products.map((p) => p.stock_no).sort(),
    stock: account.inventories
      .map((row) => `${stockNo.get(row.product_id)}=${row.quantity}`)
      .sort(),
    invoices: account.invoices
      .map((invoice) => ({
        reference: invoice.reference,
        customer: invoice.customer_id,
        amount: invoice.amount,
        lines: invoice.invoice_lines.map((l) => [
          stockNo.get(l.product_id),
          l.quantity,
          l.retail_price,
          l.discount_text,
        ]),
        payments: invoice.payments.map((p) => [p.payment_type_id, p.amount]),
      }))
      .sort((a, b) => (a.reference < b.reference ? -1 : 1)),
  };
}

/** The end state of a run without faults, per dialect, that the run under faults must reach. */
const calmStates = new Map<string, ReturnType<typeof endState>>();

describeEachDialect('pull invoices job without faults', (dialect) => {
  let world: World;

  before(async () => {
    world = await openWorld(dialect, content());
  });
  after(() => world.close());

  it('posts every paid order once', async () => {
    const report = await runJob(await world.context(), pullInvoicesJob());

    assert.equal(report.status, 'succeeded');
    assert.equal(report.counts.actions.create, 35);
    assert.equal(report.counts.actions.skip, 5);
    assert.equal(endState(world).invoices.length, 35);
    calmStates.set(dialect, endState(world));
  });

  it('reads only changed orders next time, and invoices one that became paid', async () => {
    const state = world.bigcommerce.getState() as {
      stores: { orders: { id: number; status_id: number; date_modified: string }[] }[];
    };
    const pending = state.stores[0]!.orders.find((order) => order.id === 406)!;
    pending.status_id = 10;
    pending.date_modified = new Date(Date.UTC(2026, 11, 1)).toUTCString();
    world.bigcommerce.setState(state);
    world.imonggo.requests.clear();
    world.bigcommerce.requests.clear();

    const report = await runJob(await world.context(), pullInvoicesJob());

    assert.ok(report.items.length < 5, `${report.items.length} orders read`);
    assert.equal(report.items.find((item) => item.bigcommerceId === '406')?.outcome, 'done');
    assert.deepEqual(
      remoteWrites(world).map((w) => w.method),
      ['POST'],
    );
    assert.equal(endState(world).invoices.length, 36);
  });
});

describeEachDialect('pull invoices job under faults', (dialect) => {
  let world: World;

  before(async () => {
    world = await openWorld(dialect, content());
  });
  after(() => world.close());

  it('ends as without faults under 5xx answers, resets and a tight quota', async () => {
    const faults = {
      error_rate: 0.1,
      error_status: 503,
      reset_rate: 0.05,
      quota: { requests: 40, window_ms: 250 },
    };
    world.imonggo.faults.set(faults);
    world.bigcommerce.faults.set({ ...faults, error_status: 500 });

    // Imonggo's 503 carries no wait; a backoff that outlasts the quota window stands in for
    // the long pauses a real client takes.
    const { reports } = await runUntilClean(world, pullInvoicesJob, 5, { backoffMs: 25 });
    world.imonggo.faults.clear();
    world.bigcommerce.faults.clear();

    const statuses = reports.map((report) => report.status).join(', ');
    assert.equal(reports.at(-1)?.status, 'succeeded', `runs: ${statuses}`);
    const state = endState(world);
    assert.deepEqual(state, calmStates.get(dialect));
    assert.equal(new Set(state.invoices.map((i) => i.reference)).size, 35, 'no duplicates');
    assert.equal(state.products.filter((sku) => sku === 'BIN-SHIPPING').length, 1);
  });
});
