import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DatabaseSchema, ItemOutcome, NewRunItem, Run, RunItem, RunStatus } from './schema.ts';

/** Raised when a writing run of the same connection is already going on. */
export class RunInProgressError extends Error {
  readonly runId: string;
  readonly job: string;
  readonly startedAt: string;

  constructor(run: Pick<Run, 'id' | 'job' | 'started_at'>) {
    super(
      `another run (${run.job}, started ${run.started_at}) is still working for this connection; ` +
        'wait for it to finish, or join it',
    );
    this.name = 'RunInProgressError';
    this.runId = run.id;
    this.job = run.job;
    this.startedAt = run.started_at;
  }
}

export interface StartRun {
  connectionId: string;
  job: string;
  dryRun: boolean;
  options: unknown;
}

export interface RunRepositoryOptions {
  now: () => Date;
  /** A running run whose heartbeat is older than this was killed and may be taken over. */
  leaseMs?: number;
  /** Whether a process of this host is alive; injectable for tests. */
  isAlive?: (pid: number) => boolean;
}

const thisOwner = `${hostname()}:${process.pid}`;

/** What a run records about one item once it is worked on. */
export interface ItemOutcomeValues {
  outcome: ItemOutcome;
  error?: string | null;
  bigcommerce_id?: string | null;
  imonggo_id?: string | null;
  started_at?: string;
}

/** Runs and their items; also the lock that keeps one writing run per connection. */
export class RunRepository {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #now: () => Date;
  readonly #leaseMs: number;
  readonly #isAlive: (pid: number) => boolean;

  constructor(db: Kysely<DatabaseSchema>, options: RunRepositoryOptions) {
    this.#db = db;
    this.#now = options.now;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#isAlive = options.isAlive ?? processIsAlive;
  }

  /**
   * Opens a run. A writing run takes the connection's lock, which lives in the database (a
   * partial unique index), so it holds across processes and machines. A run left `running` by a
   * killed process is marked abandoned and its lock taken over.
   */
  async start(request: StartRun): Promise<Run> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const now = this.#now().toISOString();
      const run = {
        id: randomUUID(),
        connection_id: request.connectionId,
        job: request.job,
        status: 'running' as const,
        dry_run: request.dryRun ? 1 : 0,
        options: JSON.stringify(request.options ?? {}),
        counts: null,
        error: null,
        started_at: now,
        heartbeat_at: now,
        owner: thisOwner,
        finished_at: null,
      };

      try {
        await this.#db.insertInto('runs').values(run).execute();
        return run;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }

      const holder = await this.#db
        .selectFrom('runs')
        .selectAll()
        .where('connection_id', '=', request.connectionId)
        .where('status', '=', 'running')
        .where('dry_run', '=', 0)
        .executeTakeFirst();
      if (holder && !this.#isDead(holder)) throw new RunInProgressError(holder);
      if (holder) await this.#abandon(holder);
    }
    throw new Error('could not take the run lock of this connection');
  }

  async heartbeat(runId: string): Promise<void> {
    await this.#db
      .updateTable('runs')
      .set({ heartbeat_at: this.#now().toISOString() })
      .where('id', '=', runId)
      .execute();
  }

  async finish(
    runId: string,
    outcome: { status: RunStatus; counts: unknown; error?: string | undefined },
  ): Promise<void> {
    await this.#db
      .updateTable('runs')
      .set({
        status: outcome.status,
        counts: JSON.stringify(outcome.counts),
        error: outcome.error ?? null,
        finished_at: this.#now().toISOString(),
      })
      .where('id', '=', runId)
      .execute();
  }

  async get(runId: string): Promise<Run | undefined> {
    return this.#db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
  }

  async list(connectionId: string, limit = 50): Promise<Run[]> {
    return this.#db
      .selectFrom('runs')
      .selectAll()
      .where('connection_id', '=', connectionId)
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute();
  }

  async addItems(items: readonly NewRunItem[]): Promise<void> {
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (let start = 0; start < items.length; start += 200) {
      await this.#db
        .insertInto('run_items')
        .values(items.slice(start, start + 200))
        .execute();
    }
  }

  /**
   * Several outcomes in one transaction. A run settles items faster than a disk commits, and on
   * SQLite each commit waits for the disk (about a quarter of a millisecond here): one commit per
   * item made the run's bookkeeping, not the remote APIs, the slowest part of a small run.
   */
  async setItemOutcomes(
    runId: string,
    outcomes: readonly (ItemOutcomeValues & { seq: number })[],
  ): Promise<void> {
    if (outcomes.length === 0) return;

    const finishedAt = this.#now().toISOString();
    await this.#db.transaction().execute(async (trx) => {
      for (const { seq, ...outcome } of outcomes) {
        await trx
          .updateTable('run_items')
          .set({ ...outcome, finished_at: finishedAt })
          .where('run_id', '=', runId)
          .where('seq', '=', seq)
          .execute();
      }
    });
  }

  async items(runId: string): Promise<RunItem[]> {
    return this.#db
      .selectFrom('run_items')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('seq')
      .execute();
  }

  #isDead(run: Run): boolean {
    const [host, pid] = splitOwner(run.owner);
    if (host === hostname() && pid !== undefined && !this.#isAlive(pid)) return true;

    const silentFor = this.#now().getTime() - new Date(run.heartbeat_at).getTime();
    return silentFor > this.#leaseMs;
  }

  async #abandon(run: Run): Promise<void> {
    // Compare-and-set on the heartbeat: if the run came back to life meanwhile, leave it alone.
    await this.#db
      .updateTable('runs')
      .set({
        status: 'abandoned',
        error: 'the process doing this run stopped before it finished',
        finished_at: this.#now().toISOString(),
      })
      .where('id', '=', run.id)
      .where('status', '=', 'running')
      .where('heartbeat_at', '=', run.heartbeat_at)
      .execute();
  }
}

function splitOwner(owner: string): [string, number | undefined] {
  const at = owner.lastIndexOf(':');
  const pid = Number(owner.slice(at + 1));
  return [owner.slice(0, at), Number.isInteger(pid) ? pid : undefined];
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
