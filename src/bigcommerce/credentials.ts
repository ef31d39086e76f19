/** The two kinds of BigCommerce API account a merchant may hold. */
export type BigCommerceCredentials =
  | {
      /** The store's own domain with an HTTP Basic "legacy API account" (the user guide's). */
      kind: 'legacy';
      storeDomain: string;
      username: string;
      apiToken: string;
    }
  | {
      /** A store-level API account: store hash plus access token. */
      kind: 'oauth';
      storeHash: string;
      accessToken: string;
    };

const defaultOrigin = 'https://api.bigcommerce.com';

/** The store this account belongs to, as the gate registry names it. */
export function storeKey(credentials: BigCommerceCredentials): string {
  return credentials.kind === 'oauth' ? credentials.storeHash : credentials.storeDomain;
}

/**
 * Where the version folders (`/v2`, `/v3`) live. `origin` replaces only the scheme and host, so an
 * emulator on loopback is reached with the same paths as the real API.
 */
export function apiRoot(credentials: BigCommerceCredentials, origin?: string): string {
  const trimmed = origin?.replace(/\/+$/, '');

  if (credentials.kind === 'oauth') {
    const base = trimmed ?? defaultOrigin;
    return `${base}/stores/${encodeURIComponent(credentials.storeHash)}`;
  }

  const base = trimmed ?? `https://${credentials.storeDomain}`;
  return `${base}/api`;
}

/** The headers that prove who we are; never logged. */
export function authHeaders(credentials: BigCommerceCredentials): Record<string, string> {
  if (credentials.kind === 'oauth') {
    return { 'X-Auth-Token': credentials.accessToken, Accept: 'application/json' };
  }

  const pair = `${credentials.username}:${credentials.apiToken}`;
  return {
    Authorization: `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`,
    Accept: 'application/json',
  };
}

/**
 * With a legacy account the store is the host the request goes to. When `origin` sends the
 * requests elsewhere (an emulator, a proxy), the store's domain travels in X-Forwarded-Host instead,
 * so that a mistyped domain is still refused there rather than silently reaching another store.
 */
export function storeHostHeaders(
  credentials: BigCommerceCredentials,
  origin: string | undefined,
): Record<string, string> {
  if (credentials.kind !== 'legacy' || origin === undefined) return {};
  return { 'X-Forwarded-Host': credentials.storeDomain };
}
