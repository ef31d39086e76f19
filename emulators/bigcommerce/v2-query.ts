import { parseDate } from './dates.ts';
import { v2Error } from './errors.ts';
import { MAX_LIMIT, readPaging, type Paging } from './paging.ts';

/** A v2 filter value that could not be read; answered 400 in the v2 array style. */
export class V2FilterError extends Error {
  constructor(readonly param: string) {
    super(`The filter '${param}' is not valid.`);
  }

  toResponse(): Response {
    return v2Error(400, this.message);
  }
}

type Query = (name: string) => string | undefined;

export function v2Int(query: Query, param: string): number | undefined {
  const text = query(param);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text.trim())) throw new V2FilterError(param);
  return Number(text);
}

export function v2Number(query: Query, param: string): number | undefined {
  const text = query(param);
  if (text === undefined) return undefined;

  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) throw new V2FilterError(param);
  return value;
}

/** v2 date filters take RFC 2822 or ISO-8601, as the orders spec says. */
export function v2Date(query: Query, param: string): number | undefined {
  const text = query(param);
  if (text === undefined) return undefined;

  const ms = parseDate(text);
  if (ms === undefined) throw new V2FilterError(param);
  return ms;
}

export function v2Bool(query: Query, param: string): boolean | undefined {
  const text = query(param);
  if (text === undefined) return undefined;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new V2FilterError(param);
}

/** `page`/`limit` for v2, or the 400/413 answer when they are wrong. */
export function v2Paging(query: Query): Paging | Response {
  const result = readPaging(query);
  if (result.ok) return result.paging;

  return result.tooLarge
    ? v2Error(413, `The '${result.field}' parameter exceeded the maximum of ${MAX_LIMIT}.`)
    : v2Error(400, `The '${result.field}' parameter is not valid.`);
}

/**
 * A v2 page: a bare array, or 204 with an empty body when the page holds nothing. The 204 is
 * what official clients stop paging on; the reference pages do not state it, clients do.
 */
export function v2Page(items: readonly unknown[]): Response {
  if (items.length === 0) return new Response(null, { status: 204 });
  return new Response(JSON.stringify(items), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}
