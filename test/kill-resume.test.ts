import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { LoggedRequest } from '../emulators/common/request-log.ts';
import { cliEnvironment, runCli, serveWorld, startCli } from './support/cli-process.ts';
import {
  imonggoCustomerDocs,
  imonggoCustomers,
  storeCustomerDocs,
  storeCustomers,
} from './support/customers-world.ts';
import { invoiceProducts, invoicesOf, storeOrders } from './support/invoices-fixtures.ts';
import { imonggoProducts, openWorld, storeProducts, type World } from './support/world.ts';

/**
 * The promise of exactly-once writes: a run killed with SIGKILL at any moment, then run again,
 * leaves both systems as one uninterrupted run would, with no duplicate.
 */

interface Scenario {
  name: string;
  args: string[];
  seed: () => Parameters<typeof openWorld>[1];
  /** Remote writes so far, to choose the moment of the kill. */
  writes: (requests: readonly LoggedRequest[]) => number;
  /** The end state that matters, in a form two runs can be compared by. */
  snapshot: (world: World) => unknown;
  /** Throws when the end state holds a duplicate. */
  assertNoDuplicates: (world: World) => void;
}

const products: Scenario = {
  name: 'post products',
  args: ['products'],
  seed: () => {
    const { products, inventories } = imonggoProducts(30);
    inventories[3]!.quantity = 0;
    products[5]!.status = 'D';
    return { imonggo: { products, inventories } };
  },
  writes: (requests) =>
    requests.filter((r) => r.method === 'POST' && r.path.endsWith('/catalog/products')).length,
  snapshot: (world) =>
    storeProducts(world)
      .map((p) => `${p.sku}|${p.name}|${p.price}|${p.is_visible}|${p.inventory_level}`)
      .sort(),
  assertNoDuplicates: (world) => {
    const skus = storeProducts(world).map((p) => p.sku.toLowerCase());
    assert.equal(new Set(skus).size, skus.length, 'a product was posted twice');
  },
};

const invoices: Scenario = {
  name: 'pull invoices',
  args: ['invoices', 'pull'],
  seed: () => ({
    imonggo: invoiceProducts([
      { id: 1, stock_no: 'TEA-01', quantity: 500 },
      { id: 2, stock_no: 'TEA-02', quantity: 500 },
    ]),
    bigcommerce: {
      orders: storeOrders(
        Array.from({ length: 28 }, (_, n) => ({
          id: 301 + n,
          shipping: n % 4,
          lines: [{ sku: 'TEA-01', quantity: 1 + (n % 3) }, ...(n % 2 ? [{ sku: 'TEA-02' }] : [])],
        })),
      ),
    },
  }),
  writes: (requests) =>
    requests.filter((r) => r.method === 'POST' && /\/api\/invoices/.test(r.path)).length,
  snapshot: (world) =>
    invoicesOf(world)
      .map((invoice) => `${invoice.reference}|${JSON.stringify(invoice.invoice_lines)}`)
      .sort(),
  assertNoDuplicates: (world) => {
    const references = invoicesOf(world).map((invoice) => invoice.reference);
    assert.equal(new Set(references).size, references.length, 'an order was invoiced twice');
  },
};

const postCustomers: Scenario = {
  name: 'post customers',
  args: ['customers', 'post'],
  // 30 store customers, the first 6 already in Imonggo under the same emails.
  seed: () => ({
    bigcommerce: { customers: storeCustomerDocs(30) },
    imonggo: { customers: imonggoCustomerDocs(6) },
  }),
  writes: (requests) =>
    requests.filter((r) => r.method === 'POST' && /\/api\/customers/.test(r.path)).length,
  snapshot: (world) =>
    imonggoCustomers(world)
      .map((c) => `${c.email}|${c.first_name}|${c.last_name}|${c.alternate_code}`)
      .sort(),
  assertNoDuplicates: (world) => {
    const emails = imonggoCustomers(world).map((c) => c.email.toLowerCase());
    assert.equal(new Set(emails).size, emails.length, 'a customer was posted twice');
  },
};

const updateCustomers: Scenario = {
  name: 'update customers',
  args: ['customers', 'update'],
  // 30 Imonggo customers, the first 6 already on the store under the same emails.
  seed: () => ({
    imonggo: { customers: imonggoCustomerDocs(30) },
    bigcommerce: { customers: storeCustomerDocs(6) },
  }),
  writes: (requests) =>
    requests.filter((r) => r.method === 'POST' && /\/customers$/.test(r.path)).length,
  snapshot: (world) =>
    storeCustomers(world)
      .map((c) => `${c.email}|${c.first_name}|${c.last_name}`)
      .sort(),
  assertNoDuplicates: (world) => {
    const emails = storeCustomers(world).map((c) => c.email.toLowerCase());
    assert.equal(new Set(emails).size, emails.length, 'a customer was created twice');
  },
};

async function uninterrupted(scenario: Scenario): Promise<unknown> {
  const world = await openWorld('sqlite', scenario.seed());
  const served = await serveWorld(world);
  try {
    const result = await runCli(scenario.args, cliEnvironment(served, 'oauth'));
    assert.equal(result.code, 0, result.stderr);
    return scenario.snapshot(world);
  } finally {
    await served.close();
    await world.close();
  }
}

async function killedThenResumed(scenario: Scenario, killAfterWrites: number): Promise<unknown> {
  const world = await openWorld('sqlite', scenario.seed());
  world.bigcommerce.faults.set({ latency_ms: 15 });
  world.imonggo.faults.set({ latency_ms: 15 });
  const served = await serveWorld(world);
  const env = cliEnvironment(served, 'oauth', mkdtempSync(join(tmpdir(), 'bin-kill-')));
  try {
    const { child, done } = startCli(scenario.args, env);
    const watch = setInterval(() => {
      if (
        scenario.writes(world.bigcommerce.requests.list()) +
          scenario.writes(world.imonggo.requests.list()) >=
        killAfterWrites
      ) {
        child.kill('SIGKILL');
      }
    }, 1);
    const killed = await done;
    clearInterval(watch);
    assert.equal(killed.signal, 'SIGKILL', `the run ended before write ${killAfterWrites}`);

    world.bigcommerce.faults.clear();
    world.imonggo.faults.clear();
    const resumed = await runCli(scenario.args, env);
    assert.equal(resumed.code, 0, resumed.stderr);

    scenario.assertNoDuplicates(world);
    return scenario.snapshot(world);
  } finally {
    await served.close();
    await world.close();
  }
}

for (const scenario of [products, invoices, postCustomers, updateCustomers]) {
  describe(`a killed ${scenario.name} run, run again`, () => {
    let expected: unknown;

    it('has a reference end state from one uninterrupted run', async () => {
      expected = await uninterrupted(scenario);
      assert.ok(Array.isArray(expected) && expected.length > 0);
    });

    for (const point of [1, 4, 9, 13, 18]) {
      it(`ends as the uninterrupted run when killed after ${point} writes`, async () => {
        assert.deepEqual(await killedThenResumed(scenario, point), expected);
      });
    }
  });
}
