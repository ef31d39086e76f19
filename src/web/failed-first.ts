import type { ReportItem } from '../sync/report.ts';

const outcomeRank: Record<ReportItem['outcome'], number> = {
  failed: 0,
  planned: 1,
  done: 2,
  skipped: 3,
};

/**
 * A run's records as the results page and its CSV list them: failed ones first, since those are
 * what a merchant opens the results for, then in plan order.
 */
export function failedFirst(items: readonly ReportItem[]): ReportItem[] {
  return [...items].sort(
    (a, b) => outcomeRank[a.outcome] - outcomeRank[b.outcome] || a.seq - b.seq,
  );
}
