import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createImonggoEmulator } from './index.ts';
import type { Account } from './records.ts';
import { stampedSince } from './stamp-index.ts';
import { call, json, smallAccount, testNow } from './test-helpers.ts';

type Row = Record<string, unknown>;

describe('imonggo emulator: changed-since lists found by stamp order', () => {
  it('finds the records stamped at or after the limit, whatever their id order', () => {
    const account = { account_id: 'order' } as Account;
    const records = [
      { id: 4, utc_updated_at: '2024-01-03T00:00:00Z' },
      { id: 1, utc_updated_at: '2024-01-05T00:00:00Z' },
      { id: 3, utc_updated_at: '2024-01-01T00:00:00Z' },
      { id: 2, utc_updated_at: '2024-01-03T00:00:00Z' },
    ];

    const ids = (since: string | undefined) =>
      stampedSince(account, records, since).map((record) => record.id);

    assert.deepEqual(ids('2024-01-03T00:00:00Z').sort(), [1, 2, 4]);
    assert.deepEqual(ids('2024-01-03T00:00:01Z'), [1]);
    assert.deepEqual(ids('2024-01-06T00:00:00Z'), []);
    assert.deepEqual(ids('2023-12-31T00:00:00Z').sort(), [1, 2, 3, 4]);
    assert.equal(stampedSince(account, records, undefined), records);
  });

  it('lists a stock row that a sale moved forward, after a read that ordered the old stamps', async () => {
    let now = testNow;
    const emulator = createImonggoEmulator({ now: () => now, random: () => 0 });
    const stockedEarlier = [
      { product_id: 1, quantity: 12, utc_updated_at: '2024-01-01T00:00:00Z' },
      { product_id: 2, quantity: 4, utc_updated_at: '2024-01-02T00:00:00Z' },
      { product_id: 3, quantity: 7, utc_updated_at: '2024-02-20T00:00:00Z' },
    ];
    emulator.setState({ accounts: [smallAccount({ inventories: stockedEarlier })] });
    const changedStock = async () =>
      json<Row[]>(
        (await call(emulator, 'GET', '/api/inventories.json?after=2024-02-10T00:00:00Z')).text,
      ).map((row) => [row.product_id, row.quantity]);
    assert.deepEqual(await changedStock(), [[3, 7]]);

    now += 60_000;
    const sale = await call(emulator, 'POST', '/api/invoices.json', {
      body: '{"invoice":{"reference":"R-1","invoice_lines":[{"product_id":1,"quantity":2}]}}',
      contentType: 'application/json',
    });

    assert.equal(sale.status, 201);
    assert.deepEqual(await changedStock(), [
      [1, 10],
      [3, 7],
    ]);
  });
});
