import type { Logger } from 'pino';
import type { BigCommerceClient } from '../bigcommerce/client.ts';
import type { Clock } from '../http/clock.ts';
import type { ImonggoClient } from '../imonggo/client.ts';
import type { CursorRepository } from '../store/cursors.ts';
import type { LinkRepository } from '../store/links.ts';
import type { RunRepository } from '../store/runs.ts';
import type { StockLevelRepository } from '../store/stock-levels.ts';
import type { Settings } from './settings.ts';

/** Everything a job needs for one connection. Built by the CLI or the web app, never global. */
export interface SyncContext {
  connectionId: string;
  /** The store hash or domain, part of invoice references so two stores never collide. */
  storeKey: string;
  imonggo: ImonggoClient;
  bigcommerce: BigCommerceClient;
  links: LinkRepository;
  cursors: CursorRepository;
  runs: RunRepository;
  stockLevels: StockLevelRepository;
  settings: Settings;
  logger: Logger;
  clock: Clock;
}
