import type { MiddlewareHandler } from 'hono';
import type { FaultInjector } from '../common/faults.ts';
import { authorizeCurrent, findLegacyStore, legacyCredentialsMatch, servesHost } from './auth.ts';
import {
  failureMessage,
  styledError,
  v2Error,
  v2NotFound,
  v3Error,
  type ApiStyle,
} from './errors.ts';
import {
  bandwidthLimitExceeded,
  setLegacyQuotaHeader,
  setQuotaHeaders,
  tooManyRequests,
} from './rate-limit.ts';
import type { BcEnv, World } from './world.ts';

/**
 * The v3 401 body. The specs disagree (plain text in the catalog spec, `{code, message}` in
 * customers, `{status, title, type}` in webhooks); we answer the webhooks spec's shape because it
 * is the v3 error object every other failure uses, so a client reads all of them one way. The
 * token is checked by the shared gateway before the v2 or v3 application is reached, so v2 paths of
 * the current API get the same body.
 */
const currentUnauthorized = () =>
  v3Error(
    401,
    'Unauthorized - the v3 Auth client ID or token in the request are not a valid combination for this store.',
  );

const legacyUnauthorized = () => v2Error(401, 'No credentials were supplied in the request.');

/** Latency, quota and injected errors, then `X-Auth-Token`, for `/stores/{store_hash}/...`. */
export function currentApiGate(world: World, faults: FaultInjector): MiddlewareHandler<BcEnv> {
  return async (c, next) => {
    const storeHash = c.req.param('store_hash') ?? '';
    const style: ApiStyle = c.req.path.split('/')[3] === 'v3' ? 'v3' : 'v2';
    c.set('style', style);

    await sleep(faults.latencyMs);

    const decision = faults.decide(storeHash);
    if (decision.kind === 'rate_limited') return tooManyRequests(decision.quota);
    if (decision.kind === 'error') {
      const response = styledError(style, decision.status, failureMessage(decision.status));
      if (decision.quota) setQuotaHeaders(response.headers, decision.quota);
      return response;
    }

    const store = authorizeCurrent(world, storeHash, c.req.header('X-Auth-Token'));
    if (!store) {
      c.res = currentUnauthorized();
    } else {
      c.set('store', store);
      c.set('apiBase', `https://api.bigcommerce.com/stores/${store.store_hash}/v2`);
      await next();
    }

    if (decision.quota) setQuotaHeaders(c.res.headers, decision.quota);
  };
}

/** Latency, the hourly allowance and injected errors, then HTTP Basic, for `/api/...`. */
export function legacyApiGate(world: World, faults: FaultInjector): MiddlewareHandler<BcEnv> {
  return async (c, next) => {
    const authorization = c.req.header('Authorization');
    // The URL's host is the Host header on a socket (the node adapter builds the URL from it) and
    // the host of the URL a test passes to the in-process fetch.
    // A client pointed away from the store's own host says which store it means in
    // X-Forwarded-Host; a domain that is no store's answers 404, as no store would answer there.
    const forwarded = c.req.header('X-Forwarded-Host');
    const store = findLegacyStore(world, forwarded ?? new URL(c.req.url).host, authorization);
    c.set('style', 'v2');
    if (forwarded !== undefined && store && !servesHost(store, forwarded)) {
      await sleep(faults.latencyMs);
      return v2NotFound();
    }

    await sleep(faults.latencyMs);

    // Legacy accounts have their own allowance on the real service, so they get their own window.
    const decision = faults.decide(`legacy:${store?.store_hash ?? 'unknown'}`);
    if (decision.kind === 'rate_limited') return bandwidthLimitExceeded(decision.quota);
    if (decision.kind === 'error') {
      const response = v2Error(decision.status, failureMessage(decision.status));
      if (decision.quota) setLegacyQuotaHeader(response.headers, decision.quota);
      return response;
    }

    if (!store || !legacyCredentialsMatch(store, authorization)) {
      c.res = legacyUnauthorized();
    } else {
      c.set('store', store);
      c.set('apiBase', `https://${store.domain}/api/v2`);
      await next();
    }

    if (decision.quota) setLegacyQuotaHeader(c.res.headers, decision.quota);
  };
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
