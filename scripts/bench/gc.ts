import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

/** Milliseconds of the collector's events in a run, by the kind of work V8 reports. */
export interface GcByKind {
  /** Scavenges of the young generation. */
  minor: number;
  /** Full mark-compact collections: their cost grows with the whole heap. */
  major: number;
  /** Steps of incremental marking, the lead-up to a major collection. */
  incremental: number;
  weakCallbacks: number;
}

const kinds: ReadonlyMap<number, keyof GcByKind> = new Map([
  [constants.NODE_PERFORMANCE_GC_MINOR, 'minor'],
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'major'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'weakCallbacks'],
]);

/**
 * Adds up the garbage collector's work while a run worked, as V8 reports it: its events include
 * incremental marking done in steps between tasks and weak-callback processing, so the sum can
 * exceed the run's wall time and is not all pause. The emulators share the process, so their
 * garbage (and what earlier runs left behind) is collected during the run too: this says when a
 * slow small run was busy collecting, and whether it was the young generation or the whole heap.
 */
export class GcTimer {
  #milliseconds = 0;
  #count = 0;
  readonly #byKind: GcByKind = { minor: 0, major: 0, incremental: 0, weakCallbacks: 0 };
  readonly #observer = new PerformanceObserver((list) => this.#add(list.getEntries()));

  start(): void {
    this.#observer.observe({ entryTypes: ['gc'] });
  }

  /** Stops observing; milliseconds of the events reported so far, how many, and by kind. */
  stop(): { gcMs: number; gcPauses: number; gcMsByKind: GcByKind } {
    this.#add(this.#observer.takeRecords());
    this.#observer.disconnect();
    return { gcMs: this.#milliseconds, gcPauses: this.#count, gcMsByKind: { ...this.#byKind } };
  }

  #add(entries: readonly PerformanceEntry[]): void {
    for (const entry of entries) {
      this.#milliseconds += entry.duration;
      this.#count += 1;
      const { detail } = entry as { detail?: { kind?: number } | null };
      const kind = kinds.get(detail?.kind ?? -1);
      if (kind) this.#byKind[kind] += entry.duration;
    }
  }
}
