import { PerformanceObserver } from 'node:perf_hooks';

/**
 * Adds up the time the garbage collector paused the process while a run worked. The emulators
 * share the process, so their garbage (and what earlier runs left behind) is collected on the
 * run's time too: this says how much of a small run's wall time was that.
 */
export class GcTimer {
  #milliseconds = 0;
  #count = 0;
  readonly #observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      this.#milliseconds += entry.duration;
      this.#count += 1;
    }
  });

  start(): void {
    this.#observer.observe({ entryTypes: ['gc'] });
  }

  /** Stops observing; pauses reported so far, in milliseconds, and how many. */
  stop(): { gcMs: number; gcPauses: number } {
    for (const entry of this.#observer.takeRecords()) {
      this.#milliseconds += entry.duration;
      this.#count += 1;
    }
    this.#observer.disconnect();
    return { gcMs: this.#milliseconds, gcPauses: this.#count };
  }
}
