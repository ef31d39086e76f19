import type { NewRunItem, RunStatus } from '../store/schema.ts';
import type { SyncContext } from './context.ts';
import { ChunkApplier } from './applier.ts';
import type { Job, JobOptions } from './job.ts';
import { writesAnything, type Plan, type PlanItem } from './plan.ts';
import { buildReport, type RunReport } from './report.ts';

export interface Progress {
  runId: string;
  job: string;
  /** Reading both sides and deciding, then writing. */
  phase: 'planning' | 'applying';
  total: number;
  done: number;
  failed: number;
  current: string | null;
}

export interface RunJobOptions extends JobOptions {
  dryRun?: boolean;
  onProgress?: (progress: Progress) => void;
  /** How often a working run renews its lease in the database. */
  heartbeatMs?: number;
}

/**
 * Runs one job for one connection: takes the connection's lock (unless it only previews), plans,
 * records the plan, applies it item by item, and returns the report. Every item's outcome is
 * written as soon as it is known, so a killed run leaves an exact account of what it did.
 */
export async function runJob<Payload>(
  ctx: SyncContext,
  job: Job<Payload>,
  options: RunJobOptions = {},
): Promise<RunReport> {
  const dryRun = options.dryRun ?? false;
  const run = await ctx.runs.start({
    connectionId: ctx.connectionId,
    job: job.name,
    dryRun,
    options: { tags: options.tags ?? [], full: options.full ?? false, only: options.only ?? null },
  });
  const logger = ctx.logger.child({ runId: run.id, job: job.name });
  const heartbeat = setInterval(() => {
    ctx.runs.heartbeat(run.id).catch((error: unknown) => {
      logger.warn({ err: error }, 'could not renew the run lease');
    });
  }, options.heartbeatMs ?? 5_000);
  heartbeat.unref();

  logger.info({ dryRun }, 'run started');
  options.onProgress?.({
    runId: run.id,
    job: job.name,
    phase: 'planning',
    total: 0,
    done: 0,
    failed: 0,
    current: null,
  });
  const notes: string[] = [];
  try {
    if (!dryRun && job.recover) await job.recover(ctx);

    const applier = dryRun ? undefined : new ChunkApplier(ctx, job, run.id, options.onProgress);
    const rejected = await recordPlan(ctx, job, run.id, options, notes, applier);
    const failures = rejected + (applier ? await applier.finished() : 0);
    if (!dryRun && failures === 0 && !options.only && job.commit) await job.commit(ctx);

    const status: RunStatus = failures > 0 ? 'partial' : 'succeeded';
    const report = await finish(ctx, run.id, status, notes);
    logger.info({ status, counts: report.counts.outcomes }, 'run finished');
    return report;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ err: error }, 'run failed');
    await finish(ctx, run.id, 'failed', notes, message);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Plans (in one piece or in chunks), numbers and records every item, and hands the writing ones
 * to the applier as each chunk arrives. Returns how many items the plan refused outright.
 */
async function recordPlan<Payload>(
  ctx: SyncContext,
  job: Job<Payload>,
  runId: string,
  options: RunJobOptions,
  notes: string[],
  applier: ChunkApplier<Payload> | undefined,
): Promise<number> {
  const chunks = job.planChunks ? job.planChunks(ctx, options) : oneChunk(job.plan(ctx, options));
  const only = options.only ? new Set(options.only) : undefined;
  const kept = new Set<string>();
  let seq = 0;
  let rejected = 0;

  for await (const chunk of chunks) {
    applier?.throwIfStopped();

    const items = chunk.items
      .filter((item) => !only || only.has(item.key))
      .map((item) => ({ ...item, seq: (seq += 1) }));
    notes.push(...chunk.notes);
    for (const item of items) kept.add(item.key);

    await ctx.runs.addItems(items.map((item) => toRow(runId, item)));
    rejected += items.filter((item) => item.action === 'reject').length;
    applier?.add(items.filter((item) => writesAnything(item.action)));
  }

  const missing = (options.only ?? []).filter((key) => !kept.has(key));
  if (missing.length > 0) notes.push(`Not found this time, so not retried: ${missing.join(', ')}.`);
  return rejected;
}

async function* oneChunk<Payload>(plan: Promise<Plan<Payload>>): AsyncGenerator<Plan<Payload>> {
  yield await plan;
}

function toRow(runId: string, item: PlanItem): NewRunItem {
  return {
    run_id: runId,
    seq: item.seq,
    entity: item.entity,
    natural_key: item.key,
    label: item.label,
    imonggo_id: item.imonggoId,
    bigcommerce_id: item.bigcommerceId,
    action: item.action,
    reason: item.reason,
    outcome: item.action === 'skip' ? 'skipped' : item.action === 'reject' ? 'failed' : 'planned',
    error: item.action === 'reject' ? item.reason : null,
    started_at: null,
    finished_at: null,
  };
}

async function finish(
  ctx: SyncContext,
  runId: string,
  status: RunStatus,
  notes: string[],
  error?: string,
): Promise<RunReport> {
  const items = await ctx.runs.items(runId);
  const draft = await ctx.runs.get(runId);
  if (!draft) throw new Error(`run ${runId} disappeared`);

  const counts = buildReport(draft, items, notes).counts;
  await ctx.runs.finish(runId, { status, counts: { ...counts, notes }, error });

  const finished = await ctx.runs.get(runId);
  return buildReport(finished ?? draft, items, notes);
}
