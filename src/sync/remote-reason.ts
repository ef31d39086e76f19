import { RemoteError, sideLabel } from '../http/errors.ts';

/**
 * A failure in words a merchant can act on: which side refused, and why, with the fields the
 * remote named. Never holds a credential (remote errors never do).
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof RemoteError)) {
    return error instanceof Error ? error.message : String(error);
  }

  const side = sideLabel[error.side];
  const fields = Object.entries(error.fieldErrors)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
  const remote = error.remoteMessage ?? '';
  const detail = [remote, fields].filter(Boolean).join(' — ');

  switch (error.kind) {
    case 'validation':
    case 'conflict':
      return `${side} refused it${detail ? `: ${detail}` : ''}`;
    case 'authentication':
      return `${side} refused BIN's credentials; log in again`;
    case 'not_found':
      return `not found on ${side}`;
    case 'rate_limited':
      return `${side} kept answering "too many requests"; it will be retried on the next run`;
    case 'remote_failure':
    case 'network':
    case 'malformed_response':
      return `${side} could not be reached reliably (${error.message}); it will be retried on the next run`;
  }
}
