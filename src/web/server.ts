import { serve } from '@hono/node-server';
import type { Context } from 'hono';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import { createLogger, openRuntime } from '../config/runtime.ts';
import { InProcessJobRunner } from '../sync/job-runner.ts';
import { createApp } from './app.ts';
import { checkBaseUrl, parseAllowedHosts } from './host-check.ts';

export interface RunningWeb {
  url: string;
  close(): Promise<void>;
}

/** The client's address: the socket's, or behind a trusted proxy the one it saw last. */
function addressReader(trustProxy: boolean) {
  return (c: Context): string => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    return env?.incoming?.socket?.remoteAddress ?? 'unknown';
  };
}

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

/**
 * Starts BIN's web app from the environment: PORT (default 3000), HOST (default 0.0.0.0),
 * DATABASE_URL or the SQLite file, BIN_ALLOWED_HOSTS, IMONGGO_BASE_URL / BIGCOMMERCE_BASE_URL,
 * BIN_SECURE_COOKIES, BIN_TRUST_PROXY and LOG_LEVEL. Base URLs are checked like store domains
 * before anything else happens.
 */
export async function startServer(
  env: NodeJS.ProcessEnv,
  options: { logger?: Logger } = {},
): Promise<RunningWeb> {
  const allowedHosts = parseAllowedHosts(env.BIN_ALLOWED_HOSTS);
  const imonggoBaseUrl = env.IMONGGO_BASE_URL?.trim() || undefined;
  const bigcommerceBaseUrl = env.BIGCOMMERCE_BASE_URL?.trim() || undefined;
  const problems = [
    ['IMONGGO_BASE_URL', imonggoBaseUrl, '.imonggo.com'],
    ['BIGCOMMERCE_BASE_URL', bigcommerceBaseUrl, '.bigcommerce.com'],
  ].flatMap(([name, url, suffix]) => {
    const problem = url ? checkBaseUrl(url, suffix ?? '', allowedHosts) : undefined;
    return problem ? [`${name} ${problem}`] : [];
  });
  if (problems.length > 0) throw new Error(problems.join('; '));

  const logger = options.logger ?? createLogger(env.LOG_LEVEL ?? 'info');
  const runtime = await openRuntime(env);
  const app = createApp({
    store: runtime.store,
    box: runtime.box,
    logger,
    runner: new InProcessJobRunner(logger),
    remote: { imonggoBaseUrl, bigcommerceBaseUrl },
    allowedHosts,
    secureCookies: flag(env.BIN_SECURE_COOKIES),
    clientAddress: addressReader(flag(env.BIN_TRUST_PROXY) ?? false),
  });

  const port = Number(env.PORT ?? 3000);
  const hostname = env.HOST ?? '0.0.0.0';
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port, hostname }, () => resolve(started as Server));
    started.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shown = hostname === '0.0.0.0' ? 'localhost' : hostname;
  const url = `http://${shown}:${address.port}`;
  logger.info({ url }, 'BIN is listening');

  return {
    url,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await runtime.store.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const web = await startServer(process.env);
    console.log(`BIN is serving on ${web.url}`);
    const stop = () => {
      void web.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`BIN could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
