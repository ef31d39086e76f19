import type { Side } from './calls.ts';

export interface FloorParameters {
  latencyMs: number;
  /** Requests in flight at once per remote account (the clients' gate). */
  inFlight: number;
  quota: { requests: number; windowMs: number };
}

export type Bound = 'quota' | 'latency';

export interface Floor {
  quotaSeconds: number;
  latencySeconds: number;
  seconds: number;
  bound: Bound;
}

/**
 * The least time the store's quota allows for `calls` store requests. Windows are fixed and the
 * first request opens the first one, so k = ⌈calls/quota⌉ windows are needed and the last opens
 * (k−1) windows after the first. Inside it the r = calls − (k−1)·quota remaining requests go at
 * most `inFlight` at once, each taking the latency: ⌈r/inFlight⌉ rounds.
 */
export function quotaSeconds(calls: number, parameters: FloorParameters): number {
  if (calls === 0) return 0;
  const { requests, windowMs } = parameters.quota;
  const windows = Math.ceil(calls / requests);
  const inLastWindow = calls - (windows - 1) * requests;
  const lastRounds = Math.ceil(inLastWindow / parameters.inFlight);
  return ((windows - 1) * windowMs + lastRounds * parameters.latencyMs) / 1000;
}

/**
 * The least time the latency allows: each account takes ⌈calls/inFlight⌉ rounds of one latency.
 * The accounts are added, not overlapped, because every job reads one side before it writes the
 * other, so the two accounts' calls lie one after the other on the critical path.
 */
export function latencySeconds(calls: Record<Side, number>, parameters: FloorParameters): number {
  const rounds = (n: number) => Math.ceil(n / parameters.inFlight);
  return ((rounds(calls.imonggo) + rounds(calls.bigcommerce)) * parameters.latencyMs) / 1000;
}

export function floorOf(calls: Record<Side, number>, parameters: FloorParameters): Floor {
  const quota = quotaSeconds(calls.bigcommerce, parameters);
  const latency = latencySeconds(calls, parameters);
  return {
    quotaSeconds: quota,
    latencySeconds: latency,
    seconds: Math.max(quota, latency),
    bound: quota >= latency ? 'quota' : 'latency',
  };
}
