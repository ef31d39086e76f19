import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFoundError } from '../http/errors.ts';
import { clientFor, emulatorWith, kinds, requestLines } from './test-support.ts';

const billing = {
  first_name: 'Ana',
  last_name: 'Cruz',
  company: '',
  street_1: '1 Rizal Ave',
  street_2: '',
  city: 'Manila',
  state: 'Metro Manila',
  zip: '1000',
  country: 'Philippines',
  country_iso2: 'PH',
  phone: '0917 000 0001',
  email: 'ana@example.com',
};

/** 270 orders: statuses 11, 10 and 5 in turn, one minute apart, each with one line. */
function orders(count: number): Record<string, unknown>[] {
  const statusCycle = [11, 10, 5];
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const stamp = new Date(Date.UTC(2026, 0, 5) + n * 60_000).toUTCString().replace('GMT', '+0000');
    return {
      id: 100 + n,
      customer_id: n % 4 === 0 ? 0 : n,
      status_id: statusCycle[index % 3],
      date_created: stamp,
      date_modified: stamp,
      shipping_cost_ex_tax: 5,
      shipping_cost_inc_tax: 5,
      billing_address: billing,
      products: [
        { product_id: 1, name: 'Imonggo Mug', sku: 'IMG-MUG-01', quantity: 2, base_price: 9.5 },
      ],
    };
  });
}

function bigOrder(): Record<string, unknown> {
  return {
    id: 9000,
    status_id: 11,
    billing_address: billing,
    products: Array.from({ length: 260 }, (_, i) => ({
      product_id: i + 1,
      name: `Line ${i + 1}`,
      sku: `L-${i + 1}`,
      quantity: 1,
      base_price: 1.25,
    })),
  };
}

for (const kind of kinds) {
  void describe(`orders with a ${kind} account`, () => {
    void it('lists every order to the 204 after a full last page', async () => {
      const emulator = emulatorWith({ orders: orders(300) });
      const client = clientFor(emulator, kind);

      const listed = await client.listOrders();

      assert.equal(listed.length, 300);
      assert.deepEqual(requestLines(emulator), [
        'GET /v2/orders',
        'GET /v2/orders',
        'GET /v2/orders',
      ]);
      assert.deepEqual(
        emulator.requests.list().map((entry) => [entry.query.page, entry.status]),
        [
          ['1', 200],
          ['2', 200],
          ['3', 204],
        ],
      );
    });

    void it('reads every page from a store that serves only 50 a page, whatever the limit', async () => {
      const emulator = emulatorWith({ orders: orders(120) });
      const capped: typeof fetch = (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input.toString());
        url.searchParams.set('limit', '50');
        return emulator.fetch(url, init);
      };
      const client = clientFor(emulator, kind, { fetch: capped });

      const listed = await client.listOrders();

      assert.equal(listed.length, 120);
      assert.deepEqual(requestLines(emulator), [
        'GET /v2/orders',
        'GET /v2/orders',
        'GET /v2/orders',
      ]);
    });

    void it('gives an order with money as numbers and dates in ISO-8601', async () => {
      const client = clientFor(emulatorWith({ orders: orders(3) }), kind);

      const order = await client.getOrder(102);

      assert.equal(order.id, 102);
      assert.equal(order.status_id, 10);
      assert.equal(order.status, 'Completed');
      assert.equal(order.customer_id, 2);
      assert.equal(order.date_modified, '2026-01-05T00:02:00.000Z');
      assert.equal(order.subtotal_ex_tax, 19);
      assert.equal(order.subtotal_inc_tax, 19);
      assert.equal(order.shipping_cost_ex_tax, 5);
      assert.equal(order.total_inc_tax, 24);
      assert.deepEqual(order.billing_address, billing);
    });

    void it('filters by statuses, first id and modification date', async () => {
      const client = clientFor(emulatorWith({ orders: orders(30) }), kind);

      const completed = await client.listOrders({ statusIds: [10] });
      const twoStatuses = await client.listOrders({ statusIds: [10, 5] });
      const fromId = await client.listOrders({ minId: 128 });
      const since = await client.listOrders({ modifiedSince: new Date('2026-01-05T00:29:00Z') });
      const none = await client.listOrders({ statusIds: [] });

      assert.equal(completed.length, 10);
      assert.ok(completed.every((order) => order.status_id === 10));
      assert.equal(twoStatuses.length, 20);
      assert.deepEqual(
        fromId.map((order) => order.id),
        [128, 129, 130],
      );
      assert.deepEqual(
        since.map((order) => order.id),
        [129, 130],
      );
      assert.deepEqual(none, []);
    });

    void it('lists the line items of an order past a page', async () => {
      const emulator = emulatorWith({ orders: [bigOrder()] });
      const client = clientFor(emulator, kind);

      const lines = await client.listOrderProducts(9000);

      assert.equal(lines.length, 260);
      // 250, then 10: a page shorter than v2's default 50 is the last; no request for the 204.
      assert.deepEqual(
        { ...lines[0], id: 0, variant_id: 0 },
        {
          id: 0,
          order_id: 9000,
          product_id: 1,
          variant_id: 0,
          name: 'Line 1',
          sku: 'L-1',
          quantity: 1,
          base_price: 1.25,
          price_ex_tax: 1.25,
          price_inc_tax: 1.25,
          total_ex_tax: 1.25,
          total_inc_tax: 1.25,
        },
      );
      assert.equal(
        requestLines(emulator).filter((line) => line === 'GET /v2/orders/9000/products').length,
        2,
      );
    });

    void it('lists the order statuses and counts orders', async () => {
      const client = clientFor(emulatorWith({ orders: orders(30) }), kind);

      const statuses = await client.listOrderStatuses();
      const all = await client.countOrders();
      const some = await client.countOrders({ statusIds: [10, 5] });

      assert.equal(statuses.length, 15);
      assert.deepEqual(statuses.find((status) => status.id === 11)?.name, 'Awaiting Fulfillment');
      assert.equal(all.count, 30);
      assert.equal(some.count, 20);
    });

    void it('says an unknown order is not found', async () => {
      const client = clientFor(emulatorWith(), kind);

      await assert.rejects(client.getOrder(4242), (error) => {
        assert.ok(error instanceof NotFoundError);
        assert.equal(error.status, 404);
        assert.equal(error.remoteMessage, 'The requested resource was not found.');
        return true;
      });
    });
  });
}
