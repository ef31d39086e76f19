import type { ItemOutcome, Run, RunItem, RunStatus } from '../store/schema.ts';
import { planActions, type JobName, type PlanAction } from './plan.ts';

export interface ReportItem {
  seq: number;
  entity: string;
  key: string;
  label: string;
  imonggoId: string | null;
  bigcommerceId: string | null;
  action: PlanAction;
  outcome: ItemOutcome;
  reason: string;
  error: string | null;
}

export interface ReportCounts {
  actions: Record<PlanAction, number>;
  outcomes: Record<ItemOutcome, number>;
}

/** The machine-readable account of one run (the CLI's `--json`, the web app's results page). */
export interface RunReport {
  runId: string;
  job: JobName;
  dryRun: boolean;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  notes: string[];
  error: string | null;
  counts: ReportCounts;
  items: ReportItem[];
}

const outcomes: readonly ItemOutcome[] = ['planned', 'done', 'failed', 'skipped'];

export function countItems(
  items: readonly { action: PlanAction; outcome: ItemOutcome }[],
): ReportCounts {
  const counts: ReportCounts = {
    actions: Object.fromEntries(planActions.map((a) => [a, 0])) as Record<PlanAction, number>,
    outcomes: Object.fromEntries(outcomes.map((o) => [o, 0])) as Record<ItemOutcome, number>,
  };
  for (const item of items) {
    counts.actions[item.action] += 1;
    counts.outcomes[item.outcome] += 1;
  }
  return counts;
}

export function buildReport(run: Run, rows: readonly RunItem[], notes: string[]): RunReport {
  const items: ReportItem[] = rows.map((row) => ({
    seq: row.seq,
    entity: row.entity,
    key: row.natural_key,
    label: row.label,
    imonggoId: row.imonggo_id,
    bigcommerceId: row.bigcommerce_id,
    action: row.action as PlanAction,
    outcome: row.outcome,
    reason: row.reason,
    error: row.error,
  }));

  return {
    runId: run.id,
    job: run.job as JobName,
    dryRun: run.dry_run === 1,
    status: run.status,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    notes,
    error: run.error,
    counts: countItems(items),
    items,
  };
}
