import { z } from 'zod';

/**
 * Faults an emulator injects into its API answers, set through `PUT /__admin/faults`.
 * Every key is optional; an empty object means a healthy service.
 */
export const faultsSchema = z
  .object({
    latency_ms: z.number().int().min(0).max(60_000).optional(),
    quota: z
      .object({
        requests: z.number().int().min(1),
        window_ms: z.number().int().min(1),
      })
      .strict()
      .optional(),
    error_rate: z.number().min(0).max(1).optional(),
    error_status: z.number().int().min(500).max(599).optional(),
    reset_rate: z.number().min(0).max(1).optional(),
  })
  .strict();

export type Faults = z.infer<typeof faultsSchema>;

/** The quota bookkeeping of one key (a store or an account) in the current window. */
export interface QuotaReading {
  quota: number;
  windowMs: number;
  left: number;
  resetMs: number;
}

export type FaultDecision =
  | { kind: 'pass'; quota?: QuotaReading }
  | { kind: 'rate_limited'; quota: QuotaReading }
  | { kind: 'error'; status: number; quota?: QuotaReading };

/**
 * Holds the fault settings of one emulator and decides, request by request, what to inject.
 *
 * The quota uses fixed windows per key, like BigCommerce's "quota refreshed every 30 s": the first
 * request of a key opens a window and every request inside it counts, rejected ones included. A
 * rejected request is not processed, so a client may repeat it safely.
 */
export class FaultInjector {
  #faults: Faults = {};
  #windows = new Map<string, { startedAt: number; used: number }>();
  readonly #random: () => number;
  readonly #now: () => number;

  constructor(options: { random?: () => number; now?: () => number } = {}) {
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
  }

  get faults(): Faults {
    return this.#faults;
  }

  set(faults: Faults): void {
    this.#faults = faults;
    this.#windows.clear();
  }

  clear(): void {
    this.set({});
  }

  get latencyMs(): number {
    return this.#faults.latency_ms ?? 0;
  }

  /** Decides the fate of one request of `key`; rate limiting is checked before random errors. */
  decide(key: string): FaultDecision {
    const quota = this.#countQuota(key);

    if (quota && quota.left < 0) {
      return { kind: 'rate_limited', quota: { ...quota, left: 0 } };
    }

    const errorRate = this.#faults.error_rate ?? 0;
    if (errorRate > 0 && this.#random() < errorRate) {
      return { kind: 'error', status: this.#faults.error_status ?? 503, quota };
    }

    return { kind: 'pass', quota };
  }

  /** Whether the connection of a request that was handled should be reset instead of answered. */
  shouldReset(): boolean {
    const rate = this.#faults.reset_rate ?? 0;
    return rate > 0 && this.#random() < rate;
  }

  #countQuota(key: string): QuotaReading | undefined {
    const quota = this.#faults.quota;
    if (!quota) return undefined;

    const now = this.#now();
    let window = this.#windows.get(key);
    if (!window || now - window.startedAt >= quota.window_ms) {
      window = { startedAt: now, used: 0 };
      this.#windows.set(key, window);
    }

    window.used += 1;
    return {
      quota: quota.requests,
      windowMs: quota.window_ms,
      left: quota.requests - window.used,
      resetMs: Math.max(0, window.startedAt + quota.window_ms - now),
    };
  }
}
