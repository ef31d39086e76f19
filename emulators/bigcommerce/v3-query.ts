import { parseDate } from './dates.ts';

/** A v3 filter value that could not be read; the caller answers 422 naming `param`. */
export class FilterError extends Error {
  constructor(readonly param: string) {
    super(`The filter ${param} is not valid.`);
  }
}

type Query = (name: string) => string | undefined;

export function intList(query: Query, param: string): number[] | undefined {
  const text = query(param);
  if (text === undefined) return undefined;

  const values = text.split(',').map((part) => part.trim());
  if (values.some((part) => !/^\d+$/.test(part))) throw new FilterError(param);
  return values.map(Number);
}

export function int(query: Query, param: string): number | undefined {
  const text = query(param);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text.trim())) throw new FilterError(param);
  return Number(text);
}

export function stringList(query: Query, param: string): string[] | undefined {
  return query(param)
    ?.split(',')
    .map((part) => part.trim());
}

export function date(query: Query, param: string): number | undefined {
  const text = query(param);
  if (text === undefined) return undefined;

  const ms = parseDate(text);
  if (ms === undefined) throw new FilterError(param);
  return ms;
}

/** v3 accepts `true`/`false` and `1`/`0` for boolean filters. */
export function bool(query: Query, param: string): boolean | undefined {
  const text = query(param);
  if (text === undefined) return undefined;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new FilterError(param);
}

/** Applies `include_fields` / `exclude_fields`; `id` is always kept, as the spec says. */
export function selectFields(
  record: Record<string, unknown>,
  query: Query,
): Record<string, unknown> {
  const include = stringList(query, 'include_fields');
  const exclude = new Set(stringList(query, 'exclude_fields') ?? []);
  exclude.delete('id');

  const keep = include ? new Set([...include, 'id']) : undefined;
  return Object.fromEntries(
    Object.entries(record).filter(([key]) => (keep ? keep.has(key) : true) && !exclude.has(key)),
  );
}
