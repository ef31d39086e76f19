import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliEnvironment, serveWorld, startCli, type ServedWorld } from './support/cli-process.ts';
import { imonggoProducts, openWorld, storeProducts, type World } from './support/world.ts';

function storeSkus(world: World): string[] {
  return storeProducts(world).map((p) => p.sku);
}

describe('two runs of one job for the same connection at once', () => {
  let world: World;
  let served: ServedWorld;

  before(async () => {
    const { products, inventories } = imonggoProducts(40);
    world = await openWorld('sqlite', { imonggo: { products, inventories } });
    world.bigcommerce.faults.set({ latency_ms: 25 });
    served = await serveWorld(world);
  });
  after(async () => {
    await served.close();
    await world.close();
  });

  it('lets one work and refuses the other with a clear message; --wait runs it after', async () => {
    const env = cliEnvironment(served, 'oauth', mkdtempSync(join(tmpdir(), 'bin-twice-')));

    const [first, second] = await Promise.all([
      startCli(['products', '--json'], env).done,
      startCli(['products', '--json'], env).done,
    ]);
    const codes = [first.code, second.code].sort();
    const refused = first.code === 2 ? first : second;

    assert.deepEqual(codes, [0, 2]);
    assert.match(refused.stderr, /another run \(products, started .*\) is still working/);
    assert.equal(storeSkus(world).length, 40);

    const [third, fourth] = await Promise.all([
      startCli(['products', '--json', '--wait'], env).done,
      startCli(['products', '--json', '--wait'], env).done,
    ]);
    assert.deepEqual([third.code, fourth.code], [0, 0]);
    const skus = storeSkus(world);
    assert.equal(new Set(skus).size, skus.length, 'a product was posted twice');
    assert.equal(skus.length, 40);
  });
});
