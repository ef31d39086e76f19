import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import pg from 'pg';
import { openStore, type DialectName, type Store } from './database.ts';

/** The PostgreSQL server the tests use; this machine and CI run one at this address. */
export const testDatabaseUrl =
  process.env.BIN_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Dialects the suite runs over, `sqlite,postgres` unless BIN_TEST_DIALECTS narrows it. There is no
 * silent skip: when PostgreSQL is listed and cannot be reached, its tests fail and say so.
 */
export const testDialects: DialectName[] = (process.env.BIN_TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is DialectName => name === 'sqlite' || name === 'postgres');

/** Opens an empty store of one dialect; PostgreSQL gets a schema of its own, dropped on close. */
export async function openTestStore(dialect: DialectName): Promise<Store> {
  if (dialect === 'sqlite') return openStore({ sqliteFile: ':memory:' });

  const schema = `bin_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  try {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${testDatabaseUrl}: start it, or set BIN_TEST_DIALECTS=sqlite`,
      { cause: error },
    );
  } finally {
    await admin.end().catch(() => undefined);
  }

  const store = await openStore({ databaseUrl: testDatabaseUrl, postgresSchema: schema });
  return {
    ...store,
    close: async () => {
      await store.close();
      const cleanup = new pg.Client({ connectionString: testDatabaseUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/** Runs one test body once per dialect, like kysely's own suites. */
export function describeEachDialect(name: string, body: (dialect: DialectName) => void): void {
  for (const dialect of testDialects) {
    void describe(`${name} [${dialect}]`, () => body(dialect));
  }
}
