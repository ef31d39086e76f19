import type { Logger } from 'pino';
import { BigCommerceClient } from '../bigcommerce/client.ts';
import type { GateRegistry } from '../http/account-gate.ts';
import { systemClock, type Clock } from '../http/clock.ts';
import { ImonggoClient } from '../imonggo/client.ts';
import {
  ConnectionRepository,
  storeKey,
  type ConnectionCredentials,
} from '../store/connections.ts';
import { CursorRepository } from '../store/cursors.ts';
import type { Store } from '../store/database.ts';
import { LinkRepository } from '../store/links.ts';
import { RunRepository } from '../store/runs.ts';
import type { SecretBox } from '../store/secrets.ts';
import { StockLevelRepository } from '../store/stock-levels.ts';
import type { SyncContext } from './context.ts';
import { readSettings } from './settings.ts';

/** How the clients reach the two services; tests and the demo point them at the emulators. */
export interface RemoteOptions {
  imonggoBaseUrl?: string | undefined;
  bigcommerceBaseUrl?: string | undefined;
  imonggoFetch?: typeof fetch | undefined;
  bigcommerceFetch?: typeof fetch | undefined;
  gates?: GateRegistry | undefined;
  timeoutMs?: number | undefined;
  retries?: number | undefined;
  backoffMs?: number | undefined;
  concurrency?: number | undefined;
}

export interface ConnectOptions extends RemoteOptions {
  store: Store;
  box: SecretBox;
  credentials: ConnectionCredentials;
  logger: Logger;
  clock?: Clock | undefined;
}

export function imonggoClientFor(
  credentials: ConnectionCredentials['imonggo'],
  remote: RemoteOptions,
  logger: Logger,
  clock: Clock,
): ImonggoClient {
  return new ImonggoClient({
    accountId: credentials.accountId,
    apiToken: credentials.apiToken,
    baseUrl: remote.imonggoBaseUrl,
    fetch: remote.imonggoFetch,
    logger,
    clock,
    gates: remote.gates,
    concurrency: remote.concurrency,
    timeoutMs: remote.timeoutMs,
    retries: remote.retries,
    backoffMs: remote.backoffMs,
  });
}

export function bigcommerceClientFor(
  credentials: ConnectionCredentials['bigcommerce'],
  remote: RemoteOptions,
  logger: Logger,
  clock: Clock,
): BigCommerceClient {
  return new BigCommerceClient({
    credentials,
    baseUrl: remote.bigcommerceBaseUrl,
    fetch: remote.bigcommerceFetch,
    logger,
    clock,
    gates: remote.gates,
    concurrency: remote.concurrency,
    timeoutMs: remote.timeoutMs,
    retries: remote.retries,
    backoffMs: remote.backoffMs,
  });
}

/**
 * Saves (or renews) the merchant's connection and builds everything a job needs for it. The
 * credentials are stored sealed; the clients get them in memory only.
 */
export async function connect(options: ConnectOptions): Promise<SyncContext> {
  const clock = options.clock ?? systemClock;
  const now = () => new Date(clock.now()).toISOString();
  const connections = new ConnectionRepository(options.store.db, options.box, now);
  const connection = await connections.upsert(options.credentials);
  const logger = options.logger.child({ connection: connection.id });

  return {
    connectionId: connection.id,
    storeKey: storeKey(options.credentials.bigcommerce),
    imonggo: imonggoClientFor(options.credentials.imonggo, options, logger, clock),
    bigcommerce: bigcommerceClientFor(options.credentials.bigcommerce, options, logger, clock),
    links: new LinkRepository(options.store.db, connection.id, now),
    cursors: new CursorRepository(options.store.db, connection.id),
    runs: new RunRepository(options.store.db, { now: () => new Date(clock.now()) }),
    stockLevels: new StockLevelRepository(options.store.db, connection.id),
    settings: readSettings(connection.settings),
    logger,
    clock,
  };
}
