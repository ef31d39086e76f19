const isoRe = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const slashedRe = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2}) ?([+-]\d{2}):?(\d{2})$/;

/**
 * Imonggo timestamps as `YYYY-MM-DDTHH:MM:SSZ`, from either format the API has been seen to
 * send: ISO 8601 (`2015-03-01T05:55:23Z`) and the older JSON form `2013/05/20 05:47:05 +0000`.
 * A time without a zone is read as UTC, the only zone Imonggo uses. Undefined when unreadable.
 */
export function normalizeTimestamp(text: string): string | undefined {
  const value = text.trim();
  let candidate: string | undefined;

  const iso = isoRe.exec(value);
  if (iso) candidate = `${iso[1]}T${iso[2]}${iso[3] ?? 'Z'}`;

  const slashed = slashedRe.exec(value);
  if (slashed) {
    candidate = `${slashed[1]}-${slashed[2]}-${slashed[3]}T${slashed[4]}${slashed[5]}:${slashed[6]}`;
  }

  if (candidate === undefined) return undefined;
  const ms = Date.parse(candidate);
  return Number.isNaN(ms) ? undefined : toApiTime(new Date(ms));
}

/** The documented filter format for `after`, `before`, `from` and `to`. */
export function toApiTime(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a time: "${String(value)}"`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
