import assert from 'node:assert/strict';
import { it } from 'node:test';
import { imonggoProducts, openWorld, type World } from '../../../test/support/world.ts';
import { describeEachDialect } from '../../store/test-stores.ts';
import { runJob } from '../runner.ts';
import { postProductsJob } from './job.ts';

/** The rows of the user guide's table 3 and the product rules, end to end. */

interface StoreProduct {
  id: number;
  sku: string;
  name: string;
  is_visible: boolean;
}

function storeProducts(world: World): StoreProduct[] {
  const state = world.bigcommerce.getState() as { stores: { products: StoreProduct[] }[] };
  return state.stores[0]?.products ?? [];
}

function editImonggo(world: World, edit: (account: ImonggoAccount) => void): void {
  const state = world.imonggo.getState() as unknown as { accounts: ImonggoAccount[] };
  edit(state.accounts[0]!);
  world.imonggo.setState(state);
}

interface ImonggoAccount {
  products: { id: number; name: string; status: 'D' | null; utc_updated_at: string }[];
}

const later = '2026-06-01T00:00:00Z';

describeEachDialect('table 3, posting products', (dialect) => {
  for (const kind of ['oauth', 'legacy'] as const) {
    it(`an account without products posts nothing and says why (${kind})`, async () => {
      const world = await openWorld(dialect, { kind });
      try {
        const report = await runJob(await world.context(), postProductsJob());

        assert.equal(report.items.length, 0);
        assert.match(report.notes.join(' '), /nothing will be posted/);
        assert.equal(storeProducts(world).length, 0);
      } finally {
        await world.close();
      }
    });

    it(`a posted product deleted in Imonggo is hidden; a deleted one never posted stays off (${kind})`, async () => {
      const { products, inventories } = imonggoProducts(3);
      products[2]!.status = 'D';
      const world = await openWorld(dialect, { imonggo: { products, inventories }, kind });
      try {
        await runJob(await world.context(), postProductsJob());
        editImonggo(world, (account) => {
          account.products[0]!.status = 'D';
          account.products[0]!.utc_updated_at = later;
        });

        const report = await runJob(await world.context(), postProductsJob());

        const posted = new Map(storeProducts(world).map((p) => [p.sku, p]));
        assert.equal(posted.get('SKU-00001')?.is_visible, false);
        assert.equal(posted.has('SKU-00003'), false);
        assert.match(
          report.items.find((i) => i.key === 'SKU-00001')?.reason ?? '',
          /deleted in Imonggo; hidden/,
        );
      } finally {
        await world.close();
      }
    });

    it(`a product already on the store with the same SKU is linked, not duplicated (${kind})`, async () => {
      const { products, inventories } = imonggoProducts(2);
      const world = await openWorld(dialect, {
        imonggo: { products, inventories },
        bigcommerce: {
          categories: [{ id: 7, parent_id: 0, name: 'Shelf', is_visible: true }],
          products: [
            {
              id: 900,
              name: 'Old listing',
              type: 'physical',
              sku: 'sku-00002',
              price: 1,
              weight: 1,
              categories: [7],
              is_visible: false,
            },
          ],
        },
        kind,
      });
      try {
        const report = await runJob(await world.context(), postProductsJob());

        assert.equal(report.items.find((i) => i.key === 'SKU-00002')?.action, 'link');
        const posted = storeProducts(world);
        assert.equal(posted.length, 2);
        const linked = posted.find((p) => p.id === 900);
        assert.deepEqual(linked && [linked.name, linked.is_visible], ['Product 2', true]);
      } finally {
        await world.close();
      }
    });

    it(`two products of one name are both posted, one under a unique name (${kind})`, async () => {
      const { products, inventories } = imonggoProducts(2);
      products[1]!.name = products[0]!.name;
      const world = await openWorld(dialect, { imonggo: { products, inventories }, kind });
      try {
        const report = await runJob(await world.context(), postProductsJob());

        assert.deepEqual(
          storeProducts(world)
            .map((p) => p.name)
            .sort(),
          ['Product 1', 'Product 1 (SKU-00002)'],
        );
        assert.match(report.items[1]?.reason ?? '', /posted as "Product 1 \(SKU-00002\)"/);
      } finally {
        await world.close();
      }
    });

    it(`a value the store refuses fails that product with the store's reason; the run goes on (${kind})`, async () => {
      const { products, inventories } = imonggoProducts(3);
      products[1]!.name = 'N'.repeat(260);
      const world = await openWorld(dialect, { imonggo: { products, inventories }, kind });
      try {
        const report = await runJob(await world.context(), postProductsJob());

        const failed = report.items.find((i) => i.key === 'SKU-00002');
        assert.equal(report.status, 'partial');
        assert.equal(failed?.outcome, 'failed');
        assert.match(failed?.error ?? '', /BigCommerce refused it/);
        assert.match(failed?.error ?? '', /name/i);
        assert.equal(storeProducts(world).length, 2);
      } finally {
        await world.close();
      }
    });
  }
});
