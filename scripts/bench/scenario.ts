import type { Job } from '../../src/sync/job.ts';
import { pullInvoicesJob } from '../../src/sync/invoices/job.ts';
import { postProductsJob } from '../../src/sync/products/job.ts';
import {
  benchCustomerCount,
  changeOnePercent,
  imonggoCatalog,
  imonggoStateDoc,
  storeOrders,
  storeStateDoc,
  type PostedProduct,
} from './fixtures.ts';
import type { FloorParameters } from './floor.ts';
import { measureRun, type RunFigures } from './measure.ts';
import { warmEmulatorLists, warmStoreBatchUpdates } from './warm-up.ts';
import {
  firstSyncCalls,
  type MinimalCalls,
  onePercentCalls,
  pullCalls,
  unchangedCalls,
} from './minimal.ts';
import {
  benchLatencyMs,
  benchQuota,
  openBenchWorld,
  type AccountKind,
  type BenchWorld,
} from './world.ts';

export interface BenchOptions {
  products: number;
  orders: number;
  kind: AccountKind;
  /** Told before each run starts (on stderr, so `--json` output stays one object). */
  onRunStart?: (name: string) => void;
}

export const floorParameters: FloorParameters = {
  latencyMs: benchLatencyMs,
  inFlight: 8,
  quota: { requests: benchQuota.requests, windowMs: benchQuota.window_ms },
};

interface StoreDump {
  stores: { products: { id: number; sku: string; name: string; price: number }[] }[];
}

/** The store's products after the product runs, for the orders to sell. */
function postedProducts(dump: unknown): PostedProduct[] {
  const store = (dump as StoreDump).stores[0];
  return (store?.products ?? []).map(({ id, sku, name, price }) => ({ id, sku, name, price }));
}

/** Changes 1 % of the Imonggo catalog in the emulator; how many products changed. */
function changeOnePercentOf(world: BenchWorld, products: number): number {
  const { catalog, changed } = changeOnePercent(imonggoCatalog(products), Date.now());
  world.imonggo.setState(imonggoStateDoc(catalog));
  return changed;
}

/** Gives the store `count` paid orders of the products the runs posted. */
function addOrders(world: BenchWorld, count: number): void {
  const dump = world.bigcommerce.getState() as StoreDump;
  const store = dump.stores[0] as unknown as Record<string, unknown>;
  store.orders = storeOrders(count, postedProducts(dump));
  world.bigcommerce.setState(dump);
}

/**
 * The four runs of the benchmark, in order, on one world: a first full product sync, a run with
 * nothing changed, a run after 1 % of the products changed, and a pull of the orders.
 */
export async function runScenario(options: BenchOptions): Promise<RunFigures[]> {
  // The catalog is built again where it is needed rather than kept: the bench's own copies would
  // be counted in the memory of every run.
  const world = openBenchWorld({
    kind: options.kind,
    imonggoState: imonggoStateDoc(imonggoCatalog(options.products)),
    storeState: storeStateDoc(),
  });
  const figures: RunFigures[] = [];
  const measure = async <Payload>(name: string, job: Job<Payload>, minimal: MinimalCalls) => {
    options.onRunStart?.(name);
    figures.push(await measureRun(world, name, job, minimal, floorParameters));
  };

  try {
    await warmEmulatorLists();
    await warmStoreBatchUpdates();
    await measure('first-sync', postProductsJob(), firstSyncCalls(options.products, options.kind));
    await measure('unchanged', postProductsJob(), unchangedCalls());

    const changed = changeOnePercentOf(world, options.products);
    await measure('one-percent-changed', postProductsJob(), onePercentCalls(changed, options.kind));

    addOrders(world, options.orders);
    await measure(
      'pull-orders',
      pullInvoicesJob(),
      pullCalls(options.orders, options.products, benchCustomerCount, options.kind),
    );
  } finally {
    await world.close();
  }
  return figures;
}
