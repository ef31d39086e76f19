import type { Job } from '../../src/sync/job.ts';
import type { RemoteOptions } from '../../src/sync/connect.ts';
import type { RunReport } from '../../src/sync/report.ts';
import { runJob } from '../../src/sync/runner.ts';
import type { World } from './world.ts';

export interface RunsUntilClean {
  runs: number;
  last: RunReport | undefined;
  error?: unknown;
  /** Every run that finished, in order. */
  reports: RunReport[];
}

/**
 * Runs a job again until a run ends without failures (at most `limit` runs), as a merchant
 * would press the button again after a bad connection. A run that fails as a whole counts too.
 */
export async function runUntilClean<P>(
  world: World,
  makeJob: () => Job<P>,
  limit = 5,
  remote: Partial<RemoteOptions> = {},
): Promise<RunsUntilClean> {
  const reports: RunReport[] = [];
  let last: RunReport | undefined;
  let error: unknown;
  for (let runs = 1; runs <= limit; runs += 1) {
    try {
      last = await runJob(await world.context(remote), makeJob());
      reports.push(last);
      error = undefined;
      if (last.counts.outcomes.failed === 0) return { runs, last, reports };
    } catch (thrown) {
      last = undefined;
      error = thrown;
    }
  }
  return { runs: limit, last, error, reports };
}
