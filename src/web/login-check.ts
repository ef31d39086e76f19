import type { Logger } from 'pino';
import {
  AuthenticationError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  RemoteError,
} from '../http/errors.ts';
import { systemClock, type Clock } from '../http/clock.ts';
import { ImonggoClient } from '../imonggo/client.ts';
import type { ConnectionCredentials } from '../store/connections.ts';
import { bigcommerceClientFor, type RemoteOptions } from '../sync/connect.ts';
import type { FieldError, LoginInput } from './login-form.ts';

export type LiveCheck =
  | { ok: true; credentials: ConnectionCredentials }
  | { ok: false; errors: FieldError[]; refused: boolean };

/**
 * Checks both sets of credentials against the services: the Imonggo email and password obtain
 * the API token (the password goes no further), and a list of order statuses proves the store
 * account works whatever its kind. `refused` tells a wrong credential from an outage, since only
 * the former counts towards throttling.
 */
export async function checkLive(
  input: LoginInput,
  remote: RemoteOptions,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<LiveCheck> {
  let apiToken: string;
  try {
    apiToken = await ImonggoClient.exchangeToken({
      accountId: input.credentials.imonggo.accountId,
      email: input.email,
      password: input.password,
      baseUrl: remote.imonggoBaseUrl,
      fetch: remote.imonggoFetch,
      logger,
      clock,
      timeoutMs: remote.timeoutMs ?? 15_000,
      retries: 1,
      backoffMs: remote.backoffMs,
    });
  } catch (error) {
    return imonggoFailure(error, logger);
  }

  const credentials: ConnectionCredentials = {
    imonggo: { accountId: input.credentials.imonggo.accountId, apiToken },
    bigcommerce: input.credentials.bigcommerce,
  };
  try {
    const client = bigcommerceClientFor(
      credentials.bigcommerce,
      { ...remote, retries: 1, timeoutMs: remote.timeoutMs ?? 15_000 },
      logger,
      clock,
    );
    await client.listOrderStatuses();
  } catch (error) {
    return bigcommerceFailure(error, credentials.bigcommerce.kind, logger);
  }
  return { ok: true, credentials };
}

function imonggoFailure(error: unknown, logger: Logger): LiveCheck {
  logFailure(logger, 'imonggo', error);
  if (error instanceof AuthenticationError) {
    return {
      ok: false,
      refused: true,
      errors: [
        {
          field: 'password',
          message:
            'Imonggo refused this Account ID, Email and Password; check all three and try again',
        },
      ],
    };
  }
  return { ok: false, refused: false, errors: [{ field: 'account_id', message: outage(error) }] };
}

function bigcommerceFailure(error: unknown, kind: 'legacy' | 'oauth', logger: Logger): LiveCheck {
  logFailure(logger, 'bigcommerce', error);
  const storeField = kind === 'legacy' ? 'store_id' : 'store_hash';
  if (error instanceof AuthenticationError) {
    return {
      ok: false,
      refused: true,
      errors:
        kind === 'legacy'
          ? [{ field: 'api_token', message: 'the store refused this Username and API Token' }]
          : [{ field: 'access_token', message: 'the store refused this access token' }],
    };
  }
  if (error instanceof NotFoundError) {
    return {
      ok: false,
      refused: true,
      errors: [{ field: storeField, message: 'no BigCommerce store answers at this address' }],
    };
  }
  return { ok: false, refused: false, errors: [{ field: storeField, message: outage(error) }] };
}

function outage(error: unknown): string {
  if (error instanceof RateLimitedError) return 'the service is busy; try again in a minute';
  if (error instanceof NetworkError) return 'the service could not be reached; try again later';
  return 'the service answered with an error; try again later';
}

/** Only the kind and status: a remote message could echo what was typed. */
function logFailure(logger: Logger, side: string, error: unknown): void {
  if (error instanceof RemoteError) {
    logger.info({ side, kind: error.kind, status: error.status }, 'login check refused');
  } else {
    logger.warn(
      { side, error: error instanceof Error ? error.name : 'unknown' },
      'login check failed',
    );
  }
}
