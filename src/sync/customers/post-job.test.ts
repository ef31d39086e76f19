import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  clearRequests,
  editImonggoCustomers,
  imonggoCustomerDocs,
  imonggoCustomers,
  losingCreateAnswers,
  storeCustomerDocs,
  writeCounts,
} from '../../../test/support/customers-world.ts';
import { openWorld, type AccountKind, type World } from '../../../test/support/world.ts';
import { describeEachDialect } from '../../store/test-stores.ts';
import { runJob } from '../runner.ts';
import { postCustomersJob } from './job.ts';
import { alternateCode } from './values.ts';

const longEmail = `${'x'.repeat(45)}@example.com`;

/**
 * Store customers 1–30. Imonggo already has customer 3 (with its email in capitals), a deleted
 * customer with customer 4's email, and an unrelated customer 99.
 */
function content(kind: AccountKind) {
  const store = storeCustomerDocs(30);
  store[29]!.email = longEmail;
  const imonggo = [
    ...imonggoCustomerDocs(1, 1, () => 'CUSTOMER3@Example.com'),
    ...imonggoCustomerDocs(1, 2, () => 'customer4@example.com'),
    ...imonggoCustomerDocs(1, 99, () => 'someone@example.com'),
  ];
  imonggo[1]!.status = 'D';
  return { kind, bigcommerce: { customers: store }, imonggo: { customers: imonggo } };
}

for (const kind of ['oauth', 'legacy'] as const) {
  describeEachDialect(`post customers job (${kind} store account)`, (dialect) => {
    let world: World;

    before(async () => {
      world = await openWorld(dialect, content(kind));
    });
    after(() => world.close());

    it('previews without writing anything', async () => {
      const report = await runJob(await world.context(), postCustomersJob(), { dryRun: true });

      assert.deepEqual(
        [report.counts.actions.create, report.counts.actions.link, report.counts.actions.skip],
        [27, 1, 1],
      );
      assert.equal(report.counts.actions.reject, 1);
      assert.deepEqual(writeCounts(world), { imonggo: 0, bigcommerce: 0 });
      assert.equal(imonggoCustomers(world).length, 3);
    });

    it('creates the missing customers once, links the one Imonggo has, rejects a bad email', async () => {
      const report = await runJob(await world.context(), postCustomersJob());

      assert.equal(report.status, 'partial');
      assert.equal(report.counts.outcomes.done, 28);
      const byKey = new Map(report.items.map((item) => [item.key, item]));
      assert.equal(byKey.get('customer3@example.com')?.action, 'link');
      assert.equal(byKey.get('customer3@example.com')?.imonggoId, '1');
      assert.equal(byKey.get('customer4@example.com')?.action, 'skip');
      assert.match(byKey.get(longEmail)?.reason ?? '', /longer than the 50 characters/);

      const customers = imonggoCustomers(world);
      assert.equal(customers.length, 3 + 27);
      const created = customers.find((c) => c.email === 'customer1@example.com');
      assert.deepEqual(
        created && [
          created.first_name,
          created.last_name,
          created.telephone,
          created.alternate_code,
        ],
        ['Shopper1', 'Online1', '555-0001', alternateCode((await world.context()).storeKey, 1)],
      );
      const emails = customers.filter((c) => c.status === null).map((c) => c.email.toLowerCase());
      assert.equal(new Set(emails).size, emails.length, 'no two active customers share an email');
    });

    it('writes nothing on a second run', async () => {
      clearRequests(world);

      const report = await runJob(await world.context(), postCustomersJob());

      assert.equal(report.counts.outcomes.done, 0);
      assert.deepEqual(writeCounts(world), { imonggo: 0, bigcommerce: 0 });
    });

    it('never re-creates a posted customer deleted in Imonggo, even on a full pass', async () => {
      editImonggoCustomers(world, (customers) => {
        const posted = customers.find((c) => c.email === 'customer5@example.com');
        if (posted) posted.status = 'D';
      });
      clearRequests(world);

      const report = await runJob(await world.context(), postCustomersJob(), { full: true });

      const item = report.items.find((i) => i.key === 'customer5@example.com');
      assert.equal(item?.action, 'skip');
      assert.match(item?.reason ?? '', /deleted in Imonggo after it was posted/);
      assert.deepEqual(writeCounts(world), { imonggo: 0, bigcommerce: 0 });
    });

    it('settles a create a killed run left pending, by its alternate code, without a duplicate', async () => {
      const ctx = await world.context();
      const landed = { id: 31, email: 'landed@example.com' };
      const lost = { id: 32, email: 'lost@example.com' };
      world.bigcommerce.setState(
        withStoreCustomers(world, [
          { ...storeCustomerDocs(1, landed.id)[0]!, email: landed.email },
          { ...storeCustomerDocs(1, lost.id)[0]!, email: lost.email },
        ]),
      );
      // The killed run had written both intents; only the first create reached Imonggo.
      await ctx.links.markPending('customer', landed.email, { bigcommerce_id: '31' });
      await ctx.links.markPending('customer', lost.email, { bigcommerce_id: '32' });
      const reached = await ctx.imonggo.createCustomer({
        alternate_code: alternateCode(ctx.storeKey, landed.id),
        first_name: 'Shopper31',
        last_name: 'Online31',
        email: landed.email,
      });

      const report = await runJob(await world.context(), postCustomersJob());

      const byKey = new Map(report.items.map((item) => [item.key, item]));
      assert.equal(byKey.get(landed.email)?.action, 'skip');
      assert.equal(byKey.get(landed.email)?.imonggoId, String(reached.id));
      assert.equal(byKey.get(lost.email)?.action, 'create');
      const customers = imonggoCustomers(world);
      assert.equal(customers.filter((c) => c.email === landed.email).length, 1);
      assert.equal(customers.filter((c) => c.email === lost.email).length, 1);
      assert.equal((await ctx.links.listPending('customer')).length, 0);
    });

    it('finds a create whose answer was lost by its alternate code, and sends it once', async () => {
      world.bigcommerce.setState(
        withStoreCustomers(world, [{ ...storeCustomerDocs(1, 33)[0]!, email: 'cut@example.com' }]),
      );
      clearRequests(world);

      const ctx = await world.context({ imonggoFetch: losingCreateAnswers(world.imonggo.fetch) });
      const report = await runJob(ctx, postCustomersJob());

      const item = report.items.find((i) => i.key === 'cut@example.com');
      assert.deepEqual([item?.action, item?.outcome], ['create', 'done']);
      const posts = world.imonggo.requests.list().filter((r) => r.method === 'POST');
      assert.equal(posts.length, 1);
      const landed = imonggoCustomers(world).filter((c) => c.email === 'cut@example.com');
      assert.deepEqual(
        landed.map((c) => String(c.id)),
        [item?.imonggoId],
      );
    });
  });
}

function withStoreCustomers(world: World, extra: unknown[]) {
  const state = world.bigcommerce.getState() as { stores: { customers: unknown[] }[] };
  state.stores[0]!.customers.push(...extra);
  return state;
}
