import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import { pino } from 'pino';
import { AccountGate } from './account-gate.ts';
import {
  AuthenticationError,
  ConflictError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  RemoteFailureError,
  ValidationError,
} from './errors.ts';
import { RecordingClock } from './test-clock.ts';
import { HttpTransport, type ApiDialect } from './transport.ts';

const dialect: ApiDialect = {
  side: 'bigcommerce',
  authHeaders: () => ({ 'X-Auth-Token': 'secret-token' }),
  readErrorBody: (response) => {
    try {
      const body = JSON.parse(response.text) as { title?: string; errors?: Record<string, string> };
      return { message: body.title, fieldErrors: body.errors };
    } catch {
      return {};
    }
  },
  rateLimitStatuses: [429],
  isDuplicate: (status, message) => status === 422 && /already in use/.test(message ?? ''),
  readQuota: (headers) => {
    const left = headers.get('x-left');
    return left === null ? undefined : { left: Number(left), resetMs: 1_000 };
  },
  readRetryAfterMs: (headers) => {
    const reset = headers.get('x-reset-ms');
    return reset === null ? undefined : Number(reset);
  },
};

type Answer = Response | (() => never);

/** A fetch that plays a script of answers and records what was asked. */
function scriptedFetch(answers: Answer[]) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: input instanceof Request ? input.url : input.toString(), init });
    const next = answers.shift();
    if (!next) throw new Error('no scripted answer left');
    return Promise.resolve(typeof next === 'function' ? next() : next);
  };
  const typed: typeof globalThis.fetch = fetch;
  return { fetch: typed, calls };
}

function failWith(code: string): () => never {
  return () => {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
  };
}

function transport(fetch: typeof globalThis.fetch, clock = new RecordingClock()) {
  return new HttpTransport({
    baseUrl: 'https://api.example.test/stores/abc/',
    dialect,
    fetch,
    logger: pino({ level: 'silent' }),
    clock,
    gate: new AccountGate({ concurrency: 4, clock }),
    retries: 2,
    backoffMs: 1,
    timeoutMs: 200,
  });
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('HttpTransport', () => {
  it('sends the credentials and the query, and returns the answer', async () => {
    const { fetch, calls } = scriptedFetch([json(200, { ok: true })]);

    const response = await transport(fetch).send({
      method: 'GET',
      path: '/v3/catalog/products',
      query: { 'sku:in': 'A,B', page: 2, skipped: undefined },
    });

    assert.equal(response.status, 200);
    assert.equal(response.path, '/stores/abc/v3/catalog/products');
    assert.equal(
      calls[0]?.url,
      'https://api.example.test/stores/abc/v3/catalog/products?sku%3Ain=A%2CB&page=2',
    );
    assert.deepEqual(calls[0]?.init?.headers, { 'X-Auth-Token': 'secret-token' });
  });

  it('maps each status to its error class with the remote message and fields', async () => {
    const cases = [
      [401, AuthenticationError],
      [403, AuthenticationError],
      [404, NotFoundError],
      [409, ConflictError],
      [413, ValidationError],
      [422, ValidationError],
    ] as const;

    for (const [status, errorClass] of cases) {
      const { fetch } = scriptedFetch([
        json(status, { title: 'Nope', errors: { name: 'too long' } }),
      ]);
      const error = await transport(fetch)
        .send({ method: 'PUT', path: '/x' })
        .catch((e: unknown) => e);

      assert.ok(error instanceof errorClass, `status ${status}`);
      assert.equal(error.status, status);
      assert.equal(error.remoteMessage, 'Nope');
      assert.deepEqual(error.fieldErrors, { name: 'too long' });
      assert.doesNotMatch(error.message, /secret-token/);
    }
  });

  it('reports a duplicate that the remote words as a validation error as a conflict', async () => {
    const { fetch } = scriptedFetch([json(422, { title: 'Email already in use' })]);

    const error = await transport(fetch)
      .send({ method: 'POST', path: '/c' })
      .catch((e: unknown) => e);

    assert.ok(error instanceof ConflictError);
  });

  it('retries a read on 5xx a bounded number of times, then gives up', async () => {
    const { fetch, calls } = scriptedFetch([json(502, {}), json(503, {}), json(500, {})]);

    const error = await transport(fetch)
      .send({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);

    assert.ok(error instanceof RemoteFailureError);
    assert.equal(error.status, 500);
    assert.equal(calls.length, 3);
  });

  it('does not repeat a create that failed with a 5xx, and says it may have arrived', async () => {
    const { fetch, calls } = scriptedFetch([json(500, {})]);

    const error = await transport(fetch)
      .send({ method: 'POST', path: '/x' })
      .catch((e: unknown) => e);

    assert.ok(error instanceof RemoteFailureError);
    assert.equal(error.mayHaveArrived, true);
    assert.equal(calls.length, 1);
  });

  it('repeats a create whose connection was refused, since it never arrived', async () => {
    const { fetch, calls } = scriptedFetch([failWith('ECONNREFUSED'), json(200, { id: 1 })]);

    const response = await transport(fetch).send({ method: 'POST', path: '/x' });

    assert.equal(response.status, 200);
    assert.equal(calls.length, 2);
  });

  it('does not repeat a create whose connection was reset', async () => {
    const { fetch, calls } = scriptedFetch([failWith('ECONNRESET')]);

    const error = await transport(fetch)
      .send({ method: 'POST', path: '/x' })
      .catch((e: unknown) => e);

    assert.ok(error instanceof NetworkError);
    assert.equal(error.mayHaveArrived, true);
    assert.equal(error.timedOut, false);
    assert.equal(calls.length, 1);
  });

  it('retries a read whose connection was reset', async () => {
    const { fetch, calls } = scriptedFetch([failWith('ECONNRESET'), json(200, [])]);

    await transport(fetch).send({ method: 'GET', path: '/x' });

    assert.equal(calls.length, 2);
  });

  it('waits the reset the remote names after a 429, then repeats even a create', async () => {
    const clock = new RecordingClock();
    const { fetch, calls } = scriptedFetch([
      json(429, { title: 'Too many requests' }, { 'x-reset-ms': '4321' }),
      json(200, { id: 7 }),
    ]);

    await transport(fetch, clock).send({ method: 'POST', path: '/x' });

    assert.equal(calls.length, 2);
    assert.deepEqual(clock.sleeps, [4321]);
  });

  it('gives up on rate limits after the retry budget', async () => {
    const { fetch, calls } = scriptedFetch([json(429, {}), json(429, {}), json(429, {})]);

    const error = await transport(fetch)
      .send({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);

    assert.ok(error instanceof RateLimitedError);
    assert.equal(calls.length, 3);
  });

  it('times out an answer that does not come', async () => {
    // A real socket would keep the process alive while waiting; this timer stands in for it.
    const never: typeof globalThis.fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        const socket = setTimeout(() => undefined, 5_000);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(socket);
          reject(init.signal?.reason as Error);
        });
      });

    const error = await transport(never)
      .send({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);

    assert.ok(error instanceof NetworkError);
    assert.equal(error.timedOut, true);
  });

  it("lets the caller's signal stop a request, and leaves nothing on that signal after", async () => {
    const caller = new AbortController();
    const { fetch } = scriptedFetch(Array.from({ length: 5 }, () => json(200, { ok: true })));
    const client = transport(fetch);
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const timersBefore = timers();

    for (let i = 0; i < 5; i += 1) {
      await client.send({ method: 'GET', path: '/x', signal: caller.signal });
    }
    const listenersAfterAnswers = getEventListeners(caller.signal, 'abort').length;
    const timersAfterAnswers = timers();
    const waiting = transport((_input, init) => {
      // As a real fetch: an aborted signal rejects at once, or as soon as it aborts.
      return new Promise((_resolve, reject) => {
        const signal = init?.signal;
        if (signal?.aborted) reject(signal.reason as Error);
        signal?.addEventListener('abort', () => reject(signal.reason as Error));
      });
    })
      .send({ method: 'GET', path: '/x', signal: caller.signal })
      .catch((e: unknown) => e);
    caller.abort(new Error('the merchant cancelled'));

    assert.equal(listenersAfterAnswers, 0);
    assert.equal(timersAfterAnswers, timersBefore, 'an answered request left its timeout running');
    assert.equal(((await waiting) as Error).message, 'the merchant cancelled');
    assert.equal(getEventListeners(caller.signal, 'abort').length, 0);
  });

  it('reports an HTML error page without reading it as the remote message', async () => {
    const page = new Response('<!DOCTYPE html><html><body>Bad gateway</body></html>', {
      status: 404,
      headers: { 'content-type': 'text/html' },
    });
    const { fetch } = scriptedFetch([page]);

    const error = await transport(fetch)
      .send({ method: 'GET', path: '/x' })
      .catch((e: unknown) => e);

    assert.ok(error instanceof NotFoundError);
    assert.equal(error.remoteMessage, undefined);
    assert.match(error.bodyExcerpt ?? '', /Bad gateway/);
  });

  it('paces itself by the quota the answers report', async () => {
    const clock = new RecordingClock();
    const { fetch } = scriptedFetch([json(200, {}, { 'x-left': '0' }), json(200, {})]);
    const client = transport(fetch, clock);

    await client.send({ method: 'GET', path: '/a' });
    await client.send({ method: 'GET', path: '/b' });

    assert.deepEqual(clock.sleeps, [1_000]);
  });
});
