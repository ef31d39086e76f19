import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  clearRequests,
  editImonggoCustomers,
  imonggoCustomerDocs,
  imonggoCustomers,
  storeCustomerDocs,
  storeCustomers,
  writeCounts,
} from '../../../test/support/customers-world.ts';
import { openWorld, type World } from '../../../test/support/world.ts';
import { describeEachDialect } from '../../store/test-stores.ts';
import { runJob } from '../runner.ts';
import { postCustomersJob, updateCustomersJob } from './job.ts';

/** Store customers 1–20 and Imonggo customers 11–30: 11–20 are the same people on both sides. */
function content() {
  return {
    bigcommerce: { customers: storeCustomerDocs(20) },
    imonggo: { customers: imonggoCustomerDocs(20, 11) },
  };
}

describeEachDialect('post and update customers together', (dialect) => {
  let world: World;

  before(async () => {
    world = await openWorld(dialect, content());
  });
  after(() => world.close());

  it('leaves one customer per email on each side after both jobs', async () => {
    const posted = await runJob(await world.context(), postCustomersJob());
    const updated = await runJob(await world.context(), updateCustomersJob());

    assert.equal(posted.status, 'succeeded');
    assert.equal(updated.status, 'succeeded');
    assert.equal(posted.counts.actions.create, 10);
    assert.equal(posted.counts.actions.link, 10);
    assert.equal(updated.counts.actions.create, 10);
    const imonggo = imonggoCustomers(world).map((c) => c.email);
    const store = storeCustomers(world).map((c) => c.email);
    assert.equal(imonggo.length, 30);
    assert.equal(new Set(imonggo).size, 30);
    assert.equal(store.length, 30);
  });

  it('gives a customer linked by email the details Imonggo has for it', () => {
    const store = storeCustomers(world).find((c) => c.email === 'customer15@example.com');

    assert.deepEqual(store && [store.first_name, store.last_name, store.phone], [
      'Walkin15',
      'Till15',
      '777-0015',
    ]);
  });

  it('writes nothing when both jobs run again, in either order', async () => {
    clearRequests(world);

    await runJob(await world.context(), updateCustomersJob());
    await runJob(await world.context(), postCustomersJob());
    await runJob(await world.context(), updateCustomersJob(), { full: true });
    await runJob(await world.context(), postCustomersJob(), { full: true });

    assert.deepEqual(writeCounts(world), { imonggo: 0, bigcommerce: 0 });
  });

  it('pushes to the store a change made in Imonggo to a customer that came from the store', async () => {
    editImonggoCustomers(world, (customers) => {
      const fromStore = customers.find((c) => c.email === 'customer2@example.com');
      if (fromStore) fromStore.company_name = 'Renamed Co';
    });
    clearRequests(world);

    const report = await runJob(await world.context(), updateCustomersJob());

    const item = report.items.find((i) => i.key === 'customer2@example.com');
    assert.equal(item?.action, 'update');
    const store = storeCustomers(world).find((c) => c.email === 'customer2@example.com');
    assert.equal(store?.company, 'Renamed Co');
    assert.deepEqual(writeCounts(world), { imonggo: 0, bigcommerce: 1 });
  });
});
