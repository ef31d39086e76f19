import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AuthenticationError,
  ConflictError,
  MalformedResponseError,
  NotFoundError,
  RemoteFailureError,
  ValidationError,
} from '../http/errors.ts';
import {
  clientFor,
  credentials,
  emulatorWith,
  kinds,
  products,
  requestLines,
  intercepting,
  statuses,
  store,
} from './test-support.ts';

const mug = { name: 'Imonggo Mug', sku: 'IMG-MUG-01', price: 9.5, weight: 0.4, categories: [1] };

for (const kind of kinds) {
  void describe(`refusals with a ${kind} account`, () => {
    void it('refuses wrong credentials once, without repeating them in the error', async () => {
      const emulator = emulatorWith({ products: products(1) });
      const client = clientFor(emulator, kind, { credentials: credentials(kind, true) });

      await assert.rejects(client.getProduct(1), (error) => {
        assert.ok(error instanceof AuthenticationError);
        assert.equal(error.status, 401);
        const shown = `${error.message} ${error.bodyExcerpt ?? ''}`;
        assert.ok(!shown.includes(store.accessToken) && !shown.includes(store.apiToken));
        return true;
      });
      assert.deepEqual(statuses(emulator), [401]);
    });

    void it('says a missing product is not found', async () => {
      const client = clientFor(emulatorWith({ products: products(1) }), kind);

      await assert.rejects(client.getProduct(999), NotFoundError);
    });

    void it('reports an invalid product with the field the API named', async () => {
      const emulator = emulatorWith();
      const client = clientFor(emulator, kind);

      await assert.rejects(client.createProduct({ ...mug, price: -1 }), (error) => {
        assert.ok(error instanceof ValidationError);
        if (kind === 'oauth') {
          assert.equal(error.status, 422);
          assert.ok(error.fieldErrors.price, 'a message about the price');
        } else {
          assert.match(error.remoteMessage ?? '', /price/);
        }
        return true;
      });
      assert.equal(requestLines(emulator).length, 1);
    });

    void it('answers a duplicate product name and a duplicate SKU with a conflict', async () => {
      const emulator = emulatorWith({ products: products(1) });
      const client = clientFor(emulator, kind);

      await assert.rejects(client.createProduct({ ...mug, name: 'product 1' }), (error) => {
        assert.ok(error instanceof ConflictError);
        assert.equal(error.status, 409);
        assert.match(error.message, /name/);
        return true;
      });
      await assert.rejects(client.createProduct({ ...mug, sku: 'sku-0001' }), (error) => {
        assert.ok(error instanceof ConflictError);
        assert.match(error.message, /sku/i);
        return true;
      });
      assert.deepEqual(statuses(emulator), [409, 409]);
    });

    void it('repeats a read that met a 5xx, then gives up', async () => {
      const emulator = emulatorWith({ products: products(1) });
      const client = clientFor(emulator, kind, { retries: 2 });
      emulator.faults.set({ error_rate: 1, error_status: 503 });

      await assert.rejects(client.getProduct(1), (error) => {
        assert.ok(error instanceof RemoteFailureError);
        assert.equal(error.status, 503);
        return true;
      });
      assert.deepEqual(statuses(emulator), [503, 503, 503]);
    });

    void it('does not repeat a create that met a 5xx, and says it may have arrived', async () => {
      const emulator = emulatorWith();
      const client = clientFor(emulator, kind, { retries: 2 });
      emulator.faults.set({ error_rate: 1, error_status: 500 });

      await assert.rejects(client.createProduct(mug), (error) => {
        assert.ok(error instanceof RemoteFailureError);
        assert.equal(error.mayHaveArrived, true);
        return true;
      });
      assert.equal(requestLines(emulator).length, 1);
    });
  });
}

void describe('batch size', () => {
  void it('splits a batch the API finds too large and keeps every item', async () => {
    const emulator = emulatorWith({ products: products(10) });
    let refused = 0;
    const fetch = intercepting(emulator.fetch, async (request, forward) => {
      if (request.method !== 'PUT') return forward();
      const items = (await request.clone().json()) as unknown[];
      if (items.length <= 5) return forward();
      refused += 1;
      const body = { status: 413, title: 'The request payload is too large.', errors: {} };
      return Response.json(body, { status: 413 });
    });
    const client = clientFor(emulator, 'oauth', { fetch });
    const updates = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, price: 50 + i }));

    const results = await client.updateProducts(updates);

    assert.equal(refused, 1);
    assert.ok(results.every((result) => result.ok));
    assert.deepEqual(
      results.map((result) => result.id),
      updates.map((update) => update.id),
    );
    assert.deepEqual(
      emulator.requests.list().map((entry) => (entry.body as unknown[]).length),
      [5, 5],
    );
  });
});

void describe('unreadable answers', () => {
  const replaceBody = (text: string, status = 200, type = 'application/json') =>
    intercepting(emulatorWith({ products: products(3) }).fetch, () =>
      Promise.resolve(new Response(text, { status, headers: { 'content-type': type } })),
    );

  void it('turns an HTML page with status 200 into a malformed answer', async () => {
    const html = '<!DOCTYPE html><html><body><h1>Store maintenance</h1></body></html>';
    const client = clientFor(emulatorWith(), 'oauth', {
      fetch: replaceBody(html, 200, 'text/html'),
    });

    await assert.rejects(client.getProduct(1), (error) => {
      assert.ok(error instanceof MalformedResponseError);
      assert.match(error.message, /JSON/);
      assert.match(error.bodyExcerpt ?? '', /Store maintenance/);
      return true;
    });
  });

  void it('reads an HTML error page as a failure of the service', async () => {
    const html = '<html><head><title>502 Bad Gateway</title></head></html>';
    const client = clientFor(emulatorWith(), 'legacy', {
      fetch: replaceBody(html, 502, 'text/html'),
      retries: 0,
    });

    await assert.rejects(client.listOrders(), (error) => {
      assert.ok(error instanceof RemoteFailureError);
      assert.equal(error.status, 502);
      assert.equal(error.remoteMessage, undefined);
      return true;
    });
  });

  void it('turns cut-off JSON into a malformed answer', async () => {
    const client = clientFor(emulatorWith(), 'legacy', { fetch: replaceBody('[{"id":1,"na') });

    await assert.rejects(client.listOrders(), MalformedResponseError);
  });

  void it('names the field that does not match the schema', async () => {
    const emulator = emulatorWith({ products: products(3) });
    const fetch = intercepting(emulator.fetch, async (_request, forward) => {
      const body = (await (await forward()).json()) as { data: Record<string, unknown>[] };
      const first = body.data[0];
      if (first) first.inventory_level = 'lots';
      return Response.json(body);
    });
    const client = clientFor(emulator, 'oauth', { fetch });

    await assert.rejects(client.listProducts(), (error) => {
      assert.ok(error instanceof MalformedResponseError);
      assert.equal(error.field, 'data.0.inventory_level');
      assert.match(error.message, /data\.0\.inventory_level/);
      return true;
    });
  });
});
