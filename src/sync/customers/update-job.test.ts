import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  clearRequests,
  editImonggoCustomers,
  imonggoCustomerDocs,
  losingCreateAnswers,
  storeCustomerDocs,
  storeCustomers,
  writeCounts,
} from '../../../test/support/customers-world.ts';
import { openWorld, type AccountKind, type World } from '../../../test/support/world.ts';
import { describeEachDialect } from '../../store/test-stores.ts';
import { runJob } from '../runner.ts';
import { updateCustomersJob } from './job.ts';

/**
 * Imonggo customers 1–25: customer 2 is deleted, customer 3 has no email, and the store already
 * has customer 4's email (in other case, with other names) as its customer 500.
 */
function content(kind: AccountKind) {
  const imonggo = imonggoCustomerDocs(25);
  imonggo[1]!.status = 'D';
  imonggo[2]!.email = '';
  const store = storeCustomerDocs(1, 500, () => 'Customer4@Example.com');
  return { kind, imonggo: { customers: imonggo }, bigcommerce: { customers: store } };
}

for (const kind of ['oauth', 'legacy'] as const) {
  describeEachDialect(`update customers job (${kind} store account)`, (dialect) => {
    let world: World;

    before(async () => {
      world = await openWorld(dialect, content(kind));
    });
    after(() => world.close());

    it('previews without writing anything', async () => {
      const report = await runJob(await world.context(), updateCustomersJob(), { dryRun: true });

      assert.deepEqual(
        [report.counts.actions.create, report.counts.actions.link, report.counts.actions.skip],
        [22, 1, 2],
      );
      assert.deepEqual(writeCounts(world), { imonggo: 0, bigcommerce: 0 });
      assert.equal(storeCustomers(world).length, 1);
    });

    it('creates the customers the store lacks and links the one it has, updating it', async () => {
      const report = await runJob(await world.context(), updateCustomersJob());

      assert.equal(report.status, 'succeeded');
      assert.equal(report.counts.outcomes.done, 23);
      const customers = storeCustomers(world);
      assert.equal(customers.length, 1 + 22);
      const linked = customers.find((c) => c.id === 500);
      assert.deepEqual(linked && [linked.email, linked.first_name, linked.last_name], [
        'customer4@example.com',
        'Walkin4',
        'Till4',
      ]);
      const created = customers.find((c) => c.email === 'customer1@example.com');
      assert.deepEqual(created && [created.first_name, created.last_name, created.phone], [
        'Walkin1',
        'Till1',
        '777-0001',
      ]);
      assert.equal(
        customers.some((c) => c.email === 'customer2@example.com'),
        false,
      );
    });

    it('writes nothing on a second run', async () => {
      clearRequests(world);

      const report = await runJob(await world.context(), updateCustomersJob());

      assert.equal(report.counts.outcomes.done, 0);
      assert.deepEqual(writeCounts(world), { imonggo: 0, bigcommerce: 0 });
    });

    it('pushes only what changed in Imonggo, and leaves a customer deleted there alone', async () => {
      editImonggoCustomers(world, (customers) => {
        const renamed = customers.find((c) => c.id === 5);
        if (renamed) renamed.last_name = 'Married';
        const removed = customers.find((c) => c.id === 6);
        if (removed) {
          removed.status = 'D';
          removed.first_name = 'Gone';
        }
      });
      clearRequests(world);

      const report = await runJob(await world.context(), updateCustomersJob());

      const acted = report.items.filter((item) => item.action !== 'skip');
      assert.deepEqual(
        acted.map((item) => [item.key, item.action]),
        [['customer5@example.com', 'update']],
      );
      assert.ok(report.items.length < 5, 'only changed customers are read');
      const byEmail = new Map(storeCustomers(world).map((c) => [c.email, c]));
      assert.equal(byEmail.get('customer5@example.com')?.last_name, 'Married');
      assert.equal(byEmail.get('customer6@example.com')?.first_name, 'Walkin6');
      assert.equal(writeCounts(world).bigcommerce, 1);
    });

    it('creates again on the next run a linked customer deleted on the store', async () => {
      const state = world.bigcommerce.getState() as {
        stores: { customers: { email: string }[] }[];
      };
      const store = state.stores[0]!;
      store.customers = store.customers.filter((c) => c.email !== 'customer7@example.com');
      world.bigcommerce.setState(state);
      editImonggoCustomers(world, (customers) => {
        const changed = customers.find((c) => c.id === 7);
        if (changed) changed.telephone = '999';
      });

      const first = await runJob(await world.context(), updateCustomersJob());
      const second = await runJob(await world.context(), updateCustomersJob());

      const firstItem = first.items.find((i) => i.key === 'customer7@example.com');
      assert.deepEqual([firstItem?.action, firstItem?.outcome], ['update', 'failed']);
      assert.match(firstItem?.error ?? '', /deleted on the store/);
      const secondItem = second.items.find((i) => i.key === 'customer7@example.com');
      assert.deepEqual([secondItem?.action, secondItem?.outcome], ['create', 'done']);
      const again = storeCustomers(world).filter((c) => c.email === 'customer7@example.com');
      assert.deepEqual(
        again.map((c) => c.phone),
        ['999'],
      );
    });

    it('settles a store create a killed run left pending, by email, without a duplicate', async () => {
      const ctx = await world.context();
      editImonggoCustomers(world, (customers) => {
        customers.push(...imonggoCustomerDocs(2, 40));
      });
      // The killed run had written both intents; only the first create reached the store.
      await ctx.links.markPending('customer', 'customer40@example.com', { imonggo_id: '40' });
      await ctx.links.markPending('customer', 'customer41@example.com', { imonggo_id: '41' });
      await ctx.bigcommerce.createCustomer({
        email: 'customer40@example.com',
        first_name: 'Walkin40',
        last_name: 'Till40',
        phone: '777-0040',
        company: '',
      });
      clearRequests(world);

      const report = await runJob(await world.context(), updateCustomersJob());

      const byKey = new Map(report.items.map((item) => [item.key, item]));
      assert.equal(byKey.get('customer40@example.com')?.action, 'skip');
      assert.equal(byKey.get('customer41@example.com')?.action, 'create');
      const emails = storeCustomers(world).map((c) => c.email);
      assert.equal(emails.filter((e) => e === 'customer40@example.com').length, 1);
      assert.equal(emails.filter((e) => e === 'customer41@example.com').length, 1);
      assert.equal(writeCounts(world).bigcommerce, 1);
      assert.equal((await ctx.links.listPending('customer')).length, 0);
    });

    it('finds a store create whose answer was lost by its email, and sends it once', async () => {
      editImonggoCustomers(world, (customers) => {
        customers.push(...imonggoCustomerDocs(1, 60));
      });
      clearRequests(world);

      const ctx = await world.context({
        bigcommerceFetch: losingCreateAnswers(world.bigcommerce.fetch),
      });
      const report = await runJob(ctx, updateCustomersJob());

      const item = report.items.find((i) => i.key === 'customer60@example.com');
      assert.deepEqual([item?.action, item?.outcome], ['create', 'done']);
      assert.equal(writeCounts(world).bigcommerce, 1);
      const landed = storeCustomers(world).filter((c) => c.email === 'customer60@example.com');
      assert.deepEqual(
        landed.map((c) => String(c.id)),
        [item?.bigcommerceId],
      );
    });
  });
}
