/**
 * Incremental reads start from the newest change BIN has seen, by the remote's own clock, minus
 * this overlap. The overlap catches records changed in the same second as that newest change but
 * after BIN read it (Imonggo's `after` is strict and its timestamps have whole seconds); re-reading
 * them is harmless because unchanged records are skipped by their hash.
 */
export const cursorOverlapMs = 2_000;

/** The newest of some ISO timestamps, or undefined when there are none. */
export function newest(timestamps: Iterable<string>): string | undefined {
  let best: number | undefined;
  for (const timestamp of timestamps) {
    const time = Date.parse(timestamp);
    if (!Number.isNaN(time) && (best === undefined || time > best)) best = time;
  }
  return best === undefined ? undefined : new Date(best).toISOString();
}

/** The cursor to store after a read whose newest change was `high`. */
export function nextCursor(
  high: string | undefined,
  previous: string | undefined,
): string | undefined {
  if (high === undefined) return previous;
  const value = new Date(Date.parse(high) - cursorOverlapMs).toISOString();
  return previous !== undefined && previous > value ? previous : value;
}
