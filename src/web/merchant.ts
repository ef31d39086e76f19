import type { Logger } from 'pino';
import { systemClock, type Clock } from '../http/clock.ts';
import { ConnectionRepository, storeKey, type ConnectionRecord } from '../store/connections.ts';
import { CursorRepository } from '../store/cursors.ts';
import type { Store } from '../store/database.ts';
import { LinkRepository } from '../store/links.ts';
import { RunRepository } from '../store/runs.ts';
import type { SecretBox } from '../store/secrets.ts';
import { StockLevelRepository } from '../store/stock-levels.ts';
import { bigcommerceClientFor, imonggoClientFor, type RemoteOptions } from '../sync/connect.ts';
import type { SyncContext } from '../sync/context.ts';
import { readSettings } from '../sync/settings.ts';

export interface MerchantDeps {
  store: Store;
  box: SecretBox;
  remote: RemoteOptions;
  logger: Logger;
  clock?: Clock | undefined;
}

export function connectionsOf(deps: MerchantDeps): ConnectionRepository {
  const clock = deps.clock ?? systemClock;
  return new ConnectionRepository(deps.store.db, deps.box, () =>
    new Date(clock.now()).toISOString(),
  );
}

export function runsOf(deps: MerchantDeps): RunRepository {
  const clock = deps.clock ?? systemClock;
  return new RunRepository(deps.store.db, { now: () => new Date(clock.now()) });
}

/**
 * The job context of a signed-in merchant, from the stored connection. Unlike `connect` it does
 * not store the credentials again: they were saved at login.
 */
export function contextFor(deps: MerchantDeps, connection: ConnectionRecord): SyncContext {
  const clock = deps.clock ?? systemClock;
  const now = () => new Date(clock.now()).toISOString();
  const logger = deps.logger.child({ connection: connection.id });
  const { credentials } = connection;

  return {
    connectionId: connection.id,
    storeKey: storeKey(credentials.bigcommerce),
    imonggo: imonggoClientFor(credentials.imonggo, deps.remote, logger, clock),
    bigcommerce: bigcommerceClientFor(credentials.bigcommerce, deps.remote, logger, clock),
    links: new LinkRepository(deps.store.db, connection.id, now),
    cursors: new CursorRepository(deps.store.db, connection.id),
    runs: runsOf(deps),
    stockLevels: new StockLevelRepository(deps.store.db, connection.id),
    settings: readSettings(connection.settings),
    logger,
    clock,
  };
}
