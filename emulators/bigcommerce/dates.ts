/** `2024-06-10T15:45:28+00:00`, the shape v3 catalog answers use for `date_created`/`date_modified`. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** `Tue, 20 Nov 2012 00:00:00 +0000`, the RFC 2822 shape every v2 resource uses for dates. */
export function rfc2822Date(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

/**
 * Reads a date filter or a date in a state document. The v2 orders spec accepts RFC 2822 and
 * ISO-8601 alike, and v3 takes `2024-05-14` or `2024-05-14T09:34:00`; `Date.parse` reads all of
 * them. A date without a zone is read as UTC, the store time of our emulated stores.
 */
export function parseDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;

  const zoneless = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed);
  const ms = Date.parse(zoneless ? `${trimmed}Z` : trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}
