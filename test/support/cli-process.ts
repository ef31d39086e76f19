import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveOnLoopback, type RunningServer } from '../../emulators/common/serve.ts';
import type { World } from './world.ts';
import { merchant } from './world.ts';

const root = new URL('../../', import.meta.url).pathname;

export interface ServedWorld {
  imonggo: RunningServer;
  bigcommerce: RunningServer;
  close(): Promise<void>;
}

/** Serves a world's emulators on loopback ports, for a CLI running in another process. */
export async function serveWorld(world: World): Promise<ServedWorld> {
  const imonggo = await serveOnLoopback(world.imonggo.app.fetch, 0);
  const bigcommerce = await serveOnLoopback(world.bigcommerce.app.fetch, 0);
  return {
    imonggo,
    bigcommerce,
    close: async () => {
      await Promise.all([imonggo.close(), bigcommerce.close()]);
    },
  };
}

/** The environment of a CLI process pointed at a served world, with its own database file. */
export function cliEnvironment(
  served: ServedWorld,
  kind: 'oauth' | 'legacy',
  dataDir = mkdtempSync(join(tmpdir(), 'bin-cli-')),
): NodeJS.ProcessEnv {
  const bigcommerce =
    kind === 'oauth'
      ? {
          BIGCOMMERCE_STORE_HASH: merchant.storeHash,
          BIGCOMMERCE_ACCESS_TOKEN: merchant.accessToken,
        }
      : {
          BIGCOMMERCE_STORE: merchant.domain,
          BIGCOMMERCE_USERNAME: merchant.legacyUsername,
          BIGCOMMERCE_API_TOKEN: merchant.legacyToken,
        };
  return {
    PATH: process.env.PATH,
    IMONGGO_ACCOUNT_ID: merchant.accountId,
    IMONGGO_EMAIL: merchant.email,
    IMONGGO_PASSWORD: merchant.password,
    IMONGGO_BASE_URL: `${served.imonggo.url}/accounts/{account_id}`,
    BIGCOMMERCE_BASE_URL: served.bigcommerce.url,
    BIN_SQLITE_FILE: join(dataDir, 'bin.sqlite'),
    BIN_SECRET_KEY: 'c'.repeat(64),
    BIN_LOG_LEVEL: 'info',
    ...bigcommerce,
  };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `bin-sync` with arguments; `done` settles when the process ends. */
export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/cli/bin-sync.ts'), ...args],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return startCli(args, env).done;
}
