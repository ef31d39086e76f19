import PQueue from 'p-queue';
import type { Clock } from './clock.ts';

/** What a remote said about its request quota in one answer. */
export interface QuotaReading {
  /** Requests still allowed in the current window. */
  left: number;
  /** Size of the window's quota, when the remote says it. */
  quota?: number | undefined;
  /** Milliseconds until the window refreshes. */
  resetMs: number;
}

export interface AccountGateOptions {
  /** Requests in flight at once against this account. */
  concurrency: number;
  clock: Clock;
}

/**
 * The door every request to one remote account goes through: it bounds the requests in flight and
 * paces them by the quota the remote reports, so the client slows down before the remote answers
 * 429 instead of after. One gate is shared by everything that talks to the same account (see
 * `GateRegistry`), because the remote's quota is per account, not per caller.
 */
export class AccountGate {
  readonly #queue: PQueue;
  readonly #clock: Clock;
  #inFlight = 0;
  #left: number | undefined;
  #quota: number | undefined;
  #resetAt: number | undefined;
  #pausedUntil = 0;

  constructor(options: AccountGateOptions) {
    this.#queue = new PQueue({ concurrency: options.concurrency });
    this.#clock = options.clock;
  }

  get concurrency(): number {
    return this.#queue.concurrency;
  }

  /** Runs one request when a slot is free and the quota allows it. */
  run<T>(request: () => Promise<T>): Promise<T> {
    return this.#queue.add(async () => {
      await this.#waitForQuota();
      this.#inFlight += 1;
      try {
        return await request();
      } finally {
        this.#inFlight -= 1;
      }
    });
  }

  /**
   * Records the quota an answer reported. Requests still in flight may or may not have been
   * counted by the remote when it wrote this answer; assuming they were not keeps us on the safe
   * side of the quota at the price of pausing a few requests early.
   */
  observeQuota(reading: QuotaReading): void {
    const othersInFlight = Math.max(0, this.#inFlight - 1);
    this.#left = reading.left - othersInFlight;
    this.#quota = reading.quota ?? this.#quota;
    this.#resetAt = this.#clock.now() + reading.resetMs;
  }

  /** Holds every request of this account for `ms`, after a rate-limited or overloaded answer. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + ms);
  }

  /** Marks the quota as spent until the window refreshes in `resetMs`. */
  exhaust(resetMs: number): void {
    this.#left = 0;
    this.#resetAt = this.#clock.now() + resetMs;
  }

  async #waitForQuota(): Promise<void> {
    for (;;) {
      const now = this.#clock.now();

      if (now < this.#pausedUntil) {
        await this.#clock.sleep(this.#pausedUntil - now);
        continue;
      }

      if (this.#left !== undefined && this.#left <= 0) {
        if (this.#resetAt !== undefined && now < this.#resetAt) {
          await this.#clock.sleep(this.#resetAt - now);
          continue;
        }
        // The window has refreshed. Without a known quota, let requests through one answer at a
        // time: each answer reports the new count.
        this.#left = this.#quota;
        this.#resetAt = undefined;
      }

      break;
    }

    if (this.#left !== undefined) this.#left -= 1;
  }
}

/**
 * Gates by remote account ("imonggo:acme", "bigcommerce:abc123"). Clients built for the same
 * account from anywhere in the process get the same gate, so their requests share one limit.
 */
export class GateRegistry {
  readonly #gates = new Map<string, AccountGate>();

  get(key: string, create: () => AccountGate): AccountGate {
    let gate = this.#gates.get(key);
    if (!gate) {
      gate = create();
      this.#gates.set(key, gate);
    }
    return gate;
  }
}

/** The registry used when a client is not given one. */
export const sharedGates = new GateRegistry();
