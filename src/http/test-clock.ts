import type { Clock } from './clock.ts';

/**
 * A clock for tests: `sleep` records the wait and moves time forward at once, so a test can assert
 * that a client waited exactly what the remote asked without spending that time.
 */
export class RecordingClock implements Clock {
  #now: number;
  readonly sleeps: number[] = [];

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.#now += Math.max(0, ms);
    return Promise.resolve();
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
