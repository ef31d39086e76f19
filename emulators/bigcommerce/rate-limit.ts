import type { QuotaReading } from '../common/faults.ts';
import { jsonResponse, STATUS_CODES_TYPE, v2Error } from './errors.ts';

/**
 * The four quota headers the current API sends on every answer. Without a quota fault the emulator
 * acts like a store on the Unlimited Rate Plan, which the rate-limit page says has no request
 * limit; such stores send no quota headers, so clients must cope with their absence.
 */
export function setQuotaHeaders(headers: Headers, quota: QuotaReading): void {
  headers.set('X-Rate-Limit-Time-Window-Ms', String(quota.windowMs));
  headers.set('X-Rate-Limit-Time-Reset-Ms', String(quota.resetMs));
  headers.set('X-Rate-Limit-Requests-Quota', String(quota.quota));
  headers.set('X-Rate-Limit-Requests-Left', String(Math.max(0, quota.left)));
}

/** 429 of the current API; `X-Retry-After` is whole seconds, rounded up so a client never waits short. */
export function tooManyRequests(quota: QuotaReading): Response {
  const response = jsonResponse(
    { status: 429, title: 'Too many requests', type: STATUS_CODES_TYPE, errors: {} },
    429,
  );
  setQuotaHeaders(response.headers, quota);
  response.headers.set('X-Retry-After', String(Math.ceil(quota.resetMs / 1000)));
  return response;
}

/**
 * Legacy accounts count against an hourly allowance and see only what is left of it. The
 * emulator maps the configured quota window onto that allowance.
 */
export function setLegacyQuotaHeader(headers: Headers, quota: QuotaReading): void {
  headers.set('X-BC-ApiLimit-Remaining', String(Math.max(0, quota.left)));
}

export function bandwidthLimitExceeded(quota: QuotaReading): Response {
  const response = v2Error(509, 'The requests-per-hour limit has been reached.');
  setLegacyQuotaHeader(response.headers, quota);
  return response;
}
