import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  clearRequests,
  customerSnapshot,
  imonggoCustomerDocs,
  imonggoCustomers,
  storeCustomerDocs,
  writeCounts,
} from '../../../test/support/customers-world.ts';
import { runUntilClean } from '../../../test/support/run-until-clean.ts';
import { openWorld, type AccountKind, type World } from '../../../test/support/world.ts';
import { describeEachDialect } from '../../store/test-stores.ts';
import { runJob } from '../runner.ts';
import { postCustomersJob, updateCustomersJob } from './job.ts';

/** Store customers 1–40 and Imonggo customers 31–70: 31–40 are on both sides. */
function content(kind: AccountKind) {
  return {
    kind,
    bigcommerce: { customers: storeCustomerDocs(40) },
    imonggo: { customers: imonggoCustomerDocs(40, 31) },
  };
}

async function syncBoth(world: World) {
  const posted = await runUntilClean(world, postCustomersJob);
  const updated = await runUntilClean(world, updateCustomersJob);
  return { posted, updated };
}

for (const kind of ['oauth', 'legacy'] as const) {
  describeEachDialect(`customer jobs under faults (${kind} store account)`, (dialect) => {
    let calm: World;
    let stormy: World;

    before(async () => {
      calm = await openWorld(dialect, content(kind));
      // Seeded fault draws: the same faults every time, so "faults were met" cannot be luck.
      stormy = await openWorld(dialect, { ...content(kind), faultSeed: 7 });
    });
    after(async () => {
      await calm.close();
      await stormy.close();
    });

    it('ends as a run without faults does, with no duplicate on either side', async () => {
      const clean = await syncBoth(calm);
      assert.deepEqual([clean.posted.runs, clean.updated.runs], [1, 1]);

      stormy.imonggo.faults.set({ error_rate: 0.1, error_status: 503, reset_rate: 0.05 });
      // A legacy account's limit is per hour (509, no reset time), which no run can wait out; the
      // tight window only applies to the current API's quota, which says when it resets.
      stormy.bigcommerce.faults.set({
        error_rate: 0.1,
        error_status: 503,
        reset_rate: 0.05,
        ...(kind === 'oauth' ? { quota: { requests: 40, window_ms: 400 } } : {}),
      });
      const rough = await syncBoth(stormy);

      const refused = (world: World['imonggo'] | World['bigcommerce']) =>
        world.requests.list().filter((r) => r.status >= 429).length;
      assert.ok(refused(stormy.imonggo) > 0 && refused(stormy.bigcommerce) > 0, 'faults were met');

      assert.ifError(rough.posted.error);
      assert.ifError(rough.updated.error);
      assert.equal(rough.posted.last?.counts.outcomes.failed, 0, 'post ended clean');
      assert.equal(rough.updated.last?.counts.outcomes.failed, 0, 'update ended clean');
      assert.deepEqual(customerSnapshot(stormy), customerSnapshot(calm));
      const codes = imonggoCustomers(stormy)
        .map((c) => c.alternate_code)
        .filter((code) => code !== '');
      assert.equal(new Set(codes).size, codes.length, 'no alternate code twice');
      const emails = imonggoCustomers(stormy).map((c) => c.email.toLowerCase());
      assert.equal(new Set(emails).size, emails.length, 'no email twice in Imonggo');
    });

    it('writes nothing more once the faults are gone', async () => {
      stormy.imonggo.faults.clear();
      stormy.bigcommerce.faults.clear();
      clearRequests(stormy);

      await runJob(await stormy.context(), postCustomersJob(), { full: true });
      await runJob(await stormy.context(), updateCustomersJob(), { full: true });

      assert.deepEqual(writeCounts(stormy), { imonggo: 0, bigcommerce: 0 });
    });
  });
}
