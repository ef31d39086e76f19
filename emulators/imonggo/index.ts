import { Hono } from 'hono';
import { apiRequestRecorder, mountCommonAdmin } from '../common/admin.ts';
import { FaultInjector } from '../common/faults.ts';
import { RequestLog } from '../common/request-log.ts';
import { inProcessFetch } from '../common/serve.ts';
import { mountStateAdmin } from './admin.ts';
import { apiGateway } from './gateway.ts';
import { productIndex, type World } from './records.ts';
import { orderStamps } from './stamp-index.ts';
import { buildWorld, exportWorld } from './state.ts';

export interface ImonggoEmulatorOptions {
  now?: () => number;
  random?: () => number;
  /** Keep request bodies in the request log (default true); `/__admin/requests` shows null without. */
  logBodies?: boolean;
}

export interface ImonggoEmulator {
  app: Hono;
  /** Calls the emulator in process; honours the caller's abort signal like a real fetch. */
  fetch: typeof fetch;
  faults: FaultInjector;
  requests: RequestLog;
  /** Replaces the whole state; throws `StateError` naming the bad field. */
  setState(doc: unknown): void;
  getState(): World;
}

/** An Imonggo API emulator holding any number of isolated accounts, empty at first. */
export function createImonggoEmulator(options: ImonggoEmulatorOptions = {}): ImonggoEmulator {
  const now = options.now ?? Date.now;
  const faults = new FaultInjector({ now, random: options.random ?? Math.random });
  const requests = new RequestLog({ keepBodies: options.logBodies ?? true });
  let world: World = { accounts: [] };

  const emulator = {
    setState(doc: unknown) {
      world = buildWorld(doc, now());
      // The lookups a real server keeps ready are made here, outside any request: made lazily,
      // the product index (20,000 entries) fell to the first stock list after a load, about 3 MB
      // and milliseconds of that one request (the benchmark loads a changed catalog just before
      // a timed run).
      orderStamps(world);
      for (const account of world.accounts) productIndex(account);
    },
    getState: () => exportWorld(world),
  };

  const app = new Hono();
  app.use('*', apiRequestRecorder(requests, faults));
  mountCommonAdmin(app, requests, faults);
  mountStateAdmin(app, emulator);
  app.all('*', apiGateway({ world: () => world, faults, now }));

  return {
    app,
    fetch: inProcessFetch(app.fetch),
    faults,
    requests,
    ...emulator,
  };
}

export { StateError } from './state.ts';
