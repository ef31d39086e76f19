import type { QuotaReading } from '../http/account-gate.ts';
import type { ApiDialect, TransportResponse } from '../http/transport.ts';
import { authHeaders, storeHostHeaders, type BigCommerceCredentials } from './credentials.ts';

/**
 * A 422 that says an email address is taken. BigCommerce documents no body for a duplicate
 * customer email (v2 or v3), so this matches the wording loosely: an "email" key or word together
 * with a uniqueness word. A false negative only turns a conflict into a validation error.
 */
const emailField = /e-?mail/i;
const takenWords = /already|exists|in use|taken|duplicate|unique/i;

/** BigCommerce's quirks for the shared transport. */
export function bigCommerceDialect(
  credentials: BigCommerceCredentials,
  origin?: string,
): ApiDialect {
  const headers = { ...authHeaders(credentials), ...storeHostHeaders(credentials, origin) };

  return {
    side: 'bigcommerce',
    authHeaders: () => headers,
    readErrorBody,
    // 509 "Bandwidth Limit Exceeded" is how the hourly limit of legacy (Basic) accounts answers.
    rateLimitStatuses: credentials.kind === 'legacy' ? [429, 509] : [429],
    isDuplicate: (status, message) =>
      status === 422 && message !== undefined && isEmailTaken(message),
    readQuota,
    readRetryAfterMs,
  };
}

function isEmailTaken(message: string): boolean {
  return emailField.test(message) && takenWords.test(message);
}

/**
 * v2 answers errors as an array of `{status, message}`; v3 as `{status, title, errors}` where
 * `errors` maps a field to its message. A 401 may also come as plain text.
 */
export function readErrorBody(response: TransportResponse): {
  message?: string | undefined;
  fieldErrors?: Record<string, string> | undefined;
} {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    const text = response.text.trim();
    return text !== '' && text.length <= 200 ? { message: text } : {};
  }

  if (Array.isArray(body)) return readV2Errors(body);
  if (isRecord(body)) return readV3Error(body);
  return {};
}

function readV2Errors(items: unknown[]): { message?: string } {
  const messages = items
    .map((item) => (isRecord(item) && typeof item.message === 'string' ? item.message : undefined))
    .filter((message): message is string => message !== undefined && message !== '');

  return messages.length > 0 ? { message: messages.join('; ') } : {};
}

function readV3Error(body: Record<string, unknown>): {
  message?: string | undefined;
  fieldErrors?: Record<string, string> | undefined;
} {
  const title = firstString(body.title, body.message, body.detail);
  const fieldErrors: Record<string, string> = {};

  if (isRecord(body.errors)) {
    for (const [field, value] of Object.entries(body.errors)) {
      const text = describe(value);
      if (text !== '') fieldErrors[field] = text;
    }
  }

  // The title alone is often generic ("Create customers failed."); the field messages carry the
  // reason, and the duplicate-email check needs to see them.
  const details = Object.entries(fieldErrors).map(([field, text]) => `${field}: ${text}`);
  const message = [title, ...details].filter((part) => part !== undefined).join('; ');

  return {
    message: message === '' ? undefined : message,
    fieldErrors: details.length > 0 ? fieldErrors : undefined,
  };
}

/** The quota BigCommerce reports on every OAuth answer; the gate paces with it. */
export function readQuota(headers: Headers): QuotaReading | undefined {
  const left = readNumber(headers, 'X-Rate-Limit-Requests-Left');
  const resetMs = readNumber(headers, 'X-Rate-Limit-Time-Reset-Ms');
  if (left === undefined || resetMs === undefined) return undefined;

  return { left, resetMs, quota: readNumber(headers, 'X-Rate-Limit-Requests-Quota') };
}

/** The reset time in milliseconds, else `X-Retry-After`, which is in seconds. */
export function readRetryAfterMs(headers: Headers): number | undefined {
  const resetMs = readNumber(headers, 'X-Rate-Limit-Time-Reset-Ms');
  if (resetMs !== undefined) return resetMs;

  const seconds = readNumber(headers, 'X-Retry-After');
  return seconds === undefined ? undefined : Math.ceil(seconds * 1000);
}

function readNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;

  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(describe).filter(Boolean).join(', ');
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value !== '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
