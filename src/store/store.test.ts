import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { ConnectionRepository, type ConnectionCredentials } from './connections.ts';
import { CursorRepository } from './cursors.ts';
import type { Store } from './database.ts';
import { LinkRepository } from './links.ts';
import { RunInProgressError, RunRepository } from './runs.ts';
import { SecretBox } from './secrets.ts';
import { describeEachDialect, openTestStore } from './test-stores.ts';

const credentials: ConnectionCredentials = {
  imonggo: { accountId: 'acme', apiToken: 'imonggo-token-1' },
  bigcommerce: { kind: 'oauth', storeHash: 'abc123', accessToken: 'bc-token-1' },
};

describeEachDialect('store', (dialect) => {
  let store: Store;
  let connections: ConnectionRepository;
  const now = () => new Date().toISOString();

  before(async () => {
    store = await openTestStore(dialect);
    connections = new ConnectionRepository(store.db, new SecretBox(randomBytes(32)), now);
  });
  after(() => store.close());

  it('keeps one connection per account and store, with credentials sealed at rest', async () => {
    const first = await connections.upsert(credentials);
    const renewed = await connections.upsert({
      ...credentials,
      imonggo: { accountId: 'acme', apiToken: 'imonggo-token-2' },
    });
    const raw = await store.db.selectFrom('connections').selectAll().execute();

    assert.equal(renewed.id, first.id);
    assert.equal(raw.length, 1);
    assert.doesNotMatch(raw[0]?.credentials ?? '', /token/);
    assert.equal(
      (await connections.get(first.id))?.credentials.imonggo.apiToken,
      'imonggo-token-2',
    );
  });

  it('gives concurrent first logins of one merchant the same connection', async () => {
    const other = { ...credentials, imonggo: { accountId: 'race', apiToken: 't' } };

    const ids = await Promise.all([1, 2, 3, 4].map(() => connections.upsert(other)));

    assert.equal(new Set(ids.map((c) => c.id)).size, 1);
  });

  it('records a pending link once, then settles it', async () => {
    const { id } = await connections.upsert(credentials);
    const links = new LinkRepository(store.db, id, now);

    assert.equal(await links.markPending('product', 'TEA-01', { imonggo_id: '5' }), true);
    assert.equal(await links.markPending('product', 'TEA-01', { imonggo_id: '5' }), false);
    assert.equal((await links.listPending('product')).length, 1);

    await links.settle('product', 'TEA-01', {
      bigcommerce_id: '77',
      pushed_hash: 'h1',
      visible: 1,
    });

    const link = await links.find('product', 'TEA-01');
    assert.equal(link?.state, 'linked');
    assert.equal(link?.imonggo_id, '5');
    assert.equal(link?.bigcommerce_id, '77');
    assert.equal((await links.listPending('product')).length, 0);
  });

  it('settles many links at once, changing only the values each one is given', async () => {
    const { id } = await connections.upsert(credentials);
    const links = new LinkRepository(store.db, id, now);
    await links.markPending('product', 'A', { imonggo_id: '1', pushed_name: 'Old A' });
    await links.settle('product', 'B', { imonggo_id: '2', bigcommerce_id: '20', visible: 1 });
    const many = Array.from({ length: 120 }, (_, index) => ({
      naturalKey: `M-${index}`,
      values: { imonggo_id: String(100 + index), bigcommerce_id: String(900 + index) },
    }));

    await links.settleAll('product', [
      { naturalKey: 'A', values: { bigcommerce_id: '10', pushed_hash: 'ha' } },
      { naturalKey: 'B', values: { pushed_hash: 'hb', visible: 0 } },
      ...many,
    ]);

    const a = await links.find('product', 'A');
    const b = await links.find('product', 'B');
    assert.deepEqual(
      [a?.state, a?.imonggo_id, a?.bigcommerce_id, a?.pushed_hash, a?.pushed_name],
      ['linked', '1', '10', 'ha', 'Old A'],
    );
    assert.deepEqual(
      [b?.imonggo_id, b?.bigcommerce_id, b?.pushed_hash, b?.visible],
      ['2', '20', 'hb', 0],
    );
    assert.equal((await links.find('product', 'M-119'))?.bigcommerce_id, '1019');
    const settled = await links.list('product');
    assert.equal(settled.filter((link) => link.natural_key.startsWith('M-')).length, 120);
  });

  it('lists the id pairs of the links that have both ids, in the order they were made', async () => {
    const { id } = await connections.upsert({
      ...credentials,
      bigcommerce: { kind: 'oauth', storeHash: 'pairs1', accessToken: 'bc-token-1' },
    });
    const links = new LinkRepository(store.db, id, now);
    await links.settle('product', 'B', { imonggo_id: '2', bigcommerce_id: '20' });
    await links.markPending('product', 'P', { imonggo_id: '3' });
    await links.settle('product', 'A', { imonggo_id: '1', bigcommerce_id: '10' });
    await links.settle('customer', 'c@example.com', { imonggo_id: '9', bigcommerce_id: '90' });

    assert.deepEqual(await links.listIds('product'), [
      { imonggo_id: '2', bigcommerce_id: '20' },
      { imonggo_id: '1', bigcommerce_id: '10' },
    ]);
  });

  it('keeps cursors per connection', async () => {
    const { id } = await connections.upsert(credentials);
    const cursors = new CursorRepository(store.db, id);

    await cursors.set('products', '2026-01-01T00:00:00Z', now());
    await cursors.set('products', '2026-02-01T00:00:00Z', now());

    assert.equal(await cursors.get('products'), '2026-02-01T00:00:00Z');
    assert.equal(await cursors.get('customers'), undefined);
  });

  it('reads and writes several cursors at once, each connection its own', async () => {
    const { id } = await connections.upsert(credentials);
    const other = await connections.upsert({
      ...credentials,
      bigcommerce: { kind: 'oauth', storeHash: 'other9', accessToken: 'bc-token-9' },
    });
    const cursors = new CursorRepository(store.db, id);
    const otherCursors = new CursorRepository(store.db, other.id);
    await cursors.set('stock', '2026-01-01T00:00:00Z', now());
    await otherCursors.set('branch', '99', now());

    await cursors.setMany(
      new Map([
        ['stock', '2026-03-01T00:00:00Z'],
        ['branch', '85'],
      ]),
      now(),
    );
    await cursors.setMany(new Map(), now());

    assert.deepEqual(
      await cursors.getMany(['stock', 'branch', 'none']),
      new Map([
        ['stock', '2026-03-01T00:00:00Z'],
        ['branch', '85'],
      ]),
    );
    assert.deepEqual(await otherCursors.getMany(['stock', 'branch']), new Map([['branch', '99']]));
    assert.deepEqual(await cursors.getMany([]), new Map());
  });

  it('allows one writing run per connection, and takes over from a killed one', async () => {
    const { id } = await connections.upsert(credentials);
    let alive = true;
    const runs = new RunRepository(store.db, { now: () => new Date(), isAlive: () => alive });

    const first = await runs.start({
      connectionId: id,
      job: 'products',
      dryRun: false,
      options: {},
    });
    const preview = await runs.start({
      connectionId: id,
      job: 'products',
      dryRun: true,
      options: {},
    });
    await assert.rejects(
      runs.start({ connectionId: id, job: 'customers', dryRun: false, options: {} }),
      RunInProgressError,
    );

    await store.db
      .updateTable('runs')
      .set({ owner: 'elsewhere:1' })
      .where('id', '=', first.id)
      .execute();
    await assert.rejects(
      runs.start({ connectionId: id, job: 'customers', dryRun: false, options: {} }),
      RunInProgressError,
    );

    alive = false;
    await store.db
      .updateTable('runs')
      .set({ owner: `${(await import('node:os')).hostname()}:999999` })
      .where('id', '=', first.id)
      .execute();
    const second = await runs.start({
      connectionId: id,
      job: 'customers',
      dryRun: false,
      options: {},
    });

    assert.equal((await runs.get(first.id))?.status, 'abandoned');
    assert.equal((await runs.get(second.id))?.status, 'running');
    assert.equal((await runs.get(preview.id))?.dry_run, 1);
  });

  it('lets only one of several simultaneous starts win the lock', async () => {
    const { id } = await connections.upsert({
      ...credentials,
      imonggo: { accountId: 'lock', apiToken: 't' },
    });
    const runs = new RunRepository(store.db, { now: () => new Date() });

    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map(() =>
        runs.start({ connectionId: id, job: 'p', dryRun: false, options: {} }),
      ),
    );

    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  });
});
