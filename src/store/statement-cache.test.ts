import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { withStatementCache } from './statement-cache.ts';

describe('withStatementCache', () => {
  it('prepares a statement once and reuses it while it is free', () => {
    const database = new Database(':memory:');
    const cached = withStatementCache(database);

    const first = cached.prepare('select 1 as one');
    const again = cached.prepare('select 1 as one');

    assert.equal(again, first);
    assert.deepEqual(again.all([]), [{ one: 1 }]);
    database.close();
  });

  it('gives a fresh statement while the kept one is still being iterated', () => {
    const database = new Database(':memory:');
    database.exec('create table t (n integer); insert into t values (1), (2), (3)');
    const cached = withStatementCache(database);
    const sql = 'select n from t order by n';

    const rows = cached.prepare(sql).iterate([]);
    assert.deepEqual(rows.next().value, { n: 1 });
    const meanwhile = cached.prepare(sql);

    assert.deepEqual(meanwhile.all([]), [{ n: 1 }, { n: 2 }, { n: 3 }]);
    assert.deepEqual([...rows], [{ n: 2 }, { n: 3 }]);
    database.close();
  });

  it('drops the least recently used statement when full', () => {
    const database = new Database(':memory:');
    const cached = withStatementCache(database, 2);

    const one = cached.prepare('select 1');
    const two = cached.prepare('select 2');
    assert.equal(cached.prepare('select 1'), one);
    cached.prepare('select 3');

    assert.equal(cached.prepare('select 1'), one);
    assert.notEqual(cached.prepare('select 2'), two);
    database.close();
  });
});
