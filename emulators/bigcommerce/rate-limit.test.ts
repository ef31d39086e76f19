import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, json, readJson, storeB } from './test-support.ts';

const quotaHeaders = [
  'x-rate-limit-time-window-ms',
  'x-rate-limit-time-reset-ms',
  'x-rate-limit-requests-quota',
  'x-rate-limit-requests-left',
];

void describe('current API quota', () => {
  void it('sends no quota headers without a quota fault (unlimited plan)', async () => {
    const { current } = harness();

    const response = await current('/v3/catalog/products');

    for (const name of quotaHeaders) assert.equal(response.headers.get(name), null);
  });

  void it('counts down on every answer, then answers 429 with X-Retry-After and applies nothing', async () => {
    const { emulator, current, clock } = harness();
    emulator.faults.set({ quota: { requests: 2, window_ms: 30_000 } });

    const first = await current('/v3/catalog/products');
    clock.now += 12_300;
    await current('/v3/catalog/products');
    const limited = await current('/v3/catalog/categories', {
      method: 'POST',
      ...json({ parent_id: 0, name: 'Coffee' }),
    });

    assert.equal(first.headers.get('x-rate-limit-requests-quota'), '2');
    assert.equal(first.headers.get('x-rate-limit-requests-left'), '1');
    assert.equal(first.headers.get('x-rate-limit-time-window-ms'), '30000');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('x-rate-limit-requests-left'), '0');
    assert.equal(limited.headers.get('x-rate-limit-time-reset-ms'), '17700');
    assert.equal(limited.headers.get('x-retry-after'), '18');
    assert.deepEqual(await readJson(limited), {
      status: 429,
      title: 'Too many requests',
      type: '/api-docs/getting-started/api-status-codes',
      errors: {},
    });

    clock.now += 30_000;
    const categories = await readJson<{ data: unknown[] }>(await current('/v3/catalog/categories'));
    assert.equal(categories.data.length, 0);
  });

  void it('counts each store in its own window', async () => {
    const { emulator, current } = harness();
    emulator.faults.set({ quota: { requests: 1, window_ms: 30_000 } });

    const a = await current('/v2/orders/count');
    const b = await current('/v2/orders/count', { store: storeB });

    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
  });
});

void describe('legacy allowance', () => {
  void it('sends X-BC-ApiLimit-Remaining and answers 509 in the v2 style when spent', async () => {
    const { emulator, legacy } = harness();
    emulator.faults.set({ quota: { requests: 1, window_ms: 60_000 } });

    const first = await legacy('/orders/count');
    const spent = await legacy('/orders/count');

    assert.equal(first.headers.get('x-bc-apilimit-remaining'), '0');
    assert.equal(first.headers.get('x-rate-limit-requests-left'), null);
    assert.equal(spent.status, 509);
    assert.deepEqual(await readJson(spent), [
      { status: 509, message: 'The requests-per-hour limit has been reached.' },
    ]);
  });
});

void describe('injected failures', () => {
  void it('answer the configured 5xx in the style of the tree, before anything is applied', async () => {
    const { emulator, current, legacy } = harness();
    emulator.faults.set({ error_rate: 1, error_status: 502 });

    const v3 = await current('/v3/catalog/categories', {
      method: 'POST',
      ...json({ parent_id: 0, name: 'Coffee' }),
    });
    const v2 = await legacy('/orders');
    emulator.faults.clear();
    const categories = await readJson<{ data: unknown[] }>(await current('/v3/catalog/categories'));

    assert.equal(v3.status, 502);
    assert.equal((await readJson<{ status: number }>(v3)).status, 502);
    assert.equal(v2.status, 502);
    assert.ok(Array.isArray(await readJson(v2)));
    assert.equal(categories.data.length, 0);
  });

  void it('reset the connection after the write landed', async () => {
    const { emulator, current } = harness();
    emulator.faults.set({ reset_rate: 1 });

    await assert.rejects(
      current('/v3/catalog/categories', {
        method: 'POST',
        ...json({ parent_id: 0, name: 'Coffee' }),
      }),
      { name: 'TypeError', message: 'fetch failed' },
    );
    emulator.faults.clear();

    const categories = await readJson<{ data: unknown[] }>(await current('/v3/catalog/categories'));
    assert.equal(categories.data.length, 1);
  });

  void it('logs every API request with its final status', async () => {
    const { emulator, current } = harness();
    emulator.faults.set({ quota: { requests: 1, window_ms: 30_000 } });

    await current('/v2/orders?limit=5');
    await current('/v2/orders');

    assert.deepEqual(
      emulator.requests.list().map((r) => [r.method, r.path, r.status]),
      [
        ['GET', '/stores/storea1/v2/orders', 204],
        ['GET', '/stores/storea1/v2/orders', 429],
      ],
    );
    assert.deepEqual(emulator.requests.list()[0]?.query, { limit: '5' });
  });

  void it('add latency that a caller can give up on', async () => {
    const { emulator, current } = harness();
    emulator.faults.set({ latency_ms: 200 });

    await assert.rejects(current('/v2/orders', { signal: AbortSignal.timeout(20) }), {
      name: 'TimeoutError',
    });
  });
});
