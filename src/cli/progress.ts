import cliProgress from 'cli-progress';
import type { Progress } from '../sync/runner.ts';

export interface ProgressView {
  update(progress: Progress): void;
  stop(): void;
}

/**
 * A progress bar on a terminal; on anything else (a pipe, a CI log) one plain line per tenth of
 * the work, so logs stay readable.
 */
export function progressView(stream: NodeJS.WriteStream): ProgressView {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: ' {bar} {value}/{total} | failed {failed} | {current}',
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(progress) {
        if (progress.phase === 'planning') return;
        const fields = { failed: progress.failed, current: progress.current ?? '' };
        if (!started) {
          bar.start(progress.total, progress.done, fields);
          started = true;
        }
        bar.setTotal(progress.total);
        bar.update(progress.done, fields);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }

  let lastTenth = -1;
  return {
    update(progress) {
      if (progress.total === 0) return;
      const tenth = Math.floor((progress.done / progress.total) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${progress.done}/${progress.total} done, ${progress.failed} failed\n`);
    },
    stop: () => undefined,
  };
}
