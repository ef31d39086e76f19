export const megabyte = 1024 * 1024;

/**
 * Samples the process's resident set every `everyMs` while a run works. The emulators live in the
 * same process, so the figure includes their state: it is an upper bound of what BIN itself needs.
 */
export class RssSampler {
  #peak = 0;
  #peakHeap = 0;
  #timer: NodeJS.Timeout | undefined;

  start(everyMs = 50): void {
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), everyMs);
  }

  /** Stops sampling; the peaks in megabytes. */
  stop(): { peakRssMb: number; peakHeapMb: number } {
    clearInterval(this.#timer);
    this.#sample();
    return { peakRssMb: this.#peak / megabyte, peakHeapMb: this.#peakHeap / megabyte };
  }

  #sample(): void {
    const usage = process.memoryUsage();
    this.#peak = Math.max(this.#peak, usage.rss);
    this.#peakHeap = Math.max(this.#peakHeap, usage.heapUsed);
  }
}
