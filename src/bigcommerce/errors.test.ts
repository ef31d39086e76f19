import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TransportResponse } from '../http/transport.ts';
import { bigCommerceDialect, readErrorBody, readQuota, readRetryAfterMs } from './errors.ts';

function answer(status: number, text: string): TransportResponse {
  return { method: 'GET', path: '/v3/catalog/products', status, headers: new Headers(), text };
}

const oauth = { kind: 'oauth', storeHash: 'abc123', accessToken: 'secret-token' } as const;
const legacy = {
  kind: 'legacy',
  storeDomain: 'shop.example.com',
  username: 'admin',
  apiToken: 'secret-api-token',
} as const;

void describe('BigCommerce error bodies', () => {
  void it('reads the message of a v2 error array', () => {
    const body = JSON.stringify([
      { status: 404, message: 'The requested resource was not found.' },
    ]);

    assert.deepEqual(readErrorBody(answer(404, body)), {
      message: 'The requested resource was not found.',
    });
  });

  void it('joins several v2 messages', () => {
    const body = JSON.stringify([
      { status: 400, message: 'first problem' },
      { status: 400, message: 'second problem' },
    ]);

    assert.equal(readErrorBody(answer(400, body)).message, 'first problem; second problem');
  });

  void it('reads the title and the field errors of a v3 error', () => {
    const body = JSON.stringify({
      status: 409,
      title: 'The product sku is a duplicate',
      type: '/api-docs/getting-started/api-status-codes',
      errors: { sku: 'The product sku is a duplicate' },
    });

    const read = readErrorBody(answer(409, body));

    assert.deepEqual(read.fieldErrors, { sku: 'The product sku is a duplicate' });
    assert.equal(
      read.message,
      'The product sku is a duplicate; sku: The product sku is a duplicate',
    );
  });

  void it('leaves field errors out when v3 sends an empty errors object', () => {
    const body = JSON.stringify({ status: 429, title: 'Too many requests', errors: {} });

    assert.deepEqual(readErrorBody(answer(429, body)), {
      message: 'Too many requests',
      fieldErrors: undefined,
    });
  });

  void it('flattens field errors that are lists', () => {
    const body = JSON.stringify({
      status: 422,
      title: 'Invalid',
      errors: { price: ['low', 'odd'] },
    });

    assert.deepEqual(readErrorBody(answer(422, body)).fieldErrors, { price: 'low, odd' });
  });

  void it('keeps a short plain-text body as the message and ignores a long one', () => {
    assert.equal(
      readErrorBody(answer(401, 'X-Auth-Token header is required')).message,
      'X-Auth-Token header is required',
    );
    assert.deepEqual(readErrorBody(answer(500, 'x'.repeat(500))), {});
  });
});

void describe('BigCommerce quota headers', () => {
  void it('reads left, quota and reset', () => {
    const headers = new Headers({
      'X-Rate-Limit-Requests-Left': '35',
      'X-Rate-Limit-Requests-Quota': '150',
      'X-Rate-Limit-Time-Reset-Ms': '15000',
      'X-Rate-Limit-Time-Window-Ms': '30000',
    });

    assert.deepEqual(readQuota(headers), { left: 35, quota: 150, resetMs: 15000 });
  });

  void it('reports no quota when the store sends none (Unlimited Rate Plan, legacy accounts)', () => {
    assert.equal(readQuota(new Headers({ 'X-BC-ApiLimit-Remaining': '10' })), undefined);
    assert.equal(readQuota(new Headers({ 'X-Rate-Limit-Requests-Left': 'many' })), undefined);
  });

  void it('waits the reset time, else X-Retry-After seconds', () => {
    const both = new Headers({ 'X-Rate-Limit-Time-Reset-Ms': '1200', 'X-Retry-After': '2' });
    const secondsOnly = new Headers({ 'X-Retry-After': '0.5' });

    assert.equal(readRetryAfterMs(both), 1200);
    assert.equal(readRetryAfterMs(secondsOnly), 500);
    assert.equal(readRetryAfterMs(new Headers()), undefined);
  });
});

void describe('BigCommerce dialect', () => {
  void it('sends the access token of an OAuth account', () => {
    const headers = bigCommerceDialect(oauth).authHeaders();

    assert.equal(headers['X-Auth-Token'], 'secret-token');
    assert.equal(headers.Accept, 'application/json');
    assert.equal(headers.Authorization, undefined);
  });

  void it('sends HTTP Basic for a legacy account', () => {
    const headers = bigCommerceDialect(legacy).authHeaders();
    const encoded = Buffer.from('admin:secret-api-token').toString('base64');

    assert.equal(headers.Authorization, `Basic ${encoded}`);
    assert.equal(headers['X-Auth-Token'], undefined);
  });

  void it('treats 509 as a rate limit only for legacy accounts', () => {
    assert.deepEqual(bigCommerceDialect(legacy).rateLimitStatuses, [429, 509]);
    assert.deepEqual(bigCommerceDialect(oauth).rateLimitStatuses, [429]);
  });

  void it('recognises a taken email in a 422, and nothing else', () => {
    const dialect = bigCommerceDialect(oauth);
    const isDuplicate = (status: number, message: string | undefined) =>
      dialect.isDuplicate(status, message);

    assert.equal(isDuplicate(422, 'Create customers failed.; email: Email already in use'), true);
    assert.equal(isDuplicate(422, 'The email address a@b.c already exists.'), true);
    assert.equal(isDuplicate(422, 'email: not a valid address'), false);
    assert.equal(isDuplicate(422, 'name: already taken'), false);
    assert.equal(isDuplicate(400, 'email already exists'), false);
    assert.equal(isDuplicate(422, undefined), false);
  });
});
