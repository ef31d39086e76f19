import { createAdaptorServer } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { redactedPaths } from '../../../src/config/runtime.ts';
import { GateRegistry } from '../../../src/http/account-gate.ts';
import { openStore, type Store } from '../../../src/store/database.ts';
import { SecretBox } from '../../../src/store/secrets.ts';
import { InProcessJobRunner } from '../../../src/sync/job-runner.ts';
import { createApp } from '../../../src/web/app.ts';
import type { ServedEmulators } from './emulators.ts';

export interface RunningApp {
  /** `http://127.0.0.1:PORT`, where the browser finds BIN. */
  url: string;
  store: Store;
  /** Every log line BIN wrote so far, as JSON text, to prove no secret reached the logs. */
  logLines(): string[];
  close(): Promise<void>;
}

/** Hosts of the two emulators as `host:port`, for BIN's allow-list. */
function hostOf(url: string): string {
  return new URL(url).host;
}

/**
 * BIN's web app on a free loopback port, pointed at the emulators with them in its allow-list,
 * and with its own SQLite file in a temporary folder, as `npm run demo` sets it up. It is built
 * with `createApp` rather than `startServer` for one reason: the suite needs a higher login limit
 * than the environment can set, since it tries six wrong logins from one address on purpose.
 */
export async function startWebApp(emulators: ServedEmulators): Promise<RunningApp> {
  const folder = await mkdtemp(join(tmpdir(), 'bin-browser-'));
  const store = await openStore({ sqliteFile: join(folder, 'bin.sqlite') });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  // The production logger's redaction, at debug level so that every request line is there.
  const logger = pino(
    { level: 'debug', redact: { paths: redactedPaths, censor: '[hidden]' } },
    sink,
  );

  const app = createApp({
    store,
    box: new SecretBox(randomBytes(32)),
    logger,
    runner: new InProcessJobRunner(logger),
    remote: {
      imonggoBaseUrl: `${emulators.imonggoUrl}/accounts/{account_id}`,
      bigcommerceBaseUrl: emulators.bigcommerceUrl,
      gates: new GateRegistry(),
      timeoutMs: 15_000,
      retries: 2,
      backoffMs: 10,
    },
    allowedHosts: [hostOf(emulators.imonggoUrl), hostOf(emulators.bigcommerceUrl)],
    // The suite tries a wrong value in each of six fields; the default limit (5) would stop it.
    loginLimit: { failures: 50, windowMs: 60_000 },
  });

  const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    store,
    logLines: () => [...lines],
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
