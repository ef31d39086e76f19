import type { BigCommerceCredentials } from '../store/connections.ts';

/** Bad usage or configuration: the CLI exits with 2 and this message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ImonggoLogin {
  accountId: string;
  apiToken?: string | undefined;
  email?: string | undefined;
  password?: string | undefined;
}

export interface EnvironmentSettings {
  imonggo: ImonggoLogin;
  bigcommerce: BigCommerceCredentials;
  imonggoBaseUrl?: string | undefined;
  bigcommerceBaseUrl?: string | undefined;
}

const value = (env: NodeJS.ProcessEnv, name: string) => env[name]?.trim() || undefined;

/**
 * Reads the credentials from the environment. Each message names the variable and the side, and
 * never repeats a value.
 */
export function readEnvironment(env: NodeJS.ProcessEnv): EnvironmentSettings {
  const accountId = value(env, 'IMONGGO_ACCOUNT_ID');
  if (!accountId)
    throw new UsageError('Imonggo: set IMONGGO_ACCOUNT_ID to your Imonggo account id');

  const apiToken = value(env, 'IMONGGO_API_TOKEN');
  const email = value(env, 'IMONGGO_EMAIL');
  const password = env.IMONGGO_PASSWORD || undefined;
  if (!apiToken && !(email && password)) {
    throw new UsageError(
      `Imonggo: set IMONGGO_API_TOKEN, or IMONGGO_EMAIL and IMONGGO_PASSWORD (missing: ${
        email ? 'IMONGGO_PASSWORD' : password ? 'IMONGGO_EMAIL' : 'both'
      })`,
    );
  }

  return {
    imonggo: { accountId, apiToken, email, password },
    bigcommerce: readBigCommerce(env),
    imonggoBaseUrl: readUrl(env, 'IMONGGO_BASE_URL', 'Imonggo'),
    bigcommerceBaseUrl: readUrl(env, 'BIGCOMMERCE_BASE_URL', 'BigCommerce'),
  };
}

function readBigCommerce(env: NodeJS.ProcessEnv): BigCommerceCredentials {
  const storeHash = value(env, 'BIGCOMMERCE_STORE_HASH');
  const accessToken = value(env, 'BIGCOMMERCE_ACCESS_TOKEN');
  const storeDomain = value(env, 'BIGCOMMERCE_STORE');
  const username = value(env, 'BIGCOMMERCE_USERNAME');
  const legacyToken = value(env, 'BIGCOMMERCE_API_TOKEN');

  if (storeHash || accessToken) {
    if (!storeHash) throw new UsageError('BigCommerce: BIGCOMMERCE_STORE_HASH is not set');
    if (!accessToken) throw new UsageError('BigCommerce: BIGCOMMERCE_ACCESS_TOKEN is not set');
    return { kind: 'oauth', storeHash, accessToken };
  }

  if (storeDomain || username || legacyToken) {
    const missing = [
      ['BIGCOMMERCE_STORE', storeDomain],
      ['BIGCOMMERCE_USERNAME', username],
      ['BIGCOMMERCE_API_TOKEN', legacyToken],
    ].filter(([, given]) => !given);
    if (missing.length > 0) {
      throw new UsageError(`BigCommerce: ${missing.map(([name]) => name).join(', ')} not set`);
    }
    return {
      kind: 'legacy',
      storeDomain: storeDomain ?? '',
      username: username ?? '',
      apiToken: legacyToken ?? '',
    };
  }

  throw new UsageError(
    'BigCommerce: set BIGCOMMERCE_STORE_HASH and BIGCOMMERCE_ACCESS_TOKEN (API account), or ' +
      'BIGCOMMERCE_STORE, BIGCOMMERCE_USERNAME and BIGCOMMERCE_API_TOKEN (legacy account)',
  );
}

function readUrl(env: NodeJS.ProcessEnv, name: string, side: string): string | undefined {
  const url = value(env, name);
  if (!url) return undefined;
  try {
    const parsed = new URL(url.replace(/\{account_id\}/g, 'x'));
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new UsageError(`${side}: ${name} must be an http(s) URL`);
  }
  return url;
}
