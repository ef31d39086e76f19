import { createHash } from 'node:crypto';

/**
 * A stable hash of the values BIN pushed for a record: keys are sorted so that the same values
 * always give the same hash, whatever order they were built in.
 */
export function hashValues(values: Record<string, unknown>): string {
  return createHash('sha256').update(stableJson(values)).digest('hex').slice(0, 32);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
