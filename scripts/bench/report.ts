import type { RunFigures } from './measure.ts';

function mark(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

function pad(text: string | number, width: number): string {
  return String(text).padStart(width);
}

function runText(run: RunFigures): string[] {
  const lines = [
    `== ${run.name} (${run.status}; ${Object.entries(run.outcomes)
      .filter(([, count]) => count > 0)
      .map(([outcome, count]) => `${count} ${outcome}`)
      .join(', ')})`,
    `   ${'calls'.padStart(7)} ${'minimal'.padStart(7)}  endpoint`,
    ...run.endpoints.map(
      (row) =>
        `   ${pad(row.calls, 7)} ${pad(row.minimal, 7)}  ${row.endpoint}` +
        (row.calls > row.minimal ? `  (+${row.calls - row.minimal})` : ''),
    ),
    `   ${pad(run.calls, 7)} ${pad(run.minimalCalls, 7)}  total (imonggo ${run.callsBySide.imonggo}` +
      ` / ${run.minimalBySide.imonggo}, bigcommerce ${run.callsBySide.bigcommerce}` +
      ` / ${run.minimalBySide.bigcommerce})`,
    `   minimal calls: ${run.minimalFormula}`,
    `   floor ${run.floorSeconds.toFixed(3)} s (quota ${run.quotaFloorSeconds.toFixed(3)} s, ` +
      `latency ${run.latencyFloorSeconds.toFixed(3)} s) → bound: ${run.bound}; ` +
      `floor of the calls made ${run.floorOfActualCallsSeconds.toFixed(3)} s`,
    `   wall ${run.wallSeconds.toFixed(3)} s, ratio ${run.ratio.toFixed(2)} (${mark(run.met.wall)}); ` +
      `calls ×${run.callRatio.toFixed(3)} of minimal (${mark(run.met.calls)})`,
    `   time in plan ${run.phases.plan.toFixed(3)} s, apply ${run.phases.apply.toFixed(3)} s, ` +
      `recover ${run.phases.recover.toFixed(3)} s, commit ${run.phases.commit.toFixed(3)} s, ` +
      `runner ${run.phases.runner.toFixed(3)} s`,
    `   peak RSS ${run.peakRssMb.toFixed(1)} MB (${mark(run.met.memory)}), heap ` +
      `${run.peakHeapMb.toFixed(1)} MB; ` +
      `429 answers ${run.rateLimited} (${mark(run.met.noRateLimit)}); other errors ${run.errors}; ` +
      `retries ${run.retries}; write calls ${run.writes}`,
  ];
  return lines;
}

/** The human-readable report: one block per run. */
export function formatText(header: Record<string, string | number>, runs: RunFigures[]): string {
  const head = Object.entries(header).map(([key, value]) => `${key}: ${value}`);
  return [...head, '', ...runs.flatMap((run) => [...runText(run), ''])].join('\n');
}
