import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { sql } from 'kysely';
import { openStore } from './database.ts';
import { runProcessesAtOnce } from './test-processes.ts';

const databaseModule = new URL('./database.ts', import.meta.url).pathname;

// Each process opens the same fresh file and prints how many `links` tables it sees, so a failed
// migration shows as a non-zero exit with its message on stderr.
const openAndCount = `
  const { openStore } = await import(${JSON.stringify(databaseModule)});
  const store = await openStore({ sqliteFile: process.env.FILE });
  const tables = await store.db.introspection.getTables();
  await store.close();
  process.stdout.write(String(tables.filter((table) => table.name === 'links').length));
`;

it('lets several processes open one fresh SQLite file at once, each finding every table', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'bin-migrate-')), 'bin.sqlite');

  const { outputs, failures } = await runProcessesAtOnce(8, openAndCount, { FILE: file });

  assert.deepEqual(failures, []);
  assert.deepEqual(outputs, Array<string>(8).fill('1'));
  const store = await openStore({ sqliteFile: file });
  const migrations = await store.db
    .selectFrom('kysely_migration' as never)
    .select('name' as never)
    .execute();
  await store.close();
  const names = migrations.map((row) => String(row['name']));
  assert.equal(names.length, new Set(names).size, 'a migration was recorded twice');
});

it('waits for a process writing in the old journal mode before switching the file to WAL', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'bin-wal-')), 'bin.sqlite');
  const other = new Database(file);
  other.exec('create table note (text)');
  other.exec('begin immediate');
  other.exec("insert into note values ('written before BIN opened the file')");
  // SQLite fails the switch at once while this write is open, without its busy timeout, so only a
  // wait off the event loop lets the commit below happen before BIN gives up.
  const committed = new Promise<void>((resolve) =>
    setTimeout(() => {
      other.exec('commit');
      resolve();
    }, 200),
  );

  const store = await openStore({ sqliteFile: file });
  await committed;
  const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
  const notes = await sql<{ text: string }>`select text from note`.execute(store.db);
  await store.close();
  other.close();

  assert.deepEqual(mode.rows, [{ journal_mode: 'wal' }]);
  assert.deepEqual(notes.rows, [{ text: 'written before BIN opened the file' }]);
});
