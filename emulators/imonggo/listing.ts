import { errors, hash, type Reply } from './reply.ts';
import { isoSeconds, parseApiTime } from './timestamps.ts';
import { humanize } from './values.ts';

export interface PageRule {
  defaultSize: number;
  maxSize: number;
}

/** Products, inventories and invoices: default and maximum 50 a page. */
export const fiftyAPage: PageRule = { defaultSize: 50, maxSize: 50 };
/** Customers: 100 a page; the maximum is not documented, 100 is our guess. */
export const hundredAPage: PageRule = { defaultSize: 100, maxSize: 100 };

function positiveInteger(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text.trim())) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

/**
 * The records `keep` accepts, in ascending id order. Stored records are nearly always in that
 * order already (new ones get the next id), so the sort runs only when they are not; a
 * changed-since slice comes in stamp order (see stampedSince) and is sorted, but it is small.
 */
export function keptInIdOrder<T>(
  records: readonly T[],
  keep: (record: T) => boolean,
  idOf: (record: T) => number,
): T[] {
  const kept: T[] = [];
  let ordered = true;
  let last = -Infinity;
  for (const record of records) {
    if (!keep(record)) continue;
    const id = idOf(record);
    if (id < last) ordered = false;
    last = id;
    kept.push(record);
  }
  return ordered ? kept : kept.sort((a, b) => idOf(a) - idOf(b));
}

/** One page, in ascending id order; a `per_page` above the maximum is capped, not refused. */
export function pageOf<T>(items: readonly T[], query: URLSearchParams, rule: PageRule): T[] {
  const page = positiveInteger(query.get('page')) ?? 1;
  const size = Math.min(positiveInteger(query.get('per_page')) ?? rule.defaultSize, rule.maxSize);
  return items.slice((page - 1) * size, page * size);
}

/**
 * How each filter compares a record's stamp with its limit. Every stored stamp is in one format,
 * whole seconds (`isoSeconds`: the state loader and every route write it so), and such stamps
 * sort as strings in time order. Comparing strings rather than parsing 20,000 stamps per page keeps
 * a page of a large account cheap, as an index keeps it cheap on the real server. A limit with a
 * fraction of a second is moved to the whole second that keeps the same records: `after 10.5 s`
 * keeps what `after 10 s` keeps, `before 10.5 s` what `before 11 s` keeps.
 */
const comparisons = {
  before: { round: Math.ceil, keep: (stamp: string, limit: string) => stamp < limit },
  after: { round: Math.floor, keep: (stamp: string, limit: string) => stamp > limit },
  from: { round: Math.ceil, keep: (stamp: string, limit: string) => stamp >= limit },
  to: { round: Math.floor, keep: (stamp: string, limit: string) => stamp <= limit },
} as const;

export interface UpdatedFilter {
  keep: (record: { utc_updated_at: string }) => boolean;
  /** The oldest stamp `keep` can accept, when `after` or `from` sets one (see stampedSince). */
  since: string | undefined;
}

/**
 * The `before/after/from/to` filters on `utc_updated_at`. An empty value is ignored (one real
 * client sends `after=`); an unreadable one is refused with 422 rather than ignored, because a
 * silently ignored filter would make an incremental read quietly read everything.
 */
export function updatedFilter(query: URLSearchParams): UpdatedFilter | { refused: Reply } {
  const checks: ((stamp: string) => boolean)[] = [];
  let since: string | undefined;

  for (const key of Object.keys(comparisons) as (keyof typeof comparisons)[]) {
    const text = query.get(key);
    if (text === null || text.trim() === '') continue;
    const limit = parseApiTime(text);
    if (limit === undefined) return { refused: errors([`${humanize(key)} is invalid`]) };
    const { round, keep } = comparisons[key];
    const limitStamp = isoSeconds(round(limit / 1000) * 1000);
    checks.push((stamp) => keep(stamp, limitStamp));
    if ((key === 'after' || key === 'from') && (since === undefined || limitStamp > since)) {
      since = limitStamp;
    }
  }

  // A loop rather than `checks.every(...)`, which made a closure per record: without a lower
  // limit (`since`) this runs for every record of the account, in the benchmark's own thread.
  return {
    since,
    keep(record) {
      const stamp = record.utc_updated_at;
      for (const check of checks) if (!check(stamp)) return false;
      return true;
    },
  };
}

/** `q=count` and `q=last_updated_at`; undefined for a plain list request. */
export function inquiry(
  query: URLSearchParams,
  matching: readonly { utc_updated_at: string }[],
): Reply | undefined {
  const q = query.get('q');

  if (q === 'count') return hash({ count: matching.length });

  if (q === 'last_updated_at') {
    let latest: string | null = null;
    for (const record of matching) {
      if (latest === null || record.utc_updated_at > latest) latest = record.utc_updated_at;
    }
    return hash({ last_updated_at: latest });
  }

  return undefined;
}

export function isActiveOnly(query: URLSearchParams): boolean {
  const value = query.get('active_only');
  return value === '1' || value === 'true';
}
