import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Enough for eight processes to load tsx on a busy CI machine; a late one simply starts at once.
const startDelayMs = 4000;

/**
 * Starts `count` Node processes, each evaluating the same ES module source with tsx, and gives
 * back what each printed. Several processes are the only honest way to test what two CLI runs or
 * the web app beside a CLI run do to shared files: one thread cannot interleave SQLite locks or
 * file creation. Loading tsx takes a second or more and varies, so each process waits for a
 * common start time before running the source; without it the first often finishes before the
 * last has started, and a race the test is about never happens.
 */
export async function runProcessesAtOnce(
  count: number,
  source: string,
  env: NodeJS.ProcessEnv,
): Promise<{ outputs: string[]; failures: string[] }> {
  const startAt = Date.now() + startDelayMs;
  const synchronised = `
    await new Promise((resolve) => setTimeout(resolve, ${startAt} - Date.now()));
    ${source}
  `;

  const outcomes = await Promise.allSettled(
    Array.from({ length: count }, () =>
      run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', synchronised], {
        env: { ...process.env, ...env },
      }),
    ),
  );

  return {
    outputs: outcomes.flatMap((outcome) =>
      outcome.status === 'fulfilled' ? [outcome.value.stdout] : [],
    ),
    failures: outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [String((outcome.reason as Error).message)] : [],
    ),
  };
}
