import type { ItemReporter } from './job.ts';
import type { PlanItem } from './plan.ts';
import { describeFailure } from './remote-reason.ts';

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

/**
 * Works on plan items, at most `limit` at once; an error thrown while working on one item fails
 * that item, with its reason, and the others go on.
 */
export async function forEachItem<Item extends PlanItem>(
  items: readonly Item[],
  limit: number,
  reporter: ItemReporter,
  work: (item: Item) => Promise<void>,
): Promise<void> {
  await forEachLimited(items, limit, async (item) => {
    try {
      await work(item);
    } catch (error) {
      reporter.failed(item, describeFailure(error));
    }
  });
}
