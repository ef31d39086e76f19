import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

/**
 * Adds up the garbage collector's work while a run worked, as V8 reports it: its events include
 * incremental marking done in steps between tasks and weak-callback processing, so the sum can
 * exceed the run's wall time and is not all pause. The emulators share the process, so their
 * garbage (and what earlier runs left behind) is collected during the run too: this says when a
 * slow small run was busy collecting.
 */
export class GcTimer {
  #milliseconds = 0;
  #count = 0;
  readonly #observer = new PerformanceObserver((list) => this.#add(list.getEntries()));

  start(): void {
    this.#observer.observe({ entryTypes: ['gc'] });
  }

  /** Stops observing; milliseconds of the events reported so far, and how many there were. */
  stop(): { gcMs: number; gcPauses: number } {
    this.#add(this.#observer.takeRecords());
    this.#observer.disconnect();
    return { gcMs: this.#milliseconds, gcPauses: this.#count };
  }

  #add(entries: readonly PerformanceEntry[]): void {
    for (const entry of entries) {
      this.#milliseconds += entry.duration;
      this.#count += 1;
    }
  }
}
