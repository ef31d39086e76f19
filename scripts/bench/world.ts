import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import {
  createBigCommerceEmulator,
  type BigCommerceEmulator,
} from '../../emulators/bigcommerce/index.ts';
import { createImonggoEmulator, type ImonggoEmulator } from '../../emulators/imonggo/index.ts';
import { GateRegistry } from '../../src/http/account-gate.ts';
import type { ConnectionCredentials } from '../../src/store/connections.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { SecretBox } from '../../src/store/secrets.ts';
import { connect } from '../../src/sync/connect.ts';
import type { SyncContext } from '../../src/sync/context.ts';
import { benchMerchant } from './fixtures.ts';

export type AccountKind = 'oauth' | 'legacy';

/** The faults of the benchmark: 20 ms per request, and the Standard plan's quota ÷ 10. */
export const benchLatencyMs = 20;
export const benchQuota = { requests: 150, window_ms: 3_000 } as const;

/** Warnings the engine logged during a run: retries and rate-limited answers. */
export interface WarningCount {
  retries: number;
  rateLimited: number;
  other: number;
}

export interface BenchWorld {
  imonggo: ImonggoEmulator;
  bigcommerce: BigCommerceEmulator;
  kind: AccountKind;
  warnings: WarningCount;
  /**
   * A context as a fresh CLI process builds it: its own database connection, new clients and new
   * gates, so no run inherits the previous run's knowledge of the quota. `close` closes that
   * connection, as the CLI does when it exits.
   */
  context(): Promise<{ ctx: SyncContext; close: () => Promise<void> }>;
  /** Sets the benchmark's faults again, which also starts fresh quota windows. */
  resetFaults(): void;
  close(): Promise<void>;
}

function credentialsFor(kind: AccountKind): ConnectionCredentials {
  return {
    imonggo: { accountId: benchMerchant.accountId, apiToken: benchMerchant.apiToken },
    bigcommerce:
      kind === 'oauth'
        ? { kind, storeHash: benchMerchant.storeHash, accessToken: benchMerchant.accessToken }
        : {
            kind,
            storeDomain: benchMerchant.domain,
            username: benchMerchant.legacyUsername,
            apiToken: benchMerchant.legacyToken,
          },
  };
}

/** A pino logger that only counts the warnings it is given, by what they say. */
function countingLogger(warnings: WarningCount) {
  return pino(
    { level: 'warn' },
    {
      write(line: string) {
        const { msg } = JSON.parse(line) as { msg?: string };
        if (msg === 'remote request failed, retrying') warnings.retries += 1;
        else if (msg === 'rate limited by the remote') warnings.rateLimited += 1;
        else warnings.other += 1;
      },
    },
  );
}

/**
 * Both emulators in process with the benchmark's faults, and a fresh SQLite file in a temporary
 * directory. The clients keep their default timeouts, retries and backoff, and the real clock.
 */
export function openBenchWorld(options: {
  kind: AccountKind;
  imonggoState: unknown;
  storeState: unknown;
}): BenchWorld {
  // The benchmark counts calls and needs no bodies; kept, they would weigh on the RSS measured.
  const imonggo = createImonggoEmulator({ logBodies: false });
  const bigcommerce = createBigCommerceEmulator({ logBodies: false });
  imonggo.setState(options.imonggoState);
  bigcommerce.setState(options.storeState);

  const resetFaults = () => {
    imonggo.faults.set({ latency_ms: benchLatencyMs });
    bigcommerce.faults.set({ latency_ms: benchLatencyMs, quota: { ...benchQuota } });
  };
  resetFaults();

  const directory = mkdtempSync(join(tmpdir(), 'bin-bench-'));
  const sqliteFile = join(directory, 'bench.sqlite');
  const box = new SecretBox(randomBytes(32));
  const warnings: WarningCount = { retries: 0, rateLimited: 0, other: 0 };
  const logger = countingLogger(warnings);

  return {
    imonggo,
    bigcommerce,
    kind: options.kind,
    warnings,
    async context() {
      // SQLite folds its write-ahead log back into the file when the last connection closes, so
      // each CLI run starts with an empty log. One connection kept over all the runs made a later
      // run pay for folding in the earlier runs' writes, which no CLI run does.
      const store: Store = await openStore({ sqliteFile });
      const ctx = await connect({
        store,
        box,
        credentials: credentialsFor(options.kind),
        logger,
        imonggoBaseUrl: 'http://imonggo.bench/accounts/{account_id}',
        bigcommerceBaseUrl: 'http://bigcommerce.bench',
        imonggoFetch: imonggo.fetch,
        bigcommerceFetch: bigcommerce.fetch,
        gates: new GateRegistry(),
      });
      return { ctx, close: () => store.close() };
    },
    resetFaults,
    close() {
      rmSync(directory, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}
