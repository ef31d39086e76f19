import {
  SqliteAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
} from 'kysely';

/** An integer key the database numbers itself: identity on PostgreSQL, rowid on SQLite. */
function generatedId(db: Kysely<unknown>) {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return (column: ColumnDefinitionBuilder) =>
    sqlite
      ? column.primaryKey().autoIncrement()
      : column.primaryKey().generatedByDefaultAsIdentity();
}

/**
 * Every migration, in order. They live in code rather than in a folder so that the bundled CLI and
 * the tests find them without a file-system lookup; names sort in the order they must run.
 */
const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('connections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('imonggo_account_id', 'text', (c) => c.notNull())
        .addColumn('bigcommerce_store', 'text', (c) => c.notNull())
        .addColumn('bigcommerce_kind', 'text', (c) => c.notNull())
        .addColumn('credentials', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('connections_account_store', [
          'imonggo_account_id',
          'bigcommerce_store',
        ])
        .execute();

      await db.schema
        .createTable('links')
        .addColumn('id', 'integer', generatedId(db))
        .addColumn('connection_id', 'text', (c) =>
          c.notNull().references('connections.id').onDelete('cascade'),
        )
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('natural_key', 'text', (c) => c.notNull())
        .addColumn('imonggo_id', 'text')
        .addColumn('bigcommerce_id', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('pushed_hash', 'text')
        .addColumn('pushed_name', 'text')
        .addColumn('visible', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('links_natural_key', ['connection_id', 'entity', 'natural_key'])
        .execute();
      await db.schema
        .createIndex('links_imonggo_id')
        .on('links')
        .columns(['connection_id', 'entity', 'imonggo_id'])
        .execute();
      await db.schema
        .createIndex('links_bigcommerce_id')
        .on('links')
        .columns(['connection_id', 'entity', 'bigcommerce_id'])
        .execute();

      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('connection_id', 'text', (c) =>
          c.notNull().references('connections.id').onDelete('cascade'),
        )
        .addColumn('job', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('dry_run', 'integer', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('counts', 'text')
        .addColumn('error', 'text')
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('heartbeat_at', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      // At most one writing run per connection: the database, not a process, holds the lock, so
      // several workers or a second CLI cannot both write for the same merchant.
      await db.schema
        .createIndex('runs_one_running_per_connection')
        .on('runs')
        .column('connection_id')
        .unique()
        .where(sql.ref('status'), '=', 'running')
        .where(sql.ref('dry_run'), '=', 0)
        .execute();
      await db.schema
        .createIndex('runs_by_connection')
        .on('runs')
        .columns(['connection_id', 'started_at'])
        .execute();

      await db.schema
        .createTable('run_items')
        .addColumn('id', 'integer', generatedId(db))
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('natural_key', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('imonggo_id', 'text')
        .addColumn('bigcommerce_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('run_items_by_run')
        .on('run_items')
        .columns(['run_id', 'seq'])
        .execute();

      await db.schema
        .createTable('cursors')
        .addColumn('connection_id', 'text', (c) =>
          c.notNull().references('connections.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cursors_pk', ['connection_id', 'name'])
        .execute();

      await db.schema
        .createTable('stock_levels')
        .addColumn('connection_id', 'text', (c) =>
          c.notNull().references('connections.id').onDelete('cascade'),
        )
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('quantity', 'double precision', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('stock_levels_pk', ['connection_id', 'product_id'])
        .execute();
    },
  },
  '0002_web': {
    async up(db: Kysely<unknown>) {
      // Only a SHA-256 of the session token is kept, so a copy of the database opens no session.
      await db.schema
        .createTable('web_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('connection_id', 'text', (c) =>
          c.notNull().references('connections.id').onDelete('cascade'),
        )
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('web_sessions_by_expiry')
        .on('web_sessions')
        .column('expires_at')
        .execute();

      // Failed logins live in the database so that every process serving BIN throttles alike.
      await db.schema
        .createTable('login_failures')
        .addColumn('id', 'integer', generatedId(db))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('failed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_failures_by_subject')
        .on('login_failures')
        .columns(['subject', 'failed_at'])
        .execute();
    },
  },
  '0003_pending_links': {
    async up(db: Kysely<unknown>) {
      // Every run starts by looking for the links a killed run left pending. They are a handful
      // at most, but without an index that look read every link of the connection (10 ms at
      // 20,000 products, as much as a whole run with nothing to do).
      await db.schema
        .createIndex('links_pending')
        .on('links')
        .columns(['connection_id', 'entity'])
        .where(sql.ref('state'), '=', 'pending')
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
