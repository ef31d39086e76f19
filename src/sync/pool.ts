/**
 * Runs `work` over the items with at most `limit` at once. The remote gates bound the requests
 * in flight per account; this bounds how many records are being worked on, so a 20,000-product
 * run does not queue 20,000 promises at once.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(workers);
}
