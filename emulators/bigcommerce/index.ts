import { Hono } from 'hono';
import { getPath } from 'hono/utils/url';
import { apiRequestRecorder, mountCommonAdmin } from '../common/admin.ts';
import { FaultInjector } from '../common/faults.ts';
import { RequestLog } from '../common/request-log.ts';
import { inProcessFetch } from '../common/serve.ts';
import { mountStateAdmin } from './admin.ts';
import { styledError, v2NotFound, v3Error } from './errors.ts';
import { currentApiGate, legacyApiGate } from './gate.ts';
import { v2Routes } from './routes/v2.ts';
import { v3Routes } from './routes/v3.ts';
import { dumpState, loadState } from './state.ts';
import type { BcEnv, World } from './world.ts';
import { warmBodyValidators } from './warm-up.ts';

export type { BigCommerceStateDoc } from './state.ts';
export { StateError } from './state.ts';

export interface BigCommerceEmulatorOptions {
  now?: () => number;
  random?: () => number;
  /** Keep request bodies in the request log (default true); `/__admin/requests` shows null without. */
  logBodies?: boolean;
}

export interface BigCommerceEmulator {
  app: Hono;
  /** Calls the emulator in process; the caller's abort signal ends the wait, as with a socket. */
  fetch: typeof fetch;
  faults: FaultInjector;
  requests: RequestLog;
  /** Replaces every store, validating like `PUT /__admin/state`; throws StateError. */
  setState(doc: unknown): void;
  getState(): { stores: unknown[] };
}

/**
 * An in-process BigCommerce: the current API under `/stores/{store_hash}/v2|v3` with
 * `X-Auth-Token`, the legacy API under `/api/v2` with HTTP Basic, and the admin API.
 */
export function createBigCommerceEmulator(
  options: BigCommerceEmulatorOptions = {},
): BigCommerceEmulator {
  warmBodyValidators();
  const now = options.now ?? Date.now;
  const world: World = { stores: new Map(), now };
  const faults = new FaultInjector({ now, ...(options.random ? { random: options.random } : {}) });
  const requests = new RequestLog({ keepBodies: options.logBodies ?? true });
  const app = new Hono({ getPath: withoutLegacyExtension });

  app.use('*', apiRequestRecorder(requests, faults));
  mountCommonAdmin(app, requests, faults);
  mountStateAdmin(app, world);

  const api = new Hono<BcEnv>();
  api.use('/stores/:store_hash/*', currentApiGate(world, faults));
  api.use('/api/*', legacyApiGate(world, faults));
  api.route('/stores/:store_hash/v3', v3Routes(world));
  api.route('/stores/:store_hash/v2', v2Routes(world));
  api.route('/api/v2', v2Routes(world));
  api.notFound((c) => notFoundFor(c.req.path));
  api.onError((error, c) => {
    // A handler bug must still answer like the API does, never as a crash.
    console.error(error);
    return styledError(c.var.style ?? 'v2', 500, 'Internal Server Error');
  });
  app.route('/', api as unknown as Hono);
  app.notFound((c) => notFoundFor(c.req.path));

  return {
    app,
    fetch: inProcessFetch(app.fetch),
    faults,
    requests,
    setState(doc) {
      world.stores = loadState(doc, now());
    },
    getState: () => dumpState(world.stores),
  };
}

/**
 * Unknown routes: v3 paths answer the v3 object, everything else the v2 array. Third-party notes
 * quote "The route is not found, check the URL" for the live v3 gateway.
 */
function notFoundFor(path: string): Response {
  return /^\/stores\/[^/]+\/v3(\/|$)/.test(path)
    ? v3Error(404, 'The route is not found, check the URL')
    : v2NotFound();
}

/**
 * Legacy clients may ask for `/api/v2/orders/5.json`: the old API let an extension pick the
 * format. JSON is the only format emulated, so `.json` is dropped before routing and `.xml` is
 * left to fail as an unknown route.
 */
function withoutLegacyExtension(request: Request): string {
  const path = getPath(request);
  return /^\/api\/v2\/.+\.json$/.test(path) ? path.slice(0, -'.json'.length) : path;
}
