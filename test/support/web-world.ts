import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import {
  createBigCommerceEmulator,
  type BigCommerceEmulator,
} from '../../emulators/bigcommerce/index.ts';
import { createImonggoEmulator, type ImonggoEmulator } from '../../emulators/imonggo/index.ts';
import { redactedPaths } from '../../src/config/runtime.ts';
import { GateRegistry } from '../../src/http/account-gate.ts';
import type { Clock } from '../../src/http/clock.ts';
import type { DialectName, Store } from '../../src/store/database.ts';
import { SecretBox } from '../../src/store/secrets.ts';
import { openTestStore } from '../../src/store/test-stores.ts';
import { InProcessJobRunner } from '../../src/sync/job-runner.ts';
import { createApp } from '../../src/web/app.ts';
import type { WebDeps } from '../../src/web/deps.ts';

/** One merchant of the web suites: an Imonggo account and a store with both kinds of account. */
export interface WebMerchant {
  accountId: string;
  email: string;
  password: string;
  apiToken: string;
  storeHash: string;
  domain: string;
  accessToken: string;
  username: string;
  legacyToken: string;
}

export function makeMerchant(name: string): WebMerchant {
  return {
    accountId: name,
    email: `owner@${name}.test`,
    password: `${name}-pass-${randomBytes(4).toString('hex')}`,
    apiToken: randomBytes(20).toString('hex'),
    storeHash: `${name}01`,
    domain: `${name}.mybigcommerce.com`,
    accessToken: `${name}access${randomBytes(8).toString('hex')}`,
    username: `${name}-legacy`,
    legacyToken: randomBytes(20).toString('hex'),
  };
}

/** Every secret of a merchant, for the tests that prove none leaks. */
export function secretsOf(merchant: WebMerchant): string[] {
  return [merchant.password, merchant.apiToken, merchant.accessToken, merchant.legacyToken];
}

export interface MerchantContent {
  products?: unknown[];
  inventories?: unknown[];
  customers?: unknown[];
  storeProducts?: unknown[];
  storeCustomers?: unknown[];
  orders?: unknown[];
}

export interface WebWorld {
  app: ReturnType<typeof createApp>;
  imonggo: ImonggoEmulator;
  bigcommerce: BigCommerceEmulator;
  store: Store;
  runner: InProcessJobRunner;
  logs: string[];
  close(): Promise<void>;
}

export interface WebWorldOptions {
  merchants: { merchant: WebMerchant; content?: MerchantContent }[];
  deps?: Partial<WebDeps>;
  clock?: Clock;
}

/** Both emulators in process with the given merchants, a fresh database, and the web app. */
export async function openWebWorld(
  dialect: DialectName,
  options: WebWorldOptions,
): Promise<WebWorld> {
  const imonggo = createImonggoEmulator();
  const bigcommerce = createBigCommerceEmulator();
  imonggo.setState({
    accounts: options.merchants.map(({ merchant, content = {} }) => ({
      account_id: merchant.accountId,
      email: merchant.email,
      password: merchant.password,
      api_token: merchant.apiToken,
      products: content.products ?? [],
      inventories: content.inventories ?? [],
      customers: content.customers ?? [],
      invoices: [],
      branches: [{ id: 1, name: 'Main Branch' }],
      payment_types: [{ id: 1, name: 'Cash' }],
    })),
  });
  bigcommerce.setState({
    stores: options.merchants.map(({ merchant, content = {} }) => ({
      store_hash: merchant.storeHash,
      domain: merchant.domain,
      legacy: { username: merchant.username, api_token: merchant.legacyToken },
      access_token: merchant.accessToken,
      products: content.storeProducts ?? [],
      categories: [],
      customers: content.storeCustomers ?? [],
      orders: content.orders ?? [],
    })),
  });

  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino(
    { level: 'debug', redact: { paths: redactedPaths, censor: '[hidden]' } },
    sink,
  );
  const store = await openTestStore(dialect);
  const runner = new InProcessJobRunner(logger);

  const app = createApp({
    store,
    box: new SecretBox(randomBytes(32)),
    logger,
    runner,
    remote: {
      imonggoBaseUrl: 'http://imonggo.test/accounts/{account_id}',
      bigcommerceBaseUrl: 'http://bigcommerce.test',
      imonggoFetch: imonggo.fetch,
      bigcommerceFetch: bigcommerce.fetch,
      gates: new GateRegistry(),
      backoffMs: 1,
      retries: 2,
      timeoutMs: 2_000,
    },
    allowedHosts: [],
    clientAddress: (c) => c.req.header('x-test-client') ?? '192.0.2.1',
    clock: options.clock,
    ...options.deps,
  });

  return { app, imonggo, bigcommerce, store, runner, logs, close: () => store.close() };
}

/** A browser in miniature: keeps cookies, sends our Origin, finds the form tokens on pages. */
export class TestBrowser {
  readonly #app: WebWorld['app'];
  readonly cookies = new Map<string, string>();
  readonly origin: string;
  readonly headers: Record<string, string>;
  /** Every page body this browser was sent, for the no-secret checks. */
  readonly bodies: string[] = [];
  lastBody = '';

  constructor(
    app: WebWorld['app'],
    options: { origin?: string; headers?: Record<string, string> } = {},
  ) {
    this.#app = app;
    this.origin = options.origin ?? 'http://localhost';
    this.headers = options.headers ?? {};
  }

  async get(path: string): Promise<Response> {
    return this.#send(path, { method: 'GET' });
  }

  /** Posts a form; `_csrf` is taken from the last page unless given. */
  async post(
    path: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ) {
    const body = new URLSearchParams();
    const withToken: Record<string, string | string[]> = { _csrf: this.csrf() ?? '', ...fields };
    for (const [name, value] of Object.entries(withToken)) {
      const values: string[] = Array.isArray(value) ? value : [value];
      for (const one of values) body.append(name, one);
    }
    return this.#send(path, {
      method: 'POST',
      body: body.toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: this.origin,
        ...headers,
      },
    });
  }

  csrf(): string | undefined {
    return /name="_csrf" value="([^"]+)"/.exec(this.lastBody)?.[1];
  }

  loginToken(): string | undefined {
    return /name="_login" value="([^"]+)"/.exec(this.lastBody)?.[1];
  }

  async login(
    merchant: WebMerchant,
    kind: 'legacy' | 'oauth' = 'legacy',
    overrides: Record<string, string> = {},
  ) {
    await this.get('/');
    return this.post('/login', {
      _login: this.loginToken() ?? '',
      account_id: merchant.accountId,
      email: merchant.email,
      password: merchant.password,
      bc_kind: kind,
      username: merchant.username,
      api_token: merchant.legacyToken,
      store_id: merchant.domain,
      store_hash: merchant.storeHash,
      access_token: merchant.accessToken,
      ...overrides,
    });
  }

  async #send(
    path: string,
    init: RequestInit & { headers?: Record<string, string> },
  ): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.#app.request(path, {
      ...init,
      headers: { ...this.headers, ...(init.headers ?? {}), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (!pair || at < 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const type = response.headers.get('content-type') ?? '';
    if (type.startsWith('text/html')) {
      this.lastBody = await response.clone().text();
      this.bodies.push(this.lastBody);
    }
    return response;
  }
}

/** Waits until the run is no longer running in the database. */
export async function waitForRun(world: WebWorld, runId: string): Promise<void> {
  await world.runner.finished(runId);
  for (let i = 0; i < 200; i += 1) {
    const row = await world.store.db
      .selectFrom('runs')
      .select('status')
      .where('id', '=', runId)
      .executeTakeFirst();
    if (row && row.status !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`run ${runId} did not finish`);
}

export function runIdOf(response: Response): string {
  const match = /\/runs\/([0-9a-f-]{36})/.exec(response.headers.get('location') ?? '');
  if (!match?.[1]) throw new Error(`no run in the redirect (${response.status})`);
  return match[1];
}

export function silentLogger() {
  return pino({ level: 'silent' });
}
