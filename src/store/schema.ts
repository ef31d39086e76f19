import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The tables of BIN. Timestamps are ISO-8601 text and booleans 0/1 integers, so one set of
 * migrations and queries serves SQLite and PostgreSQL alike.
 */
export interface DatabaseSchema {
  connections: ConnectionTable;
  links: LinkTable;
  runs: RunTable;
  run_items: RunItemTable;
  cursors: CursorTable;
  stock_levels: StockLevelTable;
}

/** One merchant: an Imonggo account and a BigCommerce store kept in step. */
export interface ConnectionTable {
  id: string;
  imonggo_account_id: string;
  /** The store hash (current API account) or the store domain (legacy account). */
  bigcommerce_store: string;
  bigcommerce_kind: 'legacy' | 'oauth';
  /** AES-256-GCM sealed JSON of the API credentials; never the Imonggo password. */
  credentials: string;
  /** JSON of the merchant's settings (paid statuses, category, branch, payment type, shipping). */
  settings: string;
  created_at: string;
  updated_at: string;
}

export type LinkEntity = 'product' | 'customer' | 'invoice';

/**
 * One record known on both sides. A link is written as `pending` before the remote create that
 * it records, so a run killed between the create and its bookkeeping finds the pending link and
 * looks the record up by its natural key instead of creating it again.
 */
export interface LinkTable {
  id: Generated<number>;
  connection_id: string;
  entity: LinkEntity;
  /** SKU for products, lower-cased email for customers, invoice reference for orders. */
  natural_key: string;
  imonggo_id: string | null;
  bigcommerce_id: string | null;
  state: 'pending' | 'linked';
  /** Hash of the values last written to the other side; unchanged hash means nothing to push. */
  pushed_hash: string | null;
  /** Products: the name posted, which differs from Imonggo's when it had to be made unique. */
  pushed_name: string | null;
  /** Products: whether BIN last left the product visible on the store (1) or hidden (0). */
  visible: number | null;
  created_at: string;
  updated_at: string;
}

export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'abandoned';

export interface RunTable {
  id: string;
  connection_id: string;
  job: string;
  status: RunStatus;
  dry_run: number;
  /** JSON of the job's options (tags, full pass). */
  options: string;
  /** JSON of counts per action and outcome, written at the end. */
  counts: string | null;
  error: string | null;
  started_at: string;
  /** Renewed while the run works; a running run whose heartbeat is stale was killed. */
  heartbeat_at: string;
  /** `host:pid` of the process doing the run, to tell at once that a local run was killed. */
  owner: string;
  finished_at: string | null;
}

export type ItemOutcome = 'planned' | 'done' | 'failed' | 'skipped';

export interface RunItemTable {
  id: Generated<number>;
  run_id: string;
  seq: number;
  entity: LinkEntity;
  natural_key: string;
  label: string;
  imonggo_id: string | null;
  bigcommerce_id: string | null;
  action: string;
  reason: string;
  outcome: ItemOutcome;
  error: string | null;
  started_at: string | null;
  finished_at: string | null;
}

export interface CursorTable {
  connection_id: string;
  name: string;
  value: string;
  updated_at: string;
}

/**
 * The Imonggo quantity BIN last read for each product. An incremental read sees a product that
 * changed without its stock changing; this is where its quantity comes from then.
 */
export interface StockLevelTable {
  connection_id: string;
  product_id: string;
  quantity: number;
  updated_at: string;
}

export type Connection = Selectable<ConnectionTable>;
export type NewConnection = Insertable<ConnectionTable>;
export type Link = Selectable<LinkTable>;
export type NewLink = Insertable<LinkTable>;
export type LinkUpdate = Updateable<LinkTable>;
export type Run = Selectable<RunTable>;
export type RunItem = Selectable<RunItemTable>;
export type NewRunItem = Insertable<RunItemTable>;
