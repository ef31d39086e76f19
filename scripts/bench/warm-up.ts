import { createImonggoEmulator } from '../../emulators/imonggo/index.ts';
import { benchMerchant, imonggoCatalog, imonggoStateDoc, pastStamp } from './fixtures.ts';

/** Records in the throwaway account: enough for V8 to compile the list code. */
const warmUpProducts = 2_000;

/**
 * Runs the Imonggo emulator's changed-since list code on a throwaway emulator of its own, through
 * raw requests, before the measured runs; BIN's own code is not run. The emulator stands in for a
 * server whose code has long been warm and answers from an index, but it scans its records in the
 * benchmark's own thread: the first changed-since list of the process scanned 20,000 records in
 * code not yet compiled: 12–14 ms of CPU in a profile of the run with nothing changed (its floor
 * is 20 ms), about 5 ms after this warm-up. The first sync reads whole lists, so it leaves that
 * code cold. Says how many requests it made and how many records they answered.
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
