import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept; BIN issues a few dozen shapes, plus IN lists of varying length. */
const defaultSize = 200;

/**
 * The SQLite database as Kysely sees it, with prepared statements kept by their SQL. Kysely
 * prepares every query anew, and preparing took about a tenth of a small run's CPU (a product
 * batch settles its links, outcomes and run items in a handful of statements, each prepared each
 * time). A statement still being iterated is busy and cannot be reused; a fresh one is prepared
 * for that call instead.
 */
export function withStatementCache(database: Database, size = defaultSize): SqliteDatabase {
  const kept = new Map<string, Statement>();

  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const statement = kept.get(sql);
      if (statement && !statement.busy) {
        // Map order is insertion order: moving a used statement to the end keeps the oldest
        // unused one first, to be dropped when the cache is full.
        kept.delete(sql);
        kept.set(sql, statement);
        return statement;
      }

      const fresh = database.prepare(sql);
      if (statement) return fresh;
      kept.set(sql, fresh);
      if (kept.size > size) {
        const oldest = kept.keys().next().value;
        if (oldest !== undefined) kept.delete(oldest);
      }
      return fresh;
    },
  };
}
