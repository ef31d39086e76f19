import { performance } from 'node:perf_hooks';
import type { Job } from '../../src/sync/job.ts';

/** Seconds a run spent in each step of its job; the runner's own work is the rest of the wall. */
export interface PhaseTimes {
  recover: number;
  plan: number;
  apply: number;
  commit: number;
}

async function timed<T>(times: PhaseTimes, phase: keyof PhaseTimes, work: () => Promise<T>) {
  const started = performance.now();
  try {
    return await work();
  } finally {
    times[phase] += (performance.now() - started) / 1000;
  }
}

/**
 * The same job, with each of its steps timed into `times`, so a missed target shows where. What is
 * not a step (the name, `independentChunks`) is kept as it is: the runner applies chunks of a job
 * differently by it, and a bench that lost it would time a slower job than the CLI runs.
 */
export function timedJob<Payload>(job: Job<Payload>, times: PhaseTimes): Job<Payload> {
  const wrapped: Job<Payload> = {
    ...job,
    plan: (ctx, options) => timed(times, 'plan', () => job.plan(ctx, options)),
    apply: (ctx, items, reporter) => timed(times, 'apply', () => job.apply(ctx, items, reporter)),
  };
  if (job.recover) {
    wrapped.recover = (ctx) => timed(times, 'recover', () => job.recover!(ctx));
  }
  if (job.commit) {
    wrapped.commit = (ctx) => timed(times, 'commit', () => job.commit!(ctx));
  }
  if (job.planChunks) {
    const chunks = job.planChunks.bind(job);
    // Chunks are applied while the next is read, so plan and apply times overlap here.
    wrapped.planChunks = async function* (ctx, options) {
      const iterator = chunks(ctx, options)[Symbol.asyncIterator]();
      for (;;) {
        const next = await timed(times, 'plan', () => iterator.next());
        if (next.done) return;
        yield next.value;
      }
    };
  }
  return wrapped;
}
