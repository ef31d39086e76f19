import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runUntilClean } from '../../../test/support/run-until-clean.ts';
import {
  imonggoProducts,
  openWorld,
  storeProducts,
  type World,
} from '../../../test/support/world.ts';
import { describeEachDialect } from '../../store/test-stores.ts';
import { postProductsJob } from './job.ts';

function seed() {
  const { products, inventories } = imonggoProducts(60);
  for (const n of [3, 17, 40]) inventories[n]!.quantity = 0;
  products[9]!.status = 'D';
  products[21]!.name = products[20]!.name;
  return { imonggo: { products, inventories } };
}

function endState(world: World) {
  return storeProducts(world)
    .map((p) => `${p.sku}|${p.name}|${p.price}|${p.is_visible}|${p.inventory_level}`)
    .sort();
}

describeEachDialect('post products under faults', (dialect) => {
  for (const kind of ['oauth', 'legacy'] as const) {
    it(`ends as a run without faults (${kind} account)`, async () => {
      const calm = await openWorld(dialect, { ...seed(), kind });
      const stormy = await openWorld(dialect, { ...seed(), kind });
      try {
        const clean = await runUntilClean(calm, postProductsJob, 1);
        assert.equal(clean.runs, 1);
        assert.equal(clean.last?.counts.outcomes.failed, 0);

        stormy.imonggo.faults.set({ error_rate: 0.1, error_status: 503, reset_rate: 0.05 });
        stormy.bigcommerce.faults.set({
          error_rate: 0.1,
          error_status: 503,
          reset_rate: 0.05,
          ...(kind === 'oauth' ? { quota: { requests: 25, window_ms: 300 } } : {}),
        });
        const stormyRuns = await runUntilClean(stormy, postProductsJob, 6);
        stormy.bigcommerce.faults.clear();
        stormy.imonggo.faults.clear();

        assert.equal(stormyRuns.last?.counts.outcomes.failed, 0, String(stormyRuns.error));
        assert.deepEqual(endState(stormy), endState(calm));
        const skus = endState(stormy).map((row) => row.split('|')[0]?.toLowerCase());
        assert.equal(new Set(skus).size, skus.length, 'a product was posted twice');
      } finally {
        await calm.close();
        await stormy.close();
      }
    });
  }
});
