import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import {
  createBigCommerceEmulator,
  type BigCommerceEmulator,
} from '../../emulators/bigcommerce/index.ts';
import { createImonggoEmulator, type ImonggoEmulator } from '../../emulators/imonggo/index.ts';
import { GateRegistry } from '../../src/http/account-gate.ts';
import type { ConnectionCredentials } from '../../src/store/connections.ts';
import type { DialectName, Store } from '../../src/store/database.ts';
import { SecretBox } from '../../src/store/secrets.ts';
import { openTestStore } from '../../src/store/test-stores.ts';
import { connect, type RemoteOptions } from '../../src/sync/connect.ts';
import type { SyncContext } from '../../src/sync/context.ts';

/** The one merchant of the engine suites: an Imonggo account and a store with both accounts. */
export const merchant = {
  accountId: 'acme',
  email: 'owner@acme.test',
  password: 'acme-password',
  apiToken: 'a'.repeat(40),
  storeHash: 'acme01',
  domain: 'acme.mybigcommerce.com',
  accessToken: 'acme-access-token',
  legacyUsername: 'acme-legacy',
  legacyToken: 'b'.repeat(40),
} as const;

export type AccountKind = 'oauth' | 'legacy';

export function credentialsFor(kind: AccountKind): ConnectionCredentials {
  return {
    imonggo: { accountId: merchant.accountId, apiToken: merchant.apiToken },
    bigcommerce:
      kind === 'oauth'
        ? { kind, storeHash: merchant.storeHash, accessToken: merchant.accessToken }
        : {
            kind,
            storeDomain: merchant.domain,
            username: merchant.legacyUsername,
            apiToken: merchant.legacyToken,
          },
  };
}

export interface ImonggoContent {
  products?: unknown[];
  inventories?: unknown[];
  customers?: unknown[];
  invoices?: unknown[];
  branches?: unknown[];
  payment_types?: unknown[];
}

export interface StoreContent {
  products?: unknown[];
  categories?: unknown[];
  customers?: unknown[];
  orders?: unknown[];
}

export function imonggoState(content: ImonggoContent) {
  return {
    accounts: [
      {
        account_id: merchant.accountId,
        email: merchant.email,
        password: merchant.password,
        api_token: merchant.apiToken,
        products: content.products ?? [],
        inventories: content.inventories ?? [],
        customers: content.customers ?? [],
        invoices: content.invoices ?? [],
        branches: content.branches ?? [{ id: 1, name: 'Main Branch' }],
        payment_types: content.payment_types ?? [],
      },
    ],
  };
}

export function storeState(content: StoreContent) {
  return {
    stores: [
      {
        store_hash: merchant.storeHash,
        domain: merchant.domain,
        legacy: { username: merchant.legacyUsername, api_token: merchant.legacyToken },
        access_token: merchant.accessToken,
        products: content.products ?? [],
        categories: content.categories ?? [],
        customers: content.customers ?? [],
        orders: content.orders ?? [],
      },
    ],
  };
}

export interface World {
  imonggo: ImonggoEmulator;
  bigcommerce: BigCommerceEmulator;
  store: Store;
  box: SecretBox;
  kind: AccountKind;
  /** A fresh context, as a new CLI process or web request would build. */
  context(overrides?: Partial<RemoteOptions>): Promise<SyncContext>;
  close(): Promise<void>;
}

/** What the end-state checks read of a store product in the emulator's state. */
export interface StoreProductState {
  sku: string;
  name: string;
  price: number;
  is_visible: boolean;
  inventory_level: number;
}

/** The products of the world's store, as the store emulator holds them. */
export function storeProducts(world: World): StoreProductState[] {
  const state = world.bigcommerce.getState() as { stores: { products: StoreProductState[] }[] };
  return state.stores[0]?.products ?? [];
}

/** Both emulators in process, loaded with the given content, and an empty database. */
export async function openWorld(
  dialect: DialectName,
  content: {
    imonggo?: ImonggoContent;
    bigcommerce?: StoreContent;
    kind?: AccountKind;
    /** Seed of the emulators' fault draws, so a test under faults meets the same faults each time. */
    faultSeed?: number;
  } = {},
): Promise<World> {
  // One generator per emulator: each side meets the same faults whatever the other side does.
  const seed = content.faultSeed;
  const imonggo = createImonggoEmulator(seed === undefined ? {} : { random: seededRandom(seed) });
  const bigcommerce = createBigCommerceEmulator(
    seed === undefined ? {} : { random: seededRandom(seed + 1) },
  );
  imonggo.setState(imonggoState(content.imonggo ?? {}));
  bigcommerce.setState(storeState(content.bigcommerce ?? {}));

  const store = await openTestStore(dialect);
  const box = new SecretBox(randomBytes(32));
  const kind = content.kind ?? 'oauth';

  return {
    imonggo,
    bigcommerce,
    store,
    box,
    kind,
    context: (overrides = {}) =>
      connect({
        store,
        box,
        credentials: credentialsFor(kind),
        logger: pino({ level: 'silent' }),
        imonggoBaseUrl: 'http://imonggo.test/accounts/{account_id}',
        bigcommerceBaseUrl: 'http://bigcommerce.test',
        imonggoFetch: imonggo.fetch,
        bigcommerceFetch: bigcommerce.fetch,
        gates: new GateRegistry(),
        backoffMs: 1,
        retries: 4,
        timeoutMs: 2_000,
        ...overrides,
      }),
    close: () => store.close(),
  };
}

/** `count` Imonggo products with stock, timestamps spread over the past, as a real shop has. */
export function imonggoProducts(count: number, start = 1) {
  const products = [];
  const inventories = [];
  for (let n = start; n < start + count; n += 1) {
    const when = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString().replace('.000', '');
    products.push({
      id: n,
      stock_no: `SKU-${String(n).padStart(5, '0')}`,
      name: `Product ${n}`,
      retail_price: 10 + (n % 100) / 4,
      cost: 5,
      description: `Description of product ${n}`,
      tag_list: [n % 2 === 0 ? 'Even' : 'Odd'],
      barcode_list: '',
      status: null as 'D' | null,
      utc_created_at: when,
      utc_updated_at: when,
    });
    inventories.push({ product_id: n, branch_id: 1, quantity: 10, utc_updated_at: when });
  }
  return { products, inventories };
}

/** A small deterministic generator (mulberry32) for fault draws in tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
