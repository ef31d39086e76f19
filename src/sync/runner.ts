import type { NewRunItem, RunStatus } from '../store/schema.ts';
import type { SyncContext } from './context.ts';
import type { Job, JobOptions, ItemReporter } from './job.ts';
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
  const startedAt = new Date(ctx.clock.now());
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
  let notes: string[] = [];
  try {
    if (!dryRun && job.recover) await job.recover(ctx);

    const plan = keepOnly(await job.plan(ctx, options), options.only);
    notes = plan.notes;
    await ctx.runs.addItems(plan.items.map((item) => toRow(run.id, item)));

    let failures = plan.items.filter((item) => item.action === 'reject').length;
    if (!dryRun) {
      const writes = plan.items.filter((item) => writesAnything(item.action));
      failures += await applyItems(ctx, job, run.id, writes, options.onProgress);
      if (failures === 0 && !options.only && job.commit) await job.commit(ctx, plan, startedAt);
    }

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

async function applyItems<Payload>(
  ctx: SyncContext,
  job: Job<Payload>,
  runId: string,
  items: PlanItem<Payload>[],
  onProgress: ((progress: Progress) => void) | undefined,
): Promise<number> {
  const progress: Progress = {
    runId,
    job: job.name,
    phase: 'applying',
    total: items.length,
    done: 0,
    failed: 0,
    current: null,
  };
  // Outcome writes are chained so that they land in order and none is lost when apply returns.
  let writes = Promise.resolve();
  const record = (write: () => Promise<void>) => {
    writes = writes.then(write);
  };
  const startedAt = new Map<number, string>();

  const reporter: ItemReporter = {
    started(item) {
      startedAt.set(item.seq, new Date(ctx.clock.now()).toISOString());
      progress.current = item.label;
      onProgress?.({ ...progress });
    },
    done(item, ids) {
      progress.done += 1;
      record(() =>
        ctx.runs.setItemOutcome(runId, item.seq, {
          outcome: 'done',
          started_at: startedAt.get(item.seq) ?? new Date(ctx.clock.now()).toISOString(),
          ...(ids?.imonggoId ? { imonggo_id: ids.imonggoId } : {}),
          ...(ids?.bigcommerceId ? { bigcommerce_id: ids.bigcommerceId } : {}),
        }),
      );
      onProgress?.({ ...progress });
    },
    failed(item, reason) {
      progress.done += 1;
      progress.failed += 1;
      ctx.logger.warn({ key: item.key, reason }, 'item failed');
      record(() =>
        ctx.runs.setItemOutcome(runId, item.seq, {
          outcome: 'failed',
          error: reason,
          started_at: startedAt.get(item.seq) ?? new Date(ctx.clock.now()).toISOString(),
        }),
      );
      onProgress?.({ ...progress });
    },
  };

  onProgress?.({ ...progress });
  try {
    await job.apply(ctx, items, reporter);
  } finally {
    await writes;
  }
  return progress.failed;
}

/** A plan cut down to the records asked for, renumbered, saying what it left out. */
function keepOnly<Payload>(plan: Plan<Payload>, only: string[] | undefined): Plan<Payload> {
  if (!only) return plan;
  const wanted = new Set(only);
  const items = plan.items
    .filter((item) => wanted.has(item.key))
    .map((item, index) => ({ ...item, seq: index + 1 }));
  const missing = only.filter((key) => !items.some((item) => item.key === key));
  const notes = [...plan.notes];
  if (missing.length > 0) {
    notes.push(`Not found this time, so not retried: ${missing.join(', ')}.`);
  }
  return { ...plan, items, notes };
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
