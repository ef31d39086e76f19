/** Page size limits shared by v2 and v3 collections: default 50, at most 250. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 250;

export type Paging = { page: number; limit: number };

export type PagingResult =
  { ok: true; paging: Paging } | { ok: false; field: string; tooLarge: boolean };

/**
 * Reads `page` and `limit`. A `limit` above 250 is refused rather than capped: the status-code
 * page names "the limit parameter exceeded the maximum" as a 413 case, and whether the live API
 * caps silently instead is unverified, so the stricter answer catches a client asking for more.
 */
export function readPaging(query: (name: string) => string | undefined): PagingResult {
  const page = readPositive(query('page'), 1);
  if (page === undefined) return { ok: false, field: 'page', tooLarge: false };

  const limit = readPositive(query('limit'), DEFAULT_LIMIT);
  if (limit === undefined) return { ok: false, field: 'limit', tooLarge: false };
  if (limit > MAX_LIMIT) return { ok: false, field: 'limit', tooLarge: true };

  return { ok: true, paging: { page, limit } };
}

export function pageOf<T>(items: readonly T[], paging: Paging): T[] {
  const start = (paging.page - 1) * paging.limit;
  return items.slice(start, start + paging.limit);
}

/** The v3 `meta.pagination` object; links are relative query strings as the specs show them. */
export function paginationMeta(
  total: number,
  count: number,
  paging: Paging,
): Record<string, unknown> {
  const { page, limit } = paging;
  const totalPages = Math.ceil(total / limit);
  const link = (to: number) => `?page=${to}&limit=${limit}`;

  const links: Record<string, string> = { current: link(page) };
  if (page > 1) links.previous = link(page - 1);
  if (page < totalPages) links.next = link(page + 1);

  return {
    pagination: {
      total,
      count,
      per_page: limit,
      current_page: page,
      total_pages: totalPages,
      links,
    },
  };
}

function readPositive(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text)) return undefined;

  const value = Number(text);
  return value >= 1 ? value : undefined;
}
