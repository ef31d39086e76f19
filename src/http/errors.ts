/** Which remote system an error, a field or a record belongs to, in the merchant's words. */
export type Side = 'imonggo' | 'bigcommerce';

export const sideLabel: Record<Side, string> = {
  imonggo: 'Imonggo',
  bigcommerce: 'BigCommerce',
};

export type RemoteErrorKind =
  | 'authentication'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'rate_limited'
  | 'remote_failure'
  | 'network'
  | 'malformed_response';

export interface RemoteErrorDetails {
  side: Side;
  method: string;
  /** The request path without its query string, which may hold a password (Imonggo tokens). */
  path: string;
  status?: number | undefined;
  remoteMessage?: string | undefined;
  /** At most a few hundred characters of the answer, for diagnosis. Never holds a credential. */
  bodyExcerpt?: string | undefined;
  /** Field name to the remote's message about it, when the remote named fields. */
  fieldErrors?: Readonly<Record<string, string>> | undefined;
  /**
   * True when a write may have been applied although no success came back (timeout, reset, 5xx).
   * The caller must look the record up by its natural key before writing it again.
   */
  mayHaveArrived?: boolean | undefined;
  cause?: unknown;
}

/**
 * The one base class for every failure of a remote request. It carries data, not only a message:
 * the side, the request, the status, the remote message and the field errors.
 */
export class RemoteError extends Error {
  readonly kind: RemoteErrorKind;
  readonly side: Side;
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly remoteMessage: string | undefined;
  readonly bodyExcerpt: string | undefined;
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly mayHaveArrived: boolean;

  constructor(kind: RemoteErrorKind, summary: string, details: RemoteErrorDetails) {
    const where = `${sideLabel[details.side]} ${details.method} ${details.path}`;
    const status = details.status === undefined ? '' : ` (${details.status})`;
    const remote = details.remoteMessage ? `: ${details.remoteMessage}` : '';
    super(`${summary}${remote} [${where}${status}]`, { cause: details.cause });

    this.name = new.target.name;
    this.kind = kind;
    this.side = details.side;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.remoteMessage = details.remoteMessage;
    this.bodyExcerpt = details.bodyExcerpt;
    this.fieldErrors = details.fieldErrors ?? {};
    this.mayHaveArrived = details.mayHaveArrived ?? false;
  }

  /** Whether repeating the same request could succeed (rate limits, outages, network trouble). */
  get transient(): boolean {
    return (
      this.kind === 'rate_limited' || this.kind === 'remote_failure' || this.kind === 'network'
    );
  }
}

/** 401/403: the credentials were refused. Repeating will not help; the merchant must fix them. */
export class AuthenticationError extends RemoteError {
  constructor(details: RemoteErrorDetails) {
    super('authentication', 'credentials were refused', details);
  }
}

export class NotFoundError extends RemoteError {
  constructor(details: RemoteErrorDetails) {
    super('not_found', 'not found', details);
  }
}

/** 400/422 (and BigCommerce 413): the remote rejected the values; `fieldErrors` says which. */
export class ValidationError extends RemoteError {
  constructor(details: RemoteErrorDetails) {
    super('validation', 'rejected as invalid', details);
  }
}

/** 409, or a 422 that says a unique value is already taken: the record (probably) exists. */
export class ConflictError extends RemoteError {
  constructor(details: RemoteErrorDetails) {
    super('conflict', 'conflicts with an existing record', details);
  }
}

export class RateLimitedError extends RemoteError {
  /** How long the remote asked us to wait, when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(details: RemoteErrorDetails & { retryAfterMs?: number | undefined }) {
    super('rate_limited', 'rate limit reached', details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** 5xx, or an unexpected status. */
export class RemoteFailureError extends RemoteError {
  constructor(details: RemoteErrorDetails) {
    super('remote_failure', 'the service failed', details);
  }
}

/** No answer: refused or reset connection, DNS failure, or timeout. */
export class NetworkError extends RemoteError {
  readonly timedOut: boolean;

  constructor(details: RemoteErrorDetails & { timedOut: boolean }) {
    super('network', details.timedOut ? 'no answer in time' : 'could not be reached', details);
    this.timedOut = details.timedOut;
  }
}

/** An answer that is not what the API promises: an HTML page, truncated XML, a wrong type. */
export class MalformedResponseError extends RemoteError {
  readonly field: string | undefined;
  readonly expected: string | undefined;

  constructor(details: RemoteErrorDetails & { field?: string; expected?: string }) {
    super('malformed_response', describeMalformed(details.field, details.expected), details);
    this.field = details.field;
    this.expected = details.expected;
  }
}

function describeMalformed(field: string | undefined, expected: string | undefined): string {
  if (field === undefined)
    return expected ? `unreadable answer, expected ${expected}` : 'unreadable answer';
  return `unexpected answer: field "${field}" ${expected ? `should be ${expected}` : 'is invalid'}`;
}

const excerptLength = 300;

/** The first characters of a body, on one line, for error messages and logs. */
export function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > excerptLength ? `${flat.slice(0, excerptLength)}…` : flat;
}
