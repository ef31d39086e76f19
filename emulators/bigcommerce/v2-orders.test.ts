import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, json, readJson, storeA } from './test-support.ts';

interface Order {
  id: number;
  status_id: number;
  status: string;
  date_created: string;
  total_inc_tax: string;
  products: { url: string; resource: string };
}
interface Line {
  id: number;
  sku: string;
  quantity: number;
  price_inc_tax: string;
  total_inc_tax: string;
}

function withOrders(count: number) {
  const orders = Array.from({ length: count }, (_, i) => ({
    id: 101 + i,
    customer_id: i % 3,
    status_id: i % 2 === 0 ? 11 : 10,
    date_created: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    products: [
      { product_id: 1, name: 'Green Tea', sku: '000123', quantity: 2, base_price: 4.5 },
      { product_id: 2, name: 'Mug', sku: 'MUG', quantity: 1, base_price: '9.95' },
    ],
  }));
  return harness({ stores: [{ ...storeA, orders }] });
}

void describe('GET /v2/orders', () => {
  void it('lists a bare array in v2 shapes and answers 204 with no body past the end', async () => {
    const { current } = withOrders(3);

    const page = await current('/v2/orders?limit=2&page=2');
    const empty = await current('/v2/orders?limit=2&page=3');

    const orders = await readJson<Order[]>(page);
    assert.deepEqual(
      orders.map((o) => o.id),
      [103],
    );
    assert.equal(orders[0]?.date_created, 'Sat, 03 Jan 2026 00:00:00 +0000');
    assert.equal(orders[0]?.total_inc_tax, '18.9500');
    assert.equal(orders[0]?.status, 'Awaiting Fulfillment');
    assert.equal(empty.status, 204);
    assert.equal(await empty.text(), '');
  });

  void it('pages 50 by default and refuses a limit above 250', async () => {
    const { current } = withOrders(55);

    const first = await readJson<Order[]>(await current('/v2/orders'));
    const tooBig = await current('/v2/orders?limit=300');

    assert.equal(first.length, 50);
    assert.equal(tooBig.status, 413);
    assert.ok(Array.isArray(await readJson(tooBig)));
  });

  void it('filters by status, ids and dates in RFC 2822 or ISO form, and sorts', async () => {
    const { current } = withOrders(6);
    const ids = async (query: string) =>
      (await readJson<Order[]>(await current(`/v2/orders?${query}`))).map((o) => o.id);

    assert.deepEqual(await ids('status_id=10'), [102, 104, 106]);
    assert.deepEqual(await ids('min_id=103&max_id=104'), [103, 104]);
    assert.deepEqual(
      await ids(`min_date_created=${encodeURIComponent('Mon, 05 Jan 2026 00:00:00 +0000')}`),
      [105, 106],
    );
    assert.deepEqual(await ids('max_date_modified=2026-01-02T00:00:00%2B00:00'), [101, 102]);
    assert.deepEqual(await ids('sort=date_created:desc&limit=2'), [106, 105]);
  });

  void it('answers 400 in the v2 style for an unreadable filter', async () => {
    const { current } = withOrders(1);

    const response = await current('/v2/orders?min_date_modified=yesterday');

    assert.equal(response.status, 400);
    const body = await readJson<{ status: number }[]>(response);
    assert.equal(body[0]?.status, 400);
  });
});

void describe('one order, its lines and its status', () => {
  void it('reads an order with links to its lines, and 404s an unknown one', async () => {
    const { legacy } = withOrders(1);

    const order = await readJson<Order>(await legacy('/orders/101'));
    const missing = await legacy('/orders/999');

    assert.equal(order.products.resource, '/orders/101/products');
    assert.equal(
      order.products.url,
      'https://store-a.mybigcommerce.com/api/v2/orders/101/products',
    );
    assert.equal(missing.status, 404);
    assert.deepEqual(await readJson(missing), [
      { status: 404, message: 'The requested resource was not found.' },
    ]);
  });

  void it('pages the lines and answers 204 past the end, keeping SKUs as strings', async () => {
    const { current } = withOrders(1);

    const lines = await readJson<Line[]>(await current('/v2/orders/101/products?limit=1'));
    const past = await current('/v2/orders/101/products?limit=1&page=3');

    assert.equal(lines[0]?.sku, '000123');
    assert.equal(lines[0]?.price_inc_tax, '4.5000');
    assert.equal(lines[0]?.total_inc_tax, '9.0000');
    assert.equal(past.status, 204);
  });

  void it('changes the status with PUT and refuses read-only fields', async () => {
    const { current, clock } = withOrders(1);
    clock.now = Date.UTC(2026, 1, 1);

    const updated = await current('/v2/orders/101', { method: 'PUT', ...json({ status_id: 2 }) });
    const readOnly = await current('/v2/orders/101', {
      method: 'PUT',
      ...json({ items_total: 3 }),
    });
    const badStatus = await current('/v2/orders/101', {
      method: 'PUT',
      ...json({ status_id: 99 }),
    });
    const changed = await readJson<Order[]>(
      await current('/v2/orders?min_date_modified=2026-01-31'),
    );

    assert.equal((await readJson<Order>(updated)).status, 'Shipped');
    assert.equal(readOnly.status, 400);
    assert.match(
      (await readJson<{ message: string }[]>(readOnly))[0]?.message ?? '',
      /items_total/,
    );
    assert.equal(badStatus.status, 400);
    assert.deepEqual(
      changed.map((o) => o.id),
      [101],
    );
  });

  void it('counts orders per status', async () => {
    const { current } = withOrders(5);

    const body = await readJson<{ count: number; statuses: { id: number; count: number }[] }>(
      await current('/v2/orders/count'),
    );

    assert.equal(body.count, 5);
    assert.equal(body.statuses.find((s) => s.id === 11)?.count, 3);
  });

  void it('lists the fixed table of order statuses 0-14', async () => {
    const { legacy } = withOrders(0);

    const statuses = await readJson<{ id: number; name: string }[]>(
      await legacy('/order_statuses'),
    );
    const one = await readJson<{ name: string }>(await legacy('/order_statuses/11'));

    assert.deepEqual(
      statuses.map((s) => s.id),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
    );
    assert.equal(one.name, 'Awaiting Fulfillment');
  });

  void it('archives an order on DELETE: gone from lists and counts unless asked for', async () => {
    const { current } = withOrders(3);

    const deleted = await current('/v2/orders/102', { method: 'DELETE' });
    const listed = await readJson<Order[]>(await current('/v2/orders'));
    const archived = await readJson<Order[]>(await current('/v2/orders?is_deleted=true'));
    const count = await readJson<{ count: number }>(await current('/v2/orders/count'));
    const filtered = await readJson<{ count: number }>(
      await current('/v2/orders/count?status_id=11'),
    );

    assert.equal(deleted.status, 204);
    assert.deepEqual(
      listed.map((o) => o.id),
      [101, 103],
    );
    assert.deepEqual(
      archived.map((o) => o.id),
      [102],
    );
    assert.equal(count.count, 2);
    assert.equal(filtered.count, 2);
  });
});
