import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { migrationProvider } from './migrations.ts';
import type { DatabaseSchema } from './schema.ts';
import { ConcurrentSqliteDialect } from './sqlite-dialect.ts';
import { withStatementCache } from './statement-cache.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<DatabaseSchema>;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** A `postgres://` URL; without one BIN uses the embedded SQLite file. */
  databaseUrl?: string | undefined;
  /** SQLite file, `:memory:` for tests. Default `./data/bin.sqlite`. */
  sqliteFile?: string | undefined;
  /** PostgreSQL schema to work in (tests give each run its own). */
  postgresSchema?: string | undefined;
}

export const defaultSqliteFile = 'data/bin.sqlite';

const busyTimeoutMs = 5000;

/** Opens the database BIN was configured for and brings its tables up to date. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const store = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.postgresSchema)
    : await openSqlite(options.sqliteFile ?? defaultSqliteFile);

  try {
    await migrate(store.db, options.databaseUrl ? options.postgresSchema : undefined);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

async function openSqlite(file: string): Promise<Store> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });

  const database = new Database(file);
  // The busy timeout makes a second process wait for the write lock instead of failing at once;
  // WAL lets the web app read while a run writes.
  database.pragma(`busy_timeout = ${busyTimeoutMs}`);
  try {
    await switchToWal(database);
  } catch (error) {
    database.close();
    throw error;
  }
  database.pragma('foreign_keys = ON');

  const db = new Kysely<DatabaseSchema>({
    dialect: new ConcurrentSqliteDialect({ database: withStatementCache(database) }),
  });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Switching a fresh file to WAL reads its header, then asks for the exclusive lock to rewrite it.
 * SQLite does not consult the busy timeout for a lock wanted while a read is already held (that
 * could deadlock), so a process that meets another one mid-switch or mid-write in the old journal
 * mode fails at once with SQLITE_BUSY; one of eight processes opening a new file together did in
 * CI. Waiting between tries here, off the event loop, lets the other process finish; after its
 * switch the header already says WAL and the pragma needs no lock.
 */
async function switchToWal(database: Database.Database): Promise<void> {
  const deadline = Date.now() + busyTimeoutMs;

  for (;;) {
    try {
      database.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY';
      if (!busy || Date.now() >= deadline) throw error;
    }

    await delay(20 + Math.random() * 30);
  }
}

function openPostgres(url: string, schema: string | undefined): Store {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error('DATABASE_URL must be a postgres:// URL');
  }

  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

async function migrate(db: Kysely<DatabaseSchema>, schema: string | undefined): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one; naming it keeps
  // databases that hold several BIN schemas (the test suite's) from seeing each other's tables.
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed`, { cause: error });
  }
}
