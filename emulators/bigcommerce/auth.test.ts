import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basic, harness, readJson, storeA, storeB } from './test-support.ts';

void describe('current API account (X-Auth-Token)', () => {
  void it('serves v3 and v2 with the right token and ignores X-Auth-Client', async () => {
    const { current } = harness();

    const v3 = await current('/v3/catalog/products', { headers: { 'X-Auth-Client': 'wrong' } });
    const v2 = await current('/v2/order_statuses');

    assert.equal(v3.status, 200);
    assert.equal(v2.status, 200);
  });

  void it('answers 401 with a v3 error object when the token is missing or wrong', async () => {
    const { emulator, current } = harness();

    const missing = await emulator.fetch('http://x/stores/storea1/v3/catalog/products');
    const wrong = await current('/v2/orders', { headers: { 'X-Auth-Token': 'token-b' } });

    assert.equal(missing.status, 401);
    assert.equal(wrong.status, 401);
    const body = await readJson<{ status: number; title: string }>(missing);
    assert.equal(body.status, 401);
    assert.match(body.title, /Unauthorized/);
  });

  void it('keeps stores apart: a token opens only its own store', async () => {
    const { current } = harness();
    await current('/v3/catalog/categories', {
      method: 'POST',
      body: JSON.stringify({ parent_id: 0, name: 'Tea' }),
    });

    const own = await readJson<{ data: unknown[] }>(await current('/v3/catalog/categories'));
    const other = await readJson<{ data: unknown[] }>(
      await current('/v3/catalog/categories', { store: storeB }),
    );
    const crossed = await current('/v3/catalog/categories', {
      store: storeB,
      headers: { 'X-Auth-Token': storeA.access_token },
    });

    assert.equal(own.data.length, 1);
    assert.equal(other.data.length, 0);
    assert.equal(crossed.status, 401);
  });
});

void describe('legacy API account (HTTP Basic on /api/v2)', () => {
  void it('finds the store by its Host header', async () => {
    const { emulator } = harness();

    const response = await emulator.fetch('http://store-b.mybigcommerce.com/api/v2/orders/count', {
      headers: { Authorization: basic(storeB.legacy) },
    });

    assert.equal(response.status, 200);
  });

  void it('finds the store by its permanent store-{hash} host too', async () => {
    const { emulator } = harness();

    const response = await emulator.fetch('http://store-storeb2.mybigcommerce.com/api/v2/orders', {
      headers: { Authorization: basic(storeB.legacy) },
    });

    assert.equal(response.status, 204);
  });

  void it('finds the store by the username when the Host is the emulator address', async () => {
    const { legacy } = harness();

    const a = await legacy('/customers/count');
    const b = await legacy('/customers/count', { store: storeB });

    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
  });

  void it('refuses the credentials of another store sent to this store host', async () => {
    const { emulator } = harness();

    const response = await emulator.fetch('http://store-a.mybigcommerce.com/api/v2/orders', {
      headers: { Authorization: basic(storeB.legacy) },
    });

    assert.equal(response.status, 401);
  });

  void it('answers 401 with the v2 array body for a wrong or missing token', async () => {
    const { legacy } = harness();

    const wrong = await legacy('/orders', {
      headers: { Authorization: basic({ username: 'alice', api_token: 'nope' }) },
    });
    const missing = await legacy('/orders', { headers: { Authorization: '' } });

    assert.equal(wrong.status, 401);
    assert.equal(missing.status, 401);
    assert.deepEqual(await readJson(wrong), [
      { status: 401, message: 'No credentials were supplied in the request.' },
    ]);
  });

  void it('accepts the .json extension of old legacy clients', async () => {
    const { legacy } = harness();

    const count = await legacy('/orders/count.json');
    const xml = await legacy('/orders/count.xml');

    assert.equal(count.status, 200);
    assert.equal(xml.status, 404);
  });

  void it('does not serve v3 on the legacy path', async () => {
    const { emulator } = harness();

    const response = await emulator.fetch('http://127.0.0.1:4102/api/v3/catalog/products', {
      headers: { Authorization: basic(storeA.legacy) },
    });

    assert.equal(response.status, 404);
    assert.deepEqual(await readJson(response), [
      { status: 404, message: 'The requested resource was not found.' },
    ]);
  });

  void it('refuses a legacy login to a store that has no legacy account', async () => {
    const { legacy } = harness({ stores: [{ ...storeA, legacy: null }] });

    const response = await legacy('/orders');

    assert.equal(response.status, 401);
  });
});

void describe('unknown routes', () => {
  void it('answer 404 in the style of their tree', async () => {
    const { current } = harness();

    const v3 = await current('/v3/catalog/widgets');
    const v2 = await current('/v2/widgets');

    assert.equal(v3.status, 404);
    assert.equal((await readJson<{ status: number }>(v3)).status, 404);
    assert.equal(v2.status, 404);
    assert.ok(Array.isArray(await readJson(v2)));
  });
});
