import pRetry from 'p-retry';
import type { Logger } from 'pino';
import type { AccountGate, QuotaReading } from './account-gate.ts';
import type { Clock } from './clock.ts';
import {
  AuthenticationError,
  ConflictError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  RemoteError,
  RemoteFailureError,
  ValidationError,
  excerpt,
  type RemoteErrorDetails,
  type Side,
} from './errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface TransportRequest {
  method: HttpMethod;
  /** Path below the base URL, starting with "/". */
  path: string;
  query?: Record<string, string | number | boolean | undefined> | undefined;
  headers?: Record<string, string> | undefined;
  body?: string | undefined;
  /**
   * Whether repeating the request cannot add a second record. Defaults to true for GET, PUT and
   * DELETE and false for POST: a POST is repeated only when it certainly did not arrive.
   */
  idempotent?: boolean | undefined;
  /** Sent without the account's credentials (Imonggo's token exchange). */
  anonymous?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

export interface TransportResponse {
  method: HttpMethod;
  /** The URL path that was requested, without the query. */
  path: string;
  status: number;
  headers: Headers;
  text: string;
}

/** What one remote API adds to the common transport: its credentials, error bodies and quotas. */
export interface ApiDialect {
  side: Side;
  authHeaders(): Record<string, string>;
  /** The remote's own message and field errors from an error body, when it has them. */
  readErrorBody(response: TransportResponse): {
    message?: string | undefined;
    fieldErrors?: Record<string, string> | undefined;
  };
  /** Statuses with which this remote says "too many requests" (and did not process the request). */
  rateLimitStatuses: readonly number[];
  /** Whether a validation answer actually reports a duplicate of a unique value. */
  isDuplicate(status: number, message: string | undefined): boolean;
  /** The quota an answer reports in its headers, if the remote reports one. */
  readQuota(headers: Headers): QuotaReading | undefined;
  /** How long a rate-limited answer asks us to wait, if it says. */
  readRetryAfterMs(headers: Headers): number | undefined;
}

export interface TransportOptions {
  baseUrl: string;
  dialect: ApiDialect;
  fetch: typeof fetch;
  logger: Logger;
  clock: Clock;
  gate: AccountGate;
  /** Per attempt. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt, for answers worth repeating. */
  retries?: number | undefined;
  /** First backoff delay; it doubles with each retry, with jitter. */
  backoffMs?: number | undefined;
  maxBackoffMs?: number | undefined;
}

const connectionNeverOpened = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Sends requests to one remote account: through the account's gate, with a timeout per attempt,
 * bounded retries with backoff and jitter, and typed errors. Shared by both API clients.
 */
export class HttpTransport {
  readonly #options: Required<TransportOptions>;

  constructor(options: TransportOptions) {
    this.#options = {
      ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: options.retries ?? 4,
      backoffMs: options.backoffMs ?? 500,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
    };
  }

  get side(): Side {
    return this.#options.dialect.side;
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const { retries, backoffMs, maxBackoffMs, logger, gate } = this.#options;
    const idempotent = request.idempotent ?? request.method !== 'POST';

    return pRetry(() => gate.run(() => this.#attempt(request)), {
      retries,
      minTimeout: backoffMs,
      maxTimeout: maxBackoffMs,
      factor: 2,
      randomize: true,
      signal: request.signal,
      shouldRetry: ({ error }) => isWorthRepeating(error, idempotent),
      onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
        if (!(error instanceof RemoteError) || !isWorthRepeating(error, idempotent)) return;
        if (retriesLeft === 0) return;
        logger.warn(
          {
            side: error.side,
            method: error.method,
            path: error.path,
            status: error.status,
            kind: error.kind,
            attempt: attemptNumber,
            retriesLeft,
          },
          'remote request failed, retrying',
        );
      },
    });
  }

  async #attempt(request: TransportRequest): Promise<TransportResponse> {
    const { dialect, logger, clock, gate } = this.#options;
    const url = this.#url(request);
    const started = clock.now();
    const where = { side: dialect.side, method: request.method, path: url.pathname } as const;

    let response: Response;
    let text: string;
    const deadline = attemptDeadline(request.signal, this.#options.timeoutMs);
    try {
      response = await this.#options.fetch(url, {
        method: request.method,
        headers: {
          ...(request.anonymous ? {} : dialect.authHeaders()),
          ...request.headers,
        },
        body: request.body,
        signal: deadline.signal,
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      request.signal?.throwIfAborted();
      throw toNetworkError(error, where);
    } finally {
      deadline.clear();
    }

    logger.debug(
      { ...where, status: response.status, ms: clock.now() - started },
      'remote request',
    );

    const quota = dialect.readQuota(response.headers);
    if (quota) gate.observeQuota(quota);

    const result = { ...where, status: response.status, headers: response.headers, text };
    if (response.status >= 200 && response.status < 300) return result;

    const error = this.#toError(result, where);
    if (error instanceof RateLimitedError) {
      const waitMs = error.retryAfterMs ?? this.#options.backoffMs;
      if (error.retryAfterMs !== undefined) gate.exhaust(waitMs);
      else gate.pause(waitMs);
      logger.warn({ ...where, status: response.status, waitMs }, 'rate limited by the remote');
    }
    throw error;
  }

  #url(request: TransportRequest): URL {
    const url = new URL(this.#options.baseUrl + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  #toError(
    response: TransportResponse,
    where: { side: Side; method: string; path: string },
  ): RemoteError {
    const { dialect } = this.#options;
    const remote = looksLikeHtml(response) ? {} : dialect.readErrorBody(response);
    const details: RemoteErrorDetails = {
      ...where,
      status: response.status,
      remoteMessage: remote.message,
      fieldErrors: remote.fieldErrors,
      bodyExcerpt: excerpt(response.text),
    };
    const status = response.status;

    if (dialect.rateLimitStatuses.includes(status)) {
      return new RateLimitedError({
        ...details,
        retryAfterMs: dialect.readRetryAfterMs(response.headers),
      });
    }
    if (status === 401 || status === 403) return new AuthenticationError(details);
    if (status === 404) return new NotFoundError(details);
    if (status === 409 || dialect.isDuplicate(status, remote.message)) {
      return new ConflictError(details);
    }
    if (status === 400 || status === 413 || status === 422) return new ValidationError(details);
    // A 5xx or a status the API does not use: the write may have landed before it failed.
    return new RemoteFailureError({ ...details, mayHaveArrived: where.method !== 'GET' });
  }
}

/** A retry is worth it for transient trouble, and for a POST only if it certainly never landed. */
function isWorthRepeating(error: unknown, idempotent: boolean): boolean {
  if (!(error instanceof RemoteError) || !error.transient) return false;
  return idempotent || !error.mayHaveArrived;
}

/**
 * The signal of one attempt: aborted by its timeout or by the caller, and released as soon as the
 * attempt ends. `AbortSignal.timeout` keeps its timer for the whole timeout even after the answer
 * came, and `AbortSignal.any` leaves a listener and weak references on the caller's signal: at
 * 20,000 requests a run held tens of thousands of each (about 10 MB in a heap snapshot of a first
 * sync). The abort reason is the same `TimeoutError` that `AbortSignal.timeout` gives.
 */
function attemptDeadline(
  caller: AbortSignal | undefined,
  timeoutMs: number,
): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, timeoutMs);
  const onCallerAbort = () => controller.abort(caller?.reason);

  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });

  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}

function toNetworkError(
  error: unknown,
  where: { side: Side; method: string; path: string },
): NetworkError {
  const timedOut = error instanceof Error && error.name === 'TimeoutError';
  const code = networkCode(error);
  const neverSent = code !== undefined && connectionNeverOpened.has(code);
  const reason = timedOut
    ? 'timeout'
    : (code ?? (error instanceof Error ? error.message : 'error'));

  return new NetworkError({
    ...where,
    timedOut,
    remoteMessage: reason,
    mayHaveArrived: !neverSent && where.method !== 'GET',
    cause: error,
  });
}

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

function looksLikeHtml(response: TransportResponse): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.includes('text/html') || /^\s*<(!doctype|html)/i.test(response.text);
}

/**
 * Raised by the clients when a successful answer is not what the API promises. Kept here so both
 * clients word it the same way.
 */
export function malformed(
  side: Side,
  response: TransportResponse,
  problem: { field?: string; expected?: string; cause?: unknown },
): MalformedResponseError {
  return new MalformedResponseError({
    side,
    method: response.method,
    path: response.path,
    status: response.status,
    bodyExcerpt: excerpt(response.text),
    field: problem.field,
    expected: problem.expected,
    cause: problem.cause,
  });
}
