import type { Context } from 'hono';
import { systemClock, type Clock } from '../http/clock.ts';
import type { ConnectionRecord, ConnectionRepository } from '../store/connections.ts';
import { LoginFailureRepository } from '../store/login-failures.ts';
import type { RunRepository } from '../store/runs.ts';
import { webDatabase } from '../store/web-schema.ts';
import { WebSessionRepository } from '../store/web-sessions.ts';
import type { WebSession } from '../store/web-sessions.ts';
import type { SyncContext } from '../sync/context.ts';
import type { WebDeps } from './deps.ts';
import { connectionsOf, contextFor, runsOf } from './merchant.ts';
import { SessionManager } from './sessions.ts';
import { LoginThrottle } from './throttle.ts';

/** What the routes share, built once per app. */
export interface Services {
  deps: WebDeps;
  clock: Clock;
  sessions: SessionManager;
  throttle: LoginThrottle;
  connections: ConnectionRepository;
  runs: RunRepository;
  secure(c: Context): boolean;
  clientAddress(c: Context): string;
  /** The signed-in merchant's connection and a job context for it. */
  merchant(session: WebSession): Promise<{ connection: ConnectionRecord; context: SyncContext }>;
}

function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

export function buildServices(deps: WebDeps): Services {
  const clock = deps.clock ?? systemClock;
  const db = webDatabase(deps.store.db);
  const connections = connectionsOf(deps);
  const secure = (c: Context) => deps.secureCookies ?? new URL(c.req.url).protocol === 'https:';

  return {
    deps,
    clock,
    connections,
    runs: runsOf(deps),
    secure,
    clientAddress: deps.clientAddress ?? socketAddress,
    sessions: new SessionManager({
      repository: new WebSessionRepository(db),
      now: () => clock.now(),
      idleMs: deps.sessionIdleMs ?? 12 * 60 * 60_000,
      maxMs: deps.sessionMaxMs ?? 7 * 24 * 60 * 60_000,
      secure,
    }),
    throttle: new LoginThrottle({
      failures: new LoginFailureRepository(db),
      now: () => clock.now(),
      limit: deps.loginLimit?.failures ?? 5,
      windowMs: deps.loginLimit?.windowMs ?? 15 * 60_000,
    }),
    async merchant(session) {
      const connection = await connections.get(session.connectionId);
      if (!connection) throw new Error('the connection of this session is gone');
      return { connection, context: contextFor(deps, connection) };
    },
  };
}
