import type { LoginFailureRepository } from '../store/login-failures.ts';

export interface ThrottleOptions {
  failures: LoginFailureRepository;
  now: () => number;
  limit: number;
  windowMs: number;
}

/**
 * Login throttling per client address and per Imonggo account: after `limit` failures within the
 * window, logins for that subject wait until the oldest of them leaves the window. The failures
 * are kept in the database so that every process serving BIN counts the same ones.
 */
export class LoginThrottle {
  readonly #options: ThrottleOptions;

  constructor(options: ThrottleOptions) {
    this.#options = options;
  }

  /** When the first blocked subject may try again, or undefined when none is blocked. */
  async blockedUntil(subjects: readonly string[]): Promise<Date | undefined> {
    const { now, windowMs, limit, failures } = this.#options;
    const since = new Date(now() - windowMs).toISOString();
    let until: number | undefined;

    for (const subject of subjects) {
      const times = await failures.since(subject, since);
      if (times.length < limit) continue;
      const oldestCounted = times[times.length - limit];
      if (oldestCounted === undefined) continue;
      const free = Date.parse(oldestCounted) + windowMs;
      until = until === undefined ? free : Math.max(until, free);
    }
    return until === undefined ? undefined : new Date(until);
  }

  async failed(subjects: readonly string[]): Promise<void> {
    const { now, windowMs, failures } = this.#options;
    await failures.prune(new Date(now() - windowMs).toISOString());
    await failures.record(subjects, new Date(now()).toISOString());
  }

  async succeeded(subject: string): Promise<void> {
    await this.#options.failures.clear(subject);
  }
}

export function loginSubjects(address: string, accountId: string): string[] {
  return [`ip:${address}`, `account:${accountId.toLowerCase()}`];
}
