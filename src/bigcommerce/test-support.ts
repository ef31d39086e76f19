import pino from 'pino';
import { createBigCommerceEmulator } from '../../emulators/bigcommerce/index.ts';
import { GateRegistry } from '../http/account-gate.ts';
import type { Clock } from '../http/clock.ts';
import { BigCommerceClient, type BigCommerceClientOptions } from './client.ts';
import type { BigCommerceCredentials } from './credentials.ts';

/** Shared by the contract suites: one emulated store reachable with both kinds of account. */

export type Emulator = ReturnType<typeof createBigCommerceEmulator>;
export type AccountKind = BigCommerceCredentials['kind'];

export const kinds: readonly AccountKind[] = ['oauth', 'legacy'];

export const store = {
  hash: 'abc123',
  domain: 'shop.example.com',
  accessToken: 'oauth-token-abc',
  username: 'bin-legacy',
  apiToken: 'legacy-token-abc',
} as const;

export function credentials(kind: AccountKind, wrong = false): BigCommerceCredentials {
  const suffix = wrong ? '-wrong' : '';
  return kind === 'oauth'
    ? { kind, storeHash: store.hash, accessToken: store.accessToken + suffix }
    : {
        kind,
        storeDomain: store.domain,
        username: store.username,
        apiToken: store.apiToken + suffix,
      };
}

export interface StoreContent {
  products?: unknown[];
  categories?: unknown[];
  customers?: unknown[];
  orders?: unknown[];
}

export const categories = [
  { id: 1, parent_id: 0, name: 'Mugs', is_visible: true },
  { id: 2, parent_id: 0, name: 'Shirts', is_visible: true },
];

/** `count` products named and coded by number, spread over the first days of 2026. */
export function products(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    return {
      id: n,
      name: `Product ${n}`,
      type: 'physical',
      sku: `SKU-${String(n).padStart(4, '0')}`,
      price: 10 + n / 100,
      weight: 0.5,
      description: `<p>Product ${n}</p>`,
      categories: [n % 2 === 0 ? 2 : 1],
      inventory_level: n,
      inventory_tracking: 'product',
      is_visible: true,
      date_modified: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    };
  });
}

export function customers(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    return {
      id: n,
      email: `buyer${n}@example.com`,
      first_name: `Ana${n}`,
      last_name: 'Cruz',
      phone: `0917${String(n).padStart(7, '0')}`,
      company: n % 3 === 0 ? 'Cruz Trading' : '',
      date_modified: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    };
  });
}

export function emulatorWith(
  content: StoreContent = {},
  options: Parameters<typeof createBigCommerceEmulator>[0] = {},
): Emulator {
  const emulator = createBigCommerceEmulator(options);
  emulator.setState({
    stores: [
      {
        store_hash: store.hash,
        domain: store.domain,
        legacy: { username: store.username, api_token: store.apiToken },
        access_token: store.accessToken,
        categories: content.categories ?? categories,
        products: content.products ?? [],
        customers: content.customers ?? [],
        orders: content.orders ?? [],
      },
    ],
  });
  return emulator;
}

export const silentLogger = pino({ level: 'silent' });

/** A client for the emulated store: fast retries, a fresh gate, the emulator's in-process fetch. */
export function clientFor(
  emulator: Emulator,
  kind: AccountKind,
  options: Partial<BigCommerceClientOptions> & { clock?: Clock } = {},
): BigCommerceClient {
  return new BigCommerceClient({
    credentials: credentials(kind),
    fetch: emulator.fetch,
    logger: silentLogger,
    gates: new GateRegistry(),
    backoffMs: 1,
    retries: 2,
    timeoutMs: 2_000,
    ...options,
  });
}

/** The API requests the emulator answered, as `METHOD path` with the store prefix cut off. */
export function requestLines(emulator: Emulator): string[] {
  return emulator.requests
    .list()
    .map((entry) => `${entry.method} ${entry.path.replace(/^\/(stores\/[^/]+|api)/, '')}`);
}

export function statuses(emulator: Emulator): number[] {
  return emulator.requests.list().map((entry) => entry.status);
}

/**
 * Wraps a fetch so a test can answer chosen requests itself or alter the emulator's answer, for
 * answers the emulator does not give on purpose (HTML pages, cut-off JSON, wrong field types).
 */
export function intercepting(
  inner: typeof fetch,
  handle: (request: Request, forward: () => Promise<Response>) => Promise<Response>,
): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    return handle(request, () => inner(request.clone()));
  };
}
