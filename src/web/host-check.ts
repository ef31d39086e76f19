import { isIP } from 'node:net';

/**
 * Hosts BIN may contact beyond the public ones, from BIN_ALLOWED_HOSTS: `host` or `host:port`,
 * comma-separated. A bare host allows every port of it.
 */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
}

export type DomainCheck = { ok: true; domain: string } | { ok: false; problem: string };

const publicStoreHost =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:mybigcommerce|bigcommerce)\.com$/;

/**
 * Checks the Store ID of a legacy account (the store's domain) before anything is sent to it.
 * Only public BigCommerce hosts pass, unless the server was started with the host in its
 * allow-list; IP literals, localhost and any other name are refused, since the legacy API is
 * reached at `https://<Store ID>/api` and a typed address must not make BIN call into a private
 * network.
 */
export function checkStoreDomain(typed: string, allowed: readonly string[]): DomainCheck {
  const domain = typed
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');

  if (domain === '') return { ok: false, problem: 'enter your store domain' };
  if (allowed.includes(domain)) return { ok: true, domain };
  if (/[/?#@\\\s]/.test(domain)) {
    return { ok: false, problem: 'enter only the domain, like my-shop.mybigcommerce.com' };
  }
  if (isIpLiteral(domain) || isLocalName(domain)) {
    return { ok: false, problem: 'an IP address or local name is not a BigCommerce store domain' };
  }
  if (!publicStoreHost.test(domain)) {
    return {
      ok: false,
      problem: 'must be your store domain at BigCommerce, ending in .mybigcommerce.com',
    };
  }
  return { ok: true, domain };
}

/**
 * Checks a base URL from the environment (IMONGGO_BASE_URL, BIGCOMMERCE_BASE_URL) at startup:
 * its host must be in the allow-list or be a public host of that service over HTTPS.
 */
export function checkBaseUrl(
  url: string,
  publicSuffix: string,
  allowed: readonly string[],
): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{account_id\}/g, 'account'));
  } catch {
    return 'is not a URL';
  }

  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const hostAndPort = parsed.port === '' ? host : `${host}:${parsed.port}`;
  if (allowed.includes(hostAndPort) || allowed.includes(host)) return undefined;
  if (parsed.protocol !== 'https:') return 'must use https unless its host is in BIN_ALLOWED_HOSTS';
  if (isIpLiteral(host) || isLocalName(host) || !host.endsWith(publicSuffix)) {
    return `must be a host under ${publicSuffix} unless it is in BIN_ALLOWED_HOSTS`;
  }
  return undefined;
}

/** Letters, digits, - and _: what Imonggo account ids are made of, and safe in a host name. */
export function isImonggoAccountId(value: string): boolean {
  return /^[a-z0-9][a-z0-9_-]{0,62}$/i.test(value);
}

/** Letters and digits: a BigCommerce store hash, which goes into the API path. */
export function isStoreHash(value: string): boolean {
  return /^[a-z0-9]{1,64}$/i.test(value);
}

function isIpLiteral(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  // Also the forms URL parsers accept as IPv4 (decimal, hex, octal, fewer dots).
  return isIP(bare) !== 0 || /^(?:0x[0-9a-f]+|\d+)(?:\.(?:0x[0-9a-f]+|\d+)){0,3}$/i.test(bare);
}

function isLocalName(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal') ||
    !host.includes('.')
  );
}
