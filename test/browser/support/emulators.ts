import {
  createBigCommerceEmulator,
  type BigCommerceEmulator,
} from '../../../emulators/bigcommerce/index.ts';
import { serveOnLoopback, type RunningServer } from '../../../emulators/common/serve.ts';
import { createImonggoEmulator, type ImonggoEmulator } from '../../../emulators/imonggo/index.ts';
import { shopWorld } from './shop-world.ts';

/**
 * Holds BigCommerce writes on demand, so that a test can look at a job while it is surely half
 * done (reload the page, open a second tab, press a button again) instead of racing it.
 */
export class WriteValve {
  #allowance = Number.POSITIVE_INFINITY;
  #waiting: (() => void)[] = [];

  /** Lets `count` more writes through, then holds every further one until `open()`. */
  holdAfter(count: number): void {
    this.#allowance = count;
  }

  /** Lets `count` of the held writes go on; the valve stays shut for the rest. */
  release(count: number): void {
    for (const go of this.#waiting.splice(0, count)) go();
  }

  open(): void {
    this.#allowance = Number.POSITIVE_INFINITY;
    for (const release of this.#waiting.splice(0)) release();
  }

  /** Writes waiting at the valve now. */
  get held(): number {
    return this.#waiting.length;
  }

  async pass(request: Request): Promise<void> {
    if (request.method === 'GET' || new URL(request.url).pathname.startsWith('/__admin')) return;
    if (this.#allowance > 0) {
      this.#allowance -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }
}

export interface ServedEmulators {
  imonggo: ImonggoEmulator;
  bigcommerce: BigCommerceEmulator;
  bigcommerceWrites: WriteValve;
  /** `http://127.0.0.1:PORT` of each, on a port the system picked. */
  imonggoUrl: string;
  bigcommerceUrl: string;
  close(): Promise<void>;
}

/**
 * Both emulators on real loopback sockets, loaded with the suite's shop: the web app reaches them
 * over HTTP as it would reach the real services, so its store-domain check sees real addresses.
 */
export async function serveEmulators(): Promise<ServedEmulators> {
  const world = shopWorld();
  const imonggo = createImonggoEmulator();
  const bigcommerce = createBigCommerceEmulator();
  imonggo.setState(world.imonggo);
  bigcommerce.setState(world.bigcommerce);
  const bigcommerceWrites = new WriteValve();

  const servers: RunningServer[] = [];
  try {
    servers.push(await serveOnLoopback(imonggo.app.fetch, 0));
    servers.push(
      await serveOnLoopback(async (request, env) => {
        await bigcommerceWrites.pass(request);
        return bigcommerce.app.fetch(request, env);
      }, 0),
    );
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }

  const [imonggoServer, bigcommerceServer] = servers as [RunningServer, RunningServer];
  return {
    imonggo,
    bigcommerce,
    bigcommerceWrites,
    imonggoUrl: imonggoServer.url,
    bigcommerceUrl: bigcommerceServer.url,
    close: async () => {
      bigcommerceWrites.open();
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
