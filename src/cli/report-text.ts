import { planActions } from '../sync/plan.ts';
import type { RunReport } from '../sync/report.ts';

const jobTitles: Record<string, string> = {
  products: 'Post products',
  'customers-post': 'Post customers',
  'customers-update': 'Update customers',
  'invoices-pull': 'Pull invoices',
};

/** The end-of-run summary for a terminal: a table of actions by outcome, notes, then failures. */
export function formatReport(report: RunReport): string {
  const title = jobTitles[report.job] ?? report.job;
  const mode = report.dryRun ? 'preview, nothing written' : report.status;
  const lines = [`${title}: ${mode} (run ${report.runId.slice(0, 8)})`, ''];

  const header = ['action', 'records', 'done', 'failed', 'skipped'];
  const rows = planActions
    .filter((action) => report.counts.actions[action] > 0)
    .map((action) => {
      const items = report.items.filter((item) => item.action === action);
      const count = (outcome: string) => items.filter((item) => item.outcome === outcome).length;
      return [action, items.length, count('done'), count('failed'), count('skipped')].map(String);
    });
  lines.push(...table([header, ...rows]), '');

  for (const note of report.notes) lines.push(note);

  const failed = report.items.filter((item) => item.outcome === 'failed');
  if (failed.length > 0) {
    lines.push('', `Failed (${failed.length}):`);
    for (const item of failed.slice(0, 50)) {
      lines.push(`  ${item.key}  ${item.label}: ${item.error ?? item.reason}`);
    }
    if (failed.length > 50) lines.push(`  … and ${failed.length - 50} more (use --json for all)`);
  }
  return lines.join('\n');
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  return rows.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths?.[column] ?? 0) : cell.padStart(widths?.[column] ?? 0),
      )
      .join('  '),
  );
}
