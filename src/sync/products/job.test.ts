import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachDialect } from '../../store/test-stores.ts';
import { imonggoProducts, openWorld, type World } from '../../../test/support/world.ts';
import { runJob } from '../runner.ts';
import { postProductsJob } from './job.ts';

interface StoreProductState {
  id: number;
  sku: string;
  name: string;
  is_visible: boolean;
  inventory_level: number;
  price: number;
}

function storeProducts(world: World): StoreProductState[] {
  const state = world.bigcommerce.getState() as { stores: { products: StoreProductState[] }[] };
  return state.stores[0]?.products ?? [];
}

function writes(world: World): number {
  return world.bigcommerce.requests.list().filter((r) => r.method !== 'GET').length;
}

describeEachDialect('post products job', (dialect) => {
  let world: World;

  before(async () => {
    const { products, inventories } = imonggoProducts(120);
    inventories[2]!.quantity = 0;
    products[4]!.status = 'D';
    world = await openWorld(dialect, { imonggo: { products, inventories } });
  });
  after(() => world.close());

  it('previews without writing anything', async () => {
    const report = await runJob(await world.context(), postProductsJob(), { dryRun: true });

    assert.equal(report.counts.actions.create, 118);
    assert.equal(report.counts.actions.skip, 2);
    assert.equal(writes(world), 0);
    assert.equal(storeProducts(world).length, 0);
  });

  it('posts every product in stock once, visible, with its SKU, price and stock', async () => {
    const report = await runJob(await world.context(), postProductsJob());

    assert.equal(report.status, 'succeeded');
    assert.equal(report.counts.outcomes.done, 118);
    const posted = storeProducts(world);
    assert.equal(posted.length, 118);
    assert.equal(new Set(posted.map((p) => p.sku)).size, 118);
    const first = posted.find((p) => p.sku === 'SKU-00001');
    assert.deepEqual(
      first && { visible: first.is_visible, stock: first.inventory_level, price: first.price },
      { visible: true, stock: 10, price: 10.25 },
    );
  });

  it('writes nothing on a second run when nothing changed, not even its cursors', async () => {
    world.bigcommerce.requests.clear();
    const cursors = () =>
      world.store.db.selectFrom('cursors').selectAll().orderBy('name').execute();
    const before = await cursors();

    const report = await runJob(await world.context(), postProductsJob());

    assert.equal(report.counts.outcomes.done, 0);
    assert.equal(writes(world), 0);
    assert.deepEqual(
      before.map((cursor) => cursor.name),
      ['products', 'stock', 'stock-branch'],
    );
    assert.deepEqual(await cursors(), before);
  });

  it('hides a product whose stock fell to 0, updates a changed one, shows one back in stock', async () => {
    const state = world.imonggo.getState() as unknown as {
      accounts: {
        products: { id: number; retail_price: number; utc_updated_at: string }[];
        inventories: { product_id: number; quantity: number; utc_updated_at: string }[];
      }[];
    };
    const account = state.accounts[0]!;
    const later = new Date(Date.UTC(2026, 5, 1)).toISOString();
    const stock = (id: number) => account.inventories.find((row) => row.product_id === id)!;
    stock(1).quantity = 0;
    stock(1).utc_updated_at = later;
    account.products.find((p) => p.id === 2)!.retail_price = 99.5;
    account.products.find((p) => p.id === 2)!.utc_updated_at = later;
    stock(3).quantity = 7;
    stock(3).utc_updated_at = later;
    world.imonggo.setState(state);

    const report = await runJob(await world.context(), postProductsJob());

    const byKey = new Map(report.items.map((item) => [item.key, item]));
    assert.equal(byKey.get('SKU-00001')?.action, 'hide');
    assert.equal(byKey.get('SKU-00002')?.action, 'update');
    assert.equal(byKey.get('SKU-00003')?.action, 'create');
    // Besides the three, only the overlap at the cursor (the newest product) is read again.
    assert.ok(report.items.length <= 4, 'only changed products are read');
    assert.equal(report.items.filter((item) => item.action !== 'skip').length, 3);
    const posted = new Map(storeProducts(world).map((p) => [p.sku, p]));
    assert.equal(posted.get('SKU-00001')?.is_visible, false);
    assert.equal(posted.get('SKU-00002')?.price, 99.5);
    assert.equal(posted.get('SKU-00003')?.inventory_level, 7);
  });

  it('plans a long incremental read in parts and leaves nothing for a full pass to do', async () => {
    const state = world.imonggo.getState() as unknown as {
      accounts: {
        products: ReturnType<typeof imonggoProducts>['products'];
        inventories: ReturnType<typeof imonggoProducts>['inventories'];
      }[];
    };
    const account = state.accounts[0]!;
    const later = new Date(Date.UTC(2026, 6, 1)).toISOString();
    for (const product of account.products) {
      if (product.id % 2 === 0) Object.assign(product, { retail_price: 42, utc_updated_at: later });
    }
    for (const row of account.inventories) {
      if (row.product_id % 3 === 0) Object.assign(row, { quantity: 3, utc_updated_at: later });
      if (row.product_id % 5 === 0) Object.assign(row, { quantity: 0, utc_updated_at: later });
    }
    // New products, with stock rows stamped as the changes: created at the end of the run.
    const added = imonggoProducts(6, 121);
    added.products.forEach((product) => (product.utc_updated_at = later));
    added.inventories.forEach((row) => (row.utc_updated_at = later));
    account.products.push(...added.products);
    account.inventories.push(...added.inventories);
    world.imonggo.setState(state);

    const incremental = await runJob(await world.context(), postProductsJob());

    assert.equal(incremental.status, 'succeeded');
    assert.equal(incremental.counts.actions.create, 6);
    // 88 of the 120 changed on one side or the other, and 6 are new: more than a page of each
    // list. Products changed on neither side are not read (one may come with the overlap).
    assert.ok(incremental.items.length >= 94, `${incremental.items.length} items`);
    assert.ok(incremental.items.length <= 95, `${incremental.items.length} items`);
    assert.equal(new Set(incremental.items.map((item) => item.key)).size, incremental.items.length);
    const posted = new Map(storeProducts(world).map((p) => [p.sku, p]));
    assert.equal(posted.get('SKU-00006')?.price, 42);
    assert.equal(posted.get('SKU-00006')?.inventory_level, 3);
    assert.equal(posted.get('SKU-00010')?.is_visible, false);
    assert.equal(posted.get('SKU-00126')?.is_visible, true);

    world.bigcommerce.requests.clear();
    const full = await runJob(await world.context(), postProductsJob(), { full: true });

    assert.equal(full.counts.outcomes.done, 0, JSON.stringify(full.counts));
    assert.equal(writes(world), 0);
  });
});
