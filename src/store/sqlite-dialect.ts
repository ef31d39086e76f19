import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, DialectAdapter, Driver, SqliteDialectConfig } from 'kysely';

/**
 * Kysely's SQLite dialect with two changes that matter when several processes share one file
 * (two CLI runs started at once, the web app beside a CLI run):
 *
 * - Transactions begin IMMEDIATE. A plain BEGIN takes the write lock only at the first write; in
 *   WAL mode, if another process committed since this transaction's first read, that upgrade fails
 *   at once with SQLITE_BUSY and the busy timeout is never consulted. BEGIN IMMEDIATE waits for
 *   the write lock up front, within the busy timeout.
 * - Migrations run in a transaction. Kysely's SQLite adapter says DDL is not transactional, so two
 *   processes opening a fresh file both ran 0001_initial and the second failed on "table already
 *   exists" (and a crash mid-migration could leave half a schema). SQLite does roll DDL back, so
 *   each process now reads the migration table inside its own write transaction and the second
 *   finds the work done.
 */
export class ConcurrentSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
