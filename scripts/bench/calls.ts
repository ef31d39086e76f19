import type { LoggedRequest } from '../../emulators/common/request-log.ts';

export type Side = 'imonggo' | 'bigcommerce';

/** What the emulators' request logs say about one run. */
export interface CallCount {
  total: number;
  bySide: Record<Side, number>;
  /** "imonggo GET /api/products.json" → count, in order of first appearance. */
  byEndpoint: Record<string, number>;
  /** Requests that were not GET, rejected ones included: each is an attempt to write. */
  writes: number;
  /** Answers 429 (and the legacy API's 509): the client went faster than the quota. */
  rateLimited: number;
  /** Answers other than 2xx, 204, 429 or 509. */
  errors: number;
}

/**
 * A request's path as an endpoint: the account or store prefix dropped and every numeric id
 * written `{id}`, so the 2,000 `PUT …/products/17` of a run count as one endpoint.
 */
export function endpointOf(path: string): string {
  const withoutPrefix = path
    .replace(/^\/accounts\/[^/]+(?=\/)/, '')
    .replace(/^\/stores\/[^/]+(?=\/)/, '');
  return withoutPrefix
    .split('/')
    .map((segment) => segment.replace(/^\d+(?=(\.\w+)?$)/, '{id}'))
    .join('/');
}

export function countCalls(logs: Record<Side, readonly LoggedRequest[]>): CallCount {
  const count: CallCount = {
    total: 0,
    bySide: { imonggo: 0, bigcommerce: 0 },
    byEndpoint: {},
    writes: 0,
    rateLimited: 0,
    errors: 0,
  };

  for (const side of ['imonggo', 'bigcommerce'] as const) {
    for (const request of logs[side]) {
      const key = `${side} ${request.method} ${endpointOf(request.path)}`;
      count.byEndpoint[key] = (count.byEndpoint[key] ?? 0) + 1;
      count.bySide[side] += 1;
      count.total += 1;
      if (request.method !== 'GET') count.writes += 1;
      if (request.status === 429 || request.status === 509) count.rateLimited += 1;
      else if (request.status >= 300) count.errors += 1;
    }
  }
  return count;
}
