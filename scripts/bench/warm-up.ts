import { createImonggoEmulator } from '../../emulators/imonggo/index.ts';
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
