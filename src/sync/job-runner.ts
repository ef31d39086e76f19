import { EventEmitter } from 'node:events';
import type { Logger } from 'pino';
import { RunInProgressError } from '../store/runs.ts';
import type { SyncContext } from './context.ts';
import type { JobOptions } from './job.ts';
import { jobFactories, type WritingJobName } from './jobs.ts';
import type { RunReport } from './report.ts';
import { runJob, type Progress } from './runner.ts';

export interface StartRequest extends JobOptions {
  job: WritingJobName;
  dryRun?: boolean;
}

export interface StartedRun {
  runId: string;
  /** True when another run of this connection was already going and this request joined it. */
  joined: boolean;
}

/**
 * How the faces of BIN (CLI, web app) start runs and follow them. The embedded default runs them
 * in this process; a later worker pool (pg-boss) implements the same interface, which is why the
 * lock and the run records live in the database and never in this object.
 */
export interface JobRunner {
  start(context: SyncContext, request: StartRequest): Promise<StartedRun>;
  /** The latest progress of a run this runner is working on, if any. */
  progress(runId: string): Progress | undefined;
  /** Calls `listener` on each progress of the run until it ends; returns an unsubscribe. */
  follow(runId: string, listener: (event: RunEvent) => void): () => void;
  /** Resolves when the run ends (immediately if this runner is not working on it). */
  finished(runId: string): Promise<RunReport | undefined>;
}

export type RunEvent =
  | { type: 'progress'; progress: Progress }
  | { type: 'finished'; report: RunReport }
  | { type: 'failed'; message: string };

interface ActiveRun {
  connectionId: string;
  dryRun: boolean;
  progress: Progress;
  done: Promise<RunReport | undefined>;
}

/** Runs jobs in this process, in the background, and tells followers how they go. */
export class InProcessJobRunner implements JobRunner {
  readonly #events = new EventEmitter();
  readonly #active = new Map<string, ActiveRun>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
    this.#events.setMaxListeners(0);
  }

  async start(context: SyncContext, request: StartRequest): Promise<StartedRun> {
    const running = this.#runningFor(context.connectionId);
    if (running && !request.dryRun) return { runId: running, joined: true };

    let resolveStarted!: (runId: string) => void;
    const started = new Promise<string>((resolve) => (resolveStarted = resolve));
    let runId: string | undefined;

    const done = runJob(context, jobFactories[request.job](), {
      ...request,
      onProgress: (progress) => {
        if (runId === undefined) {
          runId = progress.runId;
          this.#active.set(runId, {
            connectionId: context.connectionId,
            dryRun: request.dryRun ?? false,
            progress,
            done,
          });
          resolveStarted(runId);
        }
        const active = this.#active.get(progress.runId);
        if (active) active.progress = progress;
        this.#events.emit(progress.runId, { type: 'progress', progress } satisfies RunEvent);
      },
    }).then(
      (report) => {
        this.#active.delete(report.runId);
        this.#events.emit(report.runId, { type: 'finished', report } satisfies RunEvent);
        if (runId === undefined) resolveStarted(report.runId);
        return report;
      },
      (error: unknown) => {
        if (runId !== undefined) {
          this.#active.delete(runId);
          const message = error instanceof Error ? error.message : String(error);
          this.#events.emit(runId, { type: 'failed', message } satisfies RunEvent);
          this.#logger.error({ err: error, runId }, 'background run failed');
          return undefined;
        }
        throw error;
      },
    );

    // A run that fails before its first progress (lock taken, credentials refused) fails the
    // start itself, so the caller can say why; a run held by another process is joined.
    try {
      return {
        runId: await Promise.race([started, done.then((r) => r?.runId ?? '')]),
        joined: false,
      };
    } catch (error) {
      if (error instanceof RunInProgressError) return { runId: error.runId, joined: true };
      throw error;
    }
  }

  progress(runId: string): Progress | undefined {
    return this.#active.get(runId)?.progress;
  }

  follow(runId: string, listener: (event: RunEvent) => void): () => void {
    this.#events.on(runId, listener);
    return () => this.#events.off(runId, listener);
  }

  async finished(runId: string): Promise<RunReport | undefined> {
    return this.#active.get(runId)?.done;
  }

  #runningFor(connectionId: string): string | undefined {
    for (const [runId, run] of this.#active) {
      if (run.connectionId === connectionId && !run.dryRun) return runId;
    }
    return undefined;
  }
}
