import { performance } from 'node:perf_hooks';
import type { Job } from '../../src/sync/job.ts';
import { runJob } from '../../src/sync/runner.ts';
import { countCalls, type CallCount, type Side } from './calls.ts';
import { floorOf, type Bound, type FloorParameters } from './floor.ts';
import { GcTimer, type GcByKind } from './gc.ts';
import { megabyte, RssSampler } from './memory.ts';
import { timedJob, type PhaseTimes } from './phases.ts';
import type { MinimalCalls } from './minimal.ts';
import type { BenchWorld } from './world.ts';

/** Targets of the issue: wall time against the floor, calls against the minimum, memory. */
export const targets = {
  quotaRatio: 1.15,
  latencyRatio: 1.5,
  callRatio: 1.05,
  peakRssMb: 256,
} as const;

export interface EndpointFigure {
  endpoint: string;
  calls: number;
  minimal: number;
}

export interface RunFigures {
  name: string;
  bound: Bound;
  calls: number;
  minimalCalls: number;
  /** Floor of the minimal calls: what the job could take at best. */
  floorSeconds: number;
  wallSeconds: number;
  ratio: number;
  peakRssMb: number;
  /** Peak of the JavaScript heap, emulators included. */
  peakHeapMb: number;
  /** What the process held when the run started, after the earlier runs' garbage was collected. */
  startRssMb: number;
  startHeapMb: number;
  /** Milliseconds of garbage-collection events during the run, emulators included (see GcTimer). */
  gcMs: number;
  gcPauses: number;
  /** `gcMs` split by the kind of work: young generation, whole heap, incremental marking. */
  gcMsByKind: GcByKind;
  /**
   * Seconds to close the run's database connection after the run, outside the wall time as a CLI
   * process's exit is: SQLite then moves the run's writes from its log into the file.
   */
  closeSeconds: number;
  /** Seconds per job step; `runner` is the rest (lock, run records, report). */
  phases: PhaseTimes & { runner: number };
  callRatio: number;
  quotaFloorSeconds: number;
  latencyFloorSeconds: number;
  /** Floor of the calls the run actually made: how well those were paced. */
  floorOfActualCallsSeconds: number;
  callsBySide: Record<Side, number>;
  minimalBySide: Record<Side, number>;
  endpoints: EndpointFigure[];
  minimalFormula: string;
  writes: number;
  rateLimited: number;
  errors: number;
  retries: number;
  status: string;
  outcomes: Record<string, number>;
  actions: Record<string, number>;
  met: { wall: boolean; calls: boolean; noRateLimit: boolean; memory: boolean };
}

function endpointFigures(count: CallCount, minimal: MinimalCalls): EndpointFigure[] {
  const names = new Set([...Object.keys(count.byEndpoint), ...Object.keys(minimal.byEndpoint)]);
  return [...names].map((endpoint) => ({
    endpoint,
    calls: count.byEndpoint[endpoint] ?? 0,
    minimal: minimal.byEndpoint[endpoint] ?? 0,
  }));
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function roundPhases(phases: PhaseTimes, wallSeconds: number): PhaseTimes & { runner: number } {
  const inJob = phases.recover + phases.plan + phases.apply + phases.commit;
  return {
    recover: round(phases.recover, 3),
    plan: round(phases.plan, 3),
    apply: round(phases.apply, 3),
    commit: round(phases.commit, 3),
    runner: round(wallSeconds - inJob, 3),
  };
}

/** How long the collector's own follow-up work (sweeping, freeing pages) gets after `gc()`. */
const settleMs = 250;

/**
 * Collects the garbage that earlier runs and the bench's own setup left, when the process allows
 * it (`node --expose-gc`, as `npm run bench` starts it), then waits for the collector to finish in
 * the background, and says what the process holds then. A CLI run starts in a new process with
 * none of that garbage; without this, a small run at 20,000 products paid for collecting what the
 * first sync left, and the pull's peak included the store dump the bench made to add its orders.
 * Without the pause, the forced collection's sweeping ran during the next run instead (a run with
 * nothing changed took 44 ms instead of 30 in a scratch measurement).
 */
async function settleHeap(): Promise<{ startRssMb: number; startHeapMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const usage = process.memoryUsage();
  return { startRssMb: usage.rss / megabyte, startHeapMb: usage.heapUsed / megabyte };
}

/**
 * Runs one job the way a fresh CLI process would (new context, new gates, fresh quota windows)
 * and measures it against the emulators' request logs.
 */
export async function measureRun<Payload>(
  world: BenchWorld,
  name: string,
  job: Job<Payload>,
  minimal: MinimalCalls,
  parameters: FloorParameters,
): Promise<RunFigures> {
  world.resetFaults();
  world.imonggo.requests.clear();
  world.bigcommerce.requests.clear();
  Object.assign(world.warnings, { retries: 0, rateLimited: 0, other: 0 });
  const { ctx, close } = await world.context();
  const start = await settleHeap();

  const sampler = new RssSampler();
  const gc = new GcTimer();
  sampler.start();
  gc.start();
  const started = performance.now();
  const phases: PhaseTimes = { recover: 0, plan: 0, apply: 0, commit: 0 };
  const report = await runJob(ctx, timedJob(job, phases));
  const wallSeconds = (performance.now() - started) / 1000;
  const { peakRssMb, peakHeapMb } = sampler.stop();
  const { gcMs, gcPauses, gcMsByKind } = gc.stop();
  const closing = performance.now();
  await close();
  const closeSeconds = (performance.now() - closing) / 1000;

  const count = countCalls({
    imonggo: world.imonggo.requests.list(),
    bigcommerce: world.bigcommerce.requests.list(),
  });
  const floor = floorOf(minimal.bySide, parameters);
  const actualFloor = floorOf(count.bySide, parameters);
  const ratio = wallSeconds / floor.seconds;
  const callRatio = count.total / Math.max(1, minimal.total);
  const wallTarget = floor.bound === 'quota' ? targets.quotaRatio : targets.latencyRatio;

  return {
    name,
    bound: floor.bound,
    calls: count.total,
    minimalCalls: minimal.total,
    floorSeconds: round(floor.seconds, 3),
    wallSeconds: round(wallSeconds, 3),
    ratio: round(ratio, 2),
    peakRssMb: round(peakRssMb, 1),
    peakHeapMb: round(peakHeapMb, 1),
    startRssMb: round(start.startRssMb, 1),
    startHeapMb: round(start.startHeapMb, 1),
    gcMs: round(gcMs, 1),
    gcPauses,
    gcMsByKind: {
      minor: round(gcMsByKind.minor, 1),
      major: round(gcMsByKind.major, 1),
      incremental: round(gcMsByKind.incremental, 1),
      weakCallbacks: round(gcMsByKind.weakCallbacks, 1),
    },
    closeSeconds: round(closeSeconds, 3),
    phases: roundPhases(phases, wallSeconds),
    callRatio: round(callRatio, 3),
    quotaFloorSeconds: round(floor.quotaSeconds, 3),
    latencyFloorSeconds: round(floor.latencySeconds, 3),
    floorOfActualCallsSeconds: round(actualFloor.seconds, 3),
    callsBySide: count.bySide,
    minimalBySide: minimal.bySide,
    endpoints: endpointFigures(count, minimal),
    minimalFormula: minimal.formula,
    writes: count.writes,
    rateLimited: count.rateLimited,
    errors: count.errors,
    retries: world.warnings.retries,
    status: report.status,
    outcomes: report.counts.outcomes,
    actions: report.counts.actions,
    met: {
      wall: ratio <= wallTarget,
      calls: callRatio <= targets.callRatio,
      noRateLimit: count.rateLimited === 0,
      memory: peakRssMb < targets.peakRssMb,
    },
  };
}
