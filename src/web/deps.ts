import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { Clock } from '../http/clock.ts';
import type { Store } from '../store/database.ts';
import type { SecretBox } from '../store/secrets.ts';
import type { RemoteOptions } from '../sync/connect.ts';
import type { JobRunner } from '../sync/job-runner.ts';

/** What the web app is built from; the server and the tests fill it in. */
export interface WebDeps {
  store: Store;
  box: SecretBox;
  logger: Logger;
  runner: JobRunner;
  /** How the clients reach both services (base URLs and fetch for the emulators, gates). */
  remote: RemoteOptions;
  /** Extra hosts (host or host:port) BIN may contact, from BIN_ALLOWED_HOSTS. */
  allowedHosts: readonly string[];
  /** Force the Secure cookie flag on or off; by default it follows the request's scheme. */
  secureCookies?: boolean | undefined;
  clock?: Clock | undefined;
  /** The address of the client, for throttling; the server reads it from the socket. */
  clientAddress?: ((c: Context) => string) | undefined;
  /** A session unused this long ends; default 12 hours. */
  sessionIdleMs?: number | undefined;
  /** A session ends this long after login whatever its use; default 7 days. */
  sessionMaxMs?: number | undefined;
  /** Failed logins allowed per client and per account within the window; default 5 in 15 min. */
  loginLimit?: { failures: number; windowMs: number } | undefined;
}
