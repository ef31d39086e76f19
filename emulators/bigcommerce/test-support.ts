import { createBigCommerceEmulator, type BigCommerceEmulator } from './index.ts';

/** Two stores with both kinds of credentials, for the emulator's own tests. */
export const storeA = {
  store_hash: 'storea1',
  domain: 'store-a.mybigcommerce.com',
  legacy: { username: 'alice', api_token: 'a'.repeat(40) },
  access_token: 'token-a',
};

export const storeB = {
  store_hash: 'storeb2',
  domain: 'store-b.mybigcommerce.com',
  legacy: { username: 'bob', api_token: 'b'.repeat(40) },
  access_token: 'token-b',
};

export const EPOCH = Date.UTC(2026, 0, 5, 10, 0, 0);

export interface Harness {
  emulator: BigCommerceEmulator;
  clock: { now: number };
  /** A request with the current API's token of store A (or the given headers). */
  current: (path: string, init?: RequestInit & { store?: typeof storeA }) => Promise<Response>;
  /** A request on the legacy `/api/v2` tree with store A's Basic credentials. */
  legacy: (path: string, init?: RequestInit & { store?: typeof storeA }) => Promise<Response>;
}

export function harness(state: unknown = { stores: [storeA, storeB] }): Harness {
  const clock = { now: EPOCH };
  const emulator = createBigCommerceEmulator({ now: () => clock.now, random: () => 0.5 });
  emulator.setState(state);

  return {
    emulator,
    clock,
    current(path, init = {}) {
      const store = init.store ?? storeA;
      const headers = new Headers(init.headers);
      if (!headers.has('X-Auth-Token')) headers.set('X-Auth-Token', store.access_token);
      headers.set('Content-Type', 'application/json');
      return emulator.fetch(`http://127.0.0.1:4102/stores/${store.store_hash}${path}`, {
        ...init,
        headers,
      });
    },
    legacy(path, init = {}) {
      const store = init.store ?? storeA;
      const headers = new Headers(init.headers);
      if (!headers.has('Authorization')) headers.set('Authorization', basic(store.legacy));
      headers.set('Content-Type', 'application/json');
      return emulator.fetch(`http://127.0.0.1:4102/api/v2${path}`, { ...init, headers });
    },
  };
}

export function basic(credentials: { username: string; api_token: string }): string {
  const pair = `${credentials.username}:${credentials.api_token}`;
  return `Basic ${Buffer.from(pair).toString('base64')}`;
}

export function json(body: unknown): RequestInit {
  return { body: JSON.stringify(body) };
}

export async function readJson<T = unknown>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
