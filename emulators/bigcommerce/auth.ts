import type { StoreRecord } from './records.ts';
import type { World } from './world.ts';

/** The store a current-API request names in its path, if its `X-Auth-Token` opens it. */
export function authorizeCurrent(
  world: World,
  storeHash: string,
  token: string | undefined,
): StoreRecord | undefined {
  const store = world.stores.get(storeHash);
  if (!store || token === undefined || !safeEqual(token, store.access_token)) return undefined;
  return store;
}

/**
 * The store a legacy `/api/v2` request is for. On the real service the store is the host the
 * request was sent to. A client pointed at `http://127.0.0.1:4102` cannot send a store's Host, so
 * when the Host matches no store's `domain` we pick the store whose legacy username the Basic
 * credentials carry: our emulator's own choice, needed to serve several stores on one port.
 */
export function findLegacyStore(
  world: World,
  host: string | undefined,
  authorization: string | undefined,
): StoreRecord | undefined {
  for (const store of world.stores.values()) {
    if (servesHost(store, host ?? '')) return store;
  }

  const username = readBasic(authorization)?.username;
  if (username === undefined) return undefined;
  for (const store of world.stores.values()) {
    if (store.legacy?.username === username) return store;
  }
  return undefined;
}

export function legacyCredentialsMatch(
  store: StoreRecord,
  authorization: string | undefined,
): boolean {
  const given = readBasic(authorization);
  if (!given || !store.legacy) return false;
  return (
    safeEqual(given.username, store.legacy.username) &&
    safeEqual(given.password, store.legacy.api_token)
  );
}

function readBasic(
  authorization: string | undefined,
): { username: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;

  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** Every store answers on its domain and on its permanent host, store-{hash}.mybigcommerce.com. */
export function servesHost(store: StoreRecord, host: string): boolean {
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  return store.domain === hostname || hostname === `store-${store.store_hash}.mybigcommerce.com`;
}
