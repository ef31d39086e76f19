import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serveOnLoopback } from '../../emulators/common/serve.ts';
import { smallAccount } from '../../emulators/imonggo/test-helpers.ts';
import {
  AuthenticationError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  RemoteFailureError,
  ValidationError,
} from '../http/errors.ts';
import { ImonggoClient } from './client.ts';
import {
  baseUrl,
  replacingFirstBody,
  silentLogger,
  testClient,
  testEmulator,
} from './test-support.ts';
import type { Format } from './wire.ts';

const sale = {
  reference: 'BC-500',
  invoice_lines: [{ product_id: 1, quantity: 1 }],
  payments: [{ amount: 50.25 }],
};

/** Random draws in order, then "no fault" for ever after. */
function draws(...values: number[]): () => number {
  return () => values.shift() ?? 0.99;
}

for (const format of ['json', 'xml'] as Format[]) {
  describe(`imonggo client errors (${format})`, () => {
    it('exchanges email and password for the token', async () => {
      const emulator = testEmulator();

      const token = await ImonggoClient.exchangeToken({
        accountId: 'acme',
        email: 'owner@acme.test',
        password: 'secret-pw',
        baseUrl,
        format,
        fetch: emulator.fetch,
        logger: silentLogger,
      });

      assert.equal(token, smallAccount().api_token);
    });

    it('reports a wrong email or password as an authentication error', async () => {
      const emulator = testEmulator();

      const exchange = ImonggoClient.exchangeToken({
        accountId: 'acme',
        email: 'owner@acme.test',
        password: 'wrong',
        baseUrl,
        format,
        fetch: emulator.fetch,
        logger: silentLogger,
      });

      await assert.rejects(exchange, (error: unknown) => {
        assert.ok(error instanceof AuthenticationError);
        assert.equal(error.status, 404);
        assert.doesNotMatch(error.message, /wrong@|secret-pw|password=/);
        return true;
      });
    });

    it('reports a refused token as an authentication error', async () => {
      const client = testClient(testEmulator(), format, { apiToken: 'not-the-token' });

      await assert.rejects(client.listProducts(), AuthenticationError);
    });

    it('reports an unknown id as not found', async () => {
      const client = testClient(testEmulator(), format);

      await assert.rejects(client.getProduct(999), NotFoundError);
    });

    it('reports refused values as a validation error naming the field', async () => {
      const client = testClient(testEmulator(), format);

      await assert.rejects(
        client.createProduct({ name: 'Cheap', retail_price: -1 }),
        (error: unknown) =>
          error instanceof ValidationError &&
          error.fieldErrors.retail_price === 'Retail price must be greater than or equal to 0',
      );
    });
  });
}

describe('imonggo client under faults', () => {
  it('backs off on 503 rate limits and then succeeds', async () => {
    const emulator = testEmulator();
    emulator.faults.set({ quota: { requests: 1, window_ms: 40 } });
    const client = testClient(emulator, 'json', { retries: 6, backoffMs: 15 });

    await client.getProduct(1);
    const product = await client.getProduct(2);

    const statuses = emulator.requests.list().map((r) => r.status);
    assert.equal(product.name, 'Mug');
    assert.ok(statuses.includes(503));
    assert.equal(statuses.at(-1), 200);
  });

  it('retries a 5xx a bounded number of times, then gives up', async () => {
    const emulator = testEmulator(smallAccount(), () => 0);
    emulator.faults.set({ error_rate: 1, error_status: 500 });
    const client = testClient(emulator, 'json', { retries: 2 });

    await assert.rejects(client.listProducts(), RemoteFailureError);
    assert.equal(emulator.requests.list().length, 3);
  });

  it('does not repeat a POST that failed with a 5xx, and says it may have arrived', async () => {
    const emulator = testEmulator(smallAccount(), () => 0);
    emulator.faults.set({ error_rate: 1, error_status: 502 });
    const client = testClient(emulator, 'xml', { retries: 3 });

    await assert.rejects(
      client.createInvoice(sale),
      (error: unknown) => error instanceof RemoteFailureError && error.mayHaveArrived,
    );
    assert.equal(emulator.requests.list().length, 1);
  });

  it('gives up on an answer slower than the timeout', async () => {
    const emulator = testEmulator();
    emulator.faults.set({ latency_ms: 150 });
    const client = testClient(emulator, 'json', { timeoutMs: 30, retries: 0 });

    await assert.rejects(
      client.getProduct(1),
      (error: unknown) => error instanceof NetworkError && error.timedOut,
    );
  });

  it('repeats a GET whose connection was reset', async () => {
    const emulator = testEmulator(smallAccount(), draws(0));
    emulator.faults.set({ reset_rate: 0.5 });
    const client = testClient(emulator, 'json');

    const product = await client.getProduct(1);

    assert.equal(product.stock_no, '007');
    assert.equal(emulator.requests.list().length, 2);
  });

  it('never repeats a reset invoice POST: it may have arrived, and landed exactly once', async () => {
    const emulator = testEmulator(smallAccount(), () => 0);
    emulator.faults.set({ reset_rate: 1 });
    const client = testClient(emulator, 'json', { retries: 3 });

    await assert.rejects(
      client.createInvoice(sale),
      (error: unknown) => error instanceof NetworkError && error.mayHaveArrived && !error.timedOut,
    );
    emulator.faults.clear();

    assert.equal(emulator.requests.list().filter((r) => r.method === 'POST').length, 1);
    assert.equal(emulator.getState().accounts[0]?.invoices.length, 1);
    assert.equal((await client.findInvoiceByReference('BC-500'))?.reference, 'BC-500');
  });

  it('reports an HTML page in place of data as a malformed answer', async () => {
    const emulator = testEmulator();
    const fetch = replacingFirstBody(
      emulator.fetch,
      () => '<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>',
    );
    const client = testClient(emulator, 'xml', { fetch });

    await assert.rejects(client.listProducts(), MalformedResponseError);
  });

  it('reports truncated XML as a malformed answer', async () => {
    const emulator = testEmulator();
    const fetch = replacingFirstBody(emulator.fetch, (text) => text.slice(0, text.length / 2));
    const client = testClient(emulator, 'xml', { fetch });

    await assert.rejects(client.listProducts(), MalformedResponseError);
  });

  it('reports cut-off JSON as a malformed answer', async () => {
    const emulator = testEmulator();
    const fetch = replacingFirstBody(emulator.fetch, (text) => text.slice(0, 40));
    const client = testClient(emulator, 'json', { fetch });

    await assert.rejects(client.getProduct(1), MalformedResponseError);
  });

  it('names the field when an answer does not match the schema', async () => {
    const emulator = testEmulator();
    const fetch = replacingFirstBody(emulator.fetch, (text) =>
      text.replace('"retail_price":120', '"retail_price":"cheap"'),
    );
    const client = testClient(emulator, 'json', { fetch });

    await assert.rejects(client.listProducts(), (error: unknown) => {
      assert.ok(error instanceof MalformedResponseError);
      assert.equal(error.field, '1.retail_price');
      return true;
    });
  });

  it('reads an HTML error page on a 5xx as a remote failure, not a crash', async () => {
    const emulator = testEmulator();
    const fetch = replacingFirstBody(
      emulator.fetch,
      () => '<html><body>Bad gateway</body></html>',
      502,
    );
    const client = testClient(emulator, 'json', { fetch, retries: 0 });

    await assert.rejects(client.getProduct(1), RemoteFailureError);
  });

  it('over a real socket, a reset connection is a network error', async () => {
    const emulator = testEmulator(smallAccount(), () => 0);
    emulator.faults.set({ reset_rate: 1 });
    const server = await serveOnLoopback(emulator.app.fetch, 0);
    try {
      const client = testClient(emulator, 'json', {
        fetch: globalThis.fetch,
        baseUrl: `${server.url}/accounts/{account_id}`,
        retries: 1,
      });

      await assert.rejects(
        client.getProduct(1),
        (error: unknown) => error instanceof NetworkError && !error.timedOut,
      );
      assert.equal(emulator.requests.list().length, 2);
    } finally {
      await server.close();
    }
  });
});
