import type { Context, Hono, MiddlewareHandler } from 'hono';
import { faultsSchema, type FaultInjector } from './faults.ts';
import { readBodyForLog, type RequestLog } from './request-log.ts';
import { RESET_HEADER } from './serve.ts';

export const ADMIN_PREFIX = '/__admin';

/** Query keys whose values the request log hides, so a log dump never shows a password. */
const hiddenQueryKeys = new Set(['password']);

/**
 * Logs every API request (not admin ones) once it has been answered, and marks the answer for a
 * connection reset when the injector says so. The reset comes after the request was handled: that
 * is the hard case for a client, a write that landed while its answer was lost.
 */
export function apiRequestRecorder(log: RequestLog, faults: FaultInjector): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (url.pathname.startsWith(ADMIN_PREFIX)) return next();

    const body = log.keepsBodies ? await readBodyForLog(c.req.raw) : null;
    await next();

    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) {
      query[key] = hiddenQueryKeys.has(key) ? '[hidden]' : value;
    }
    log.add({ method: c.req.method, path: url.pathname, query, status: c.res.status, body });

    if (faults.shouldReset()) {
      c.res.headers.set(RESET_HEADER, '1');
    }
  };
}

/** Mounts `/__admin/faults` and `/__admin/requests`, shared by both emulators. */
export function mountCommonAdmin(app: Hono, log: RequestLog, faults: FaultInjector): void {
  app.put(`${ADMIN_PREFIX}/faults`, async (c) => {
    const parsed = faultsSchema.safeParse(await readJson(c));
    if (!parsed.success) {
      return c.json({ error: 'invalid faults document', issues: parsed.error.issues }, 400);
    }
    faults.set(parsed.data);
    return c.json(faults.faults);
  });

  app.get(`${ADMIN_PREFIX}/faults`, (c) => c.json(faults.faults));

  app.delete(`${ADMIN_PREFIX}/faults`, (c) => {
    faults.clear();
    return c.body(null, 204);
  });

  app.get(`${ADMIN_PREFIX}/requests`, (c) => c.json(log.list()));

  app.delete(`${ADMIN_PREFIX}/requests`, (c) => {
    log.clear();
    return c.body(null, 204);
  });
}

/** Parses a JSON admin body; `undefined` when it is not JSON, so the schema reports it. */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json<unknown>();
  } catch {
    return undefined;
  }
}
