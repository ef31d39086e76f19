import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countCalls, endpointOf } from './calls.ts';

function logged(method: string, path: string, status = 200) {
  return { method, path, query: {}, status, body: null };
}

void describe('benchmark call counting', () => {
  void it('writes paths as endpoints without account, store or record ids', () => {
    assert.equal(endpointOf('/accounts/bench/api/products.json'), '/api/products.json');
    assert.equal(endpointOf('/accounts/bench/api/products/17.json'), '/api/products/{id}.json');
    assert.equal(endpointOf('/stores/bench01/v3/catalog/products'), '/v3/catalog/products');
    assert.equal(endpointOf('/stores/bench01/v2/orders/42/products'), '/v2/orders/{id}/products');
    assert.equal(endpointOf('/api/v2/products/9'), '/api/v2/products/{id}');
  });

  void it('counts calls per endpoint and side, writes, rate limits and errors', () => {
    const count = countCalls({
      imonggo: [
        logged('GET', '/accounts/bench/api/products.json'),
        logged('POST', '/accounts/bench/api/invoices.json', 503),
      ],
      bigcommerce: [
        logged('PUT', '/stores/bench01/v3/catalog/products'),
        logged('PUT', '/stores/bench01/v3/catalog/products', 429),
        logged('GET', '/stores/bench01/v2/orders/1/products', 204),
      ],
    });

    assert.equal(count.total, 5);
    assert.deepEqual(count.bySide, { imonggo: 2, bigcommerce: 3 });
    assert.equal(count.byEndpoint['bigcommerce PUT /v3/catalog/products'], 2);
    assert.equal(count.byEndpoint['bigcommerce GET /v2/orders/{id}/products'], 1);
    assert.equal(count.writes, 3);
    assert.equal(count.rateLimited, 1);
    assert.equal(count.errors, 1);
  });
});
