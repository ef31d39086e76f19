import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, readJson, storeA, storeB } from './test-support.ts';

const world = {
  stores: [
    {
      ...storeA,
      categories: [{ id: 3, name: 'Coffee' }, { name: 'Tea' }],
      products: [
        { name: 'House Blend 250g', sku: '000451', price: 7.5, categories: [3] },
        { id: 10, name: 'Sencha 100g', date_modified: 'Mon, 05 Jan 2026 08:00:00 +0000' },
      ],
      customers: [{ email: 'Ana@Example.com', first_name: 'Ana', last_name: 'Cruz' }],
      orders: [
        {
          customer_id: 1,
          status_id: 11,
          shipping_cost_inc_tax: '4.0000',
          products: [
            {
              product_id: 1,
              name: 'House Blend 250g',
              sku: '000451',
              quantity: 2,
              base_price: 7.5,
            },
          ],
        },
      ],
    },
    storeB,
  ],
};

void describe('admin state', () => {
  void it('assigns missing ids after the highest given one, and missing timestamps now', () => {
    const { emulator } = harness(world);

    const state = emulator.getState() as {
      stores: {
        products: { id: number; date_created: string; date_modified: string }[];
        categories: { id: number }[];
        orders: { id: number; total_inc_tax: string }[];
      }[];
    };
    const store = state.stores[0];

    assert.deepEqual(
      store?.categories.map((c) => c.id),
      [3, 4],
    );
    assert.deepEqual(
      store?.products.map((p) => p.id),
      [10, 11],
    );
    assert.equal(store?.products[0]?.date_modified, '2026-01-05T08:00:00+00:00');
    assert.equal(store?.products[1]?.date_created, '2026-01-05T10:00:00+00:00');
    assert.equal(store?.orders[0]?.id, 100);
    assert.equal(store?.orders[0]?.total_inc_tax, '19.0000');
  });

  void it('round-trips: what GET returns, PUT accepts and returns unchanged', async () => {
    const { emulator } = harness(world);
    const before = await readJson(await emulator.app.request('/__admin/state'));

    const put = await emulator.app.request('/__admin/state', {
      method: 'PUT',
      body: JSON.stringify(before),
    });

    assert.equal(put.status, 200);
    assert.deepEqual(await readJson(put), before);
  });

  void it('answers 400 naming the bad field, and keeps the old state', async () => {
    const { emulator } = harness(world);
    const bad = {
      stores: [{ ...storeA, products: [{ name: 'Mug', price: 'cheap' }] }],
    };

    const response = await emulator.app.request('/__admin/state', {
      method: 'PUT',
      body: JSON.stringify(bad),
    });
    const notJson = await emulator.app.request('/__admin/state', { method: 'PUT', body: '{' });

    assert.equal(response.status, 400);
    assert.equal((await readJson<{ field: string }>(response)).field, 'stores.0.products.0.price');
    assert.equal(notJson.status, 400);
    assert.equal(emulator.getState().stores.length, 2);
  });

  void it('refuses duplicate store hashes, product ids, customer emails and unknown categories', () => {
    const { emulator } = harness();
    const refuse = (doc: unknown, field: string) =>
      assert.throws(() => emulator.setState(doc), { field });

    refuse({ stores: [storeA, storeA] }, 'stores.1.store_hash');
    refuse(
      {
        stores: [
          {
            ...storeA,
            products: [
              { id: 1, name: 'a' },
              { id: 1, name: 'b' },
            ],
          },
        ],
      },
      'stores.0.products.1.id',
    );
    refuse(
      {
        stores: [
          {
            ...storeA,
            customers: [
              { email: 'a@x.test', first_name: 'A', last_name: 'A' },
              { email: 'A@X.test', first_name: 'B', last_name: 'B' },
            ],
          },
        ],
      },
      'stores.0.customers.1.email',
    );
    refuse(
      { stores: [{ ...storeA, products: [{ name: 'a', categories: [5] }] }] },
      'stores.0.products.0.categories',
    );
  });

  void it('does not log admin requests', async () => {
    const { emulator } = harness(world);

    await emulator.app.request('/__admin/state');

    assert.equal(emulator.requests.list().length, 0);
  });
});
