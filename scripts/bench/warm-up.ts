import { createBigCommerceEmulator } from '../../emulators/bigcommerce/index.ts';
import { createImonggoEmulator } from '../../emulators/imonggo/index.ts';
import { v3ProductFields } from '../../src/bigcommerce/schemas.ts';
import { benchMerchant, imonggoCatalog, imonggoStateDoc, pastStamp } from './fixtures.ts';

/** Records in the throwaway account: enough for V8 to compile the list code. */
const warmUpProducts = 2_000;

/**
 * Runs the Imonggo emulator's changed-since list code on a throwaway emulator of its own, through
 * raw requests, before the measured runs; BIN's own code is not run. The emulator stands in for a
 * server whose code has long been warm, but it answers on the benchmark's own thread, and the
 * first sync reads whole lists, which leaves the changed-since code cold for the run with nothing
 * changed (floor 20 ms). When the emulator still scanned every record for such a list, a profile
 * of that run showed 12–14 ms of emulator CPU without this warm-up and about 5 ms with it; it now
 * finds them by stamp order (emulators/imonggo/stamp-index.ts), and the warm-up compiles that
 * path instead. Says how many requests it made and how many records they answered.
 */
export async function warmEmulatorLists(): Promise<{ requests: number; records: number }> {
  const emulator = createImonggoEmulator({ logBodies: false });
  emulator.setState(imonggoStateDoc(imonggoCatalog(warmUpProducts)));
  const authorization = `Basic ${btoa(`${benchMerchant.apiToken}:X`)}`;
  const base = `http://imonggo.warm-up/accounts/${benchMerchant.accountId}/api`;
  const answered = { requests: 0, records: 0 };

  for (let round = 0; round < 5; round += 1) {
    // The last 10, 20, … 50 products (stamped a minute apart) changed since the limit: a new
    // query each round, so no answer comes from the emulator's list cache, and one page each.
    const after = pastStamp(warmUpProducts - 10 * (round + 1));
    for (const resource of ['products', 'inventories']) {
      const url = `${base}/${resource}.json?after=${encodeURIComponent(after)}&page=1`;
      const answer = await emulator.fetch(url, { headers: { authorization } });
      if (!answer.ok) throw new Error(`warm-up: ${resource} answered ${answer.status}`);
      const records = (await answer.json()) as unknown[];
      answered.requests += 1;
      answered.records += records.length;
    }
  }
  return answered;
}

/** Products in the throwaway store; its warm-up updates them in five batches of ten. */
const warmUpStoreProducts = 50;

/**
 * Sends a throwaway store emulator five batch updates of products, through raw requests, before
 * the measured runs; BIN's own code is not run. The first sync only creates products, so the
 * store's batch-update code first ran during the one-percent run: the route's first request took
 * about 5.5 ms, a warm one 0.6–1.1 ms (2,000 products, in a scratch measurement), against a floor
 * of 40 ms for that run at 2,000 products. The bodies carry the fields BIN's updates carry. Says
 * how many requests it made and how many products they updated.
 */
export async function warmStoreBatchUpdates(): Promise<{ requests: number; updated: number }> {
  const emulator = createBigCommerceEmulator({ logBodies: false });
  const accessToken = 'warm-up-token';
  emulator.setState({
    stores: [
      {
        store_hash: 'warmup',
        domain: 'warm-up.mybigcommerce.com',
        access_token: accessToken,
        categories: [{ id: 1, name: 'Warm-up' }],
        products: Array.from({ length: warmUpStoreProducts }, (_, index) => ({
          id: index + 1,
          name: `Warm-up product ${index + 1}`,
          type: 'physical',
          sku: `WARM-${index + 1}`,
          price: 1,
          categories: [1],
        })),
      },
    ],
  });
  const url = `http://bigcommerce.warm-up/stores/warmup/v3/catalog/products?include_fields=${v3ProductFields}`;
  const answered = { requests: 0, updated: 0 };

  for (let start = 0; start < warmUpStoreProducts; start += 10) {
    const batch = Array.from({ length: 10 }, (_, index) => ({
      id: start + index + 1,
      name: `Warm-up product ${start + index + 1}`,
      sku: `WARM-${start + index + 1}`,
      price: 2,
      description: 'Warm-up',
      weight: 1,
      inventory_level: 5,
      inventory_tracking: 'product',
      is_visible: true,
    }));
    const answer = await emulator.fetch(url, {
      method: 'PUT',
      headers: { 'x-auth-token': accessToken, 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    if (!answer.ok) throw new Error(`warm-up: batch update answered ${answer.status}`);
    const { data } = (await answer.json()) as { data: unknown[] };
    answered.requests += 1;
    answered.updated += data.length;
  }
  return answered;
}
