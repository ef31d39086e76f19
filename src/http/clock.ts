import { setTimeout as delay } from 'node:timers/promises';

/**
 * Time as the clients and the engine see it. Tests inject a clock that records waits instead of
 * sleeping, so a 30-second rate-limit reset is checked in milliseconds.
 */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    if (ms <= 0) return;
    await delay(ms, undefined, signal ? { signal } : undefined);
  },
};
