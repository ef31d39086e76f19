import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { serveOnLoopback, type RunningServer } from '../../emulators/common/serve.ts';
import { GateRegistry } from '../http/account-gate.ts';
import { NetworkError, RateLimitedError } from '../http/errors.ts';
import { RecordingClock } from '../http/test-clock.ts';
import {
  clientFor,
  emulatorWith,
  kinds,
  products,
  requestLines,
  statuses,
} from './test-support.ts';

const mug = { name: 'Imonggo Mug', sku: 'IMG-MUG-01', price: 9.5, weight: 0.4, categories: [1] };

void describe('rate limits', () => {
  void it('waits X-Rate-Limit-Time-Reset-Ms after a 429, then succeeds', async () => {
    const clock = new RecordingClock();
    const emulator = emulatorWith({ products: products(3) }, { now: () => clock.now() });
    emulator.faults.set({ quota: { requests: 3, window_ms: 30_000 } });
    // Another app on the same store spends the quota; our client has not seen a quota header yet.
    const otherApp = clientFor(emulator, 'oauth', { clock });
    for (const id of [1, 2, 3]) await otherApp.getProduct(id);
    clock.advance(4_000);
    const client = clientFor(emulator, 'oauth', { clock });

    const product = await client.getProduct(1);

    assert.equal(product.id, 1);
    assert.ok(clock.sleeps.includes(26_000), `waited ${clock.sleeps.join(', ')}`);
    assert.deepEqual(statuses(emulator), [200, 200, 200, 429, 200]);
  });

  void it('gives up on a legacy store that keeps answering 509', async () => {
    const emulator = emulatorWith({ products: products(3) });
    emulator.faults.set({ quota: { requests: 1, window_ms: 60_000 } });
    const client = clientFor(emulator, 'legacy', { retries: 2 });
    await client.listOrderStatuses();

    await assert.rejects(client.listOrderStatuses(), (error) => {
      assert.ok(error instanceof RateLimitedError);
      assert.equal(error.status, 509);
      return true;
    });
    assert.deepEqual(statuses(emulator), [200, 509, 509, 509]);
  });

  void it('paces itself by the quota headers so a long run meets no 429', async () => {
    const emulator = emulatorWith({ products: products(40) });
    emulator.faults.set({ quota: { requests: 10, window_ms: 150 } });
    const client = clientFor(emulator, 'oauth', { concurrency: 4 });

    const fetched = await Promise.all(
      Array.from({ length: 40 }, (_, i) => client.getProduct(i + 1)),
    );

    assert.equal(fetched.length, 40);
    assert.equal(statuses(emulator).length, 40);
    assert.ok(statuses(emulator).every((status) => status === 200));
  });

  void it('shares one gate between clients of the same store', async () => {
    const emulator = emulatorWith({ products: products(30) });
    emulator.faults.set({ quota: { requests: 8, window_ms: 150 } });
    const gates = new GateRegistry();
    const first = clientFor(emulator, 'oauth', { gates, concurrency: 2 });
    const second = clientFor(emulator, 'oauth', { gates, concurrency: 2 });

    await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? first : second).getProduct(i + 1)),
    );

    assert.ok(statuses(emulator).every((status) => status === 200));
  });
});

for (const kind of kinds) {
  void describe(`lost answers with a ${kind} account`, () => {
    void it('repeats a read whose connection was reset, then gives up', async () => {
      const emulator = emulatorWith({ products: products(1) });
      emulator.faults.set({ reset_rate: 1 });
      const client = clientFor(emulator, kind, { retries: 2 });

      await assert.rejects(client.listOrders(), (error) => {
        assert.ok(error instanceof NetworkError);
        assert.equal(error.timedOut, false);
        assert.equal(error.mayHaveArrived, false);
        return true;
      });
      assert.equal(requestLines(emulator).length, 3);
    });

    void it('does not repeat a create whose connection was reset, and says it may have arrived', async () => {
      const emulator = emulatorWith();
      emulator.faults.set({ reset_rate: 1 });
      const client = clientFor(emulator, kind, { retries: 2 });

      await assert.rejects(client.createProduct(mug), (error) => {
        assert.ok(error instanceof NetworkError);
        assert.equal(error.mayHaveArrived, true);
        return true;
      });
      assert.equal(requestLines(emulator).length, 1);
      emulator.faults.clear();
      assert.equal((await client.findProductBySku('IMG-MUG-01'))?.name, 'Imonggo Mug');
    });
  });
}

void describe('timeouts over a loopback socket', () => {
  const servers: RunningServer[] = [];
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  void it('stops waiting after timeoutMs and repeats the read', async () => {
    const emulator = emulatorWith({ products: products(1) });
    emulator.faults.set({ latency_ms: 300 });
    const server = await serveOnLoopback(emulator.app.fetch, 0);
    servers.push(server);
    const client = clientFor(emulator, 'oauth', {
      fetch: globalThis.fetch,
      baseUrl: server.url,
      timeoutMs: 50,
      retries: 1,
    });
    const started = Date.now();

    await assert.rejects(client.getProduct(1), (error) => {
      assert.ok(error instanceof NetworkError);
      assert.equal(error.timedOut, true);
      return true;
    });
    assert.ok(Date.now() - started < 290, 'did not wait for the slow answers');
    await delay(350);
    assert.equal(requestLines(emulator).length, 2);
  });

  void it('reaches a legacy store through the same socket', async () => {
    const emulator = emulatorWith({ products: products(2) });
    const server = await serveOnLoopback(emulator.app.fetch, 0);
    servers.push(server);
    const client = clientFor(emulator, 'legacy', { fetch: globalThis.fetch, baseUrl: server.url });

    const listed = await client.listOrders();

    assert.deepEqual(listed, []);
    assert.deepEqual(requestLines(emulator), ['GET /v2/orders']);
  });
});
