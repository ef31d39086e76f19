import type { Product } from '../../imonggo/schemas.ts';
import type { SyncContext } from '../context.ts';
import { ChangedProducts } from './changes.ts';

export interface ChangedProductsPart {
  products: Product[];
  /** Quantities read in this run for the part's products; others keep their last known one. */
  quantities: Map<number, number>;
}

/**
 * Reads the products and the stock rows changed since the cursors, both lists at once, and hands
 * over each part of the products as soon as both lists have read past it (see ChangedProducts),
 * with the products whose stock alone changed fetched one by one. Each list asks for its next page
 * as soon as a page arrives, before the part is handed over, so planning and writing a part take
 * no time from the reading.
 */
export async function* readChangedProducts(
  ctx: SyncContext,
  merger: ChangedProducts,
  since: { products: string; stock: string; branchId: number | undefined },
): AsyncGenerator<ChangedProductsPart> {
  const lists = [
    pageFeed(
      ctx.imonggo.iterateProducts({ after: since.products }),
      (page) => merger.addProducts(page),
      () => merger.endProducts(),
    ),
    pageFeed(
      ctx.imonggo.iterateInventories({ after: since.stock, branchId: since.branchId }),
      (page) => merger.addStock(page),
      () => merger.endStock(),
    ),
  ];
  const reading = new Map(lists.map((list) => [list, list.next()]));

  try {
    while (reading.size > 0) {
      const { list, more } = await Promise.race(reading.values());
      if (more) reading.set(list, list.next());
      else reading.delete(list);

      const ready = merger.takeReady();
      if (!ready) continue;
      const fetched = await Promise.all(ready.stockOnly.map((id) => ctx.imonggo.getProduct(id)));
      yield { products: [...ready.products, ...fetched], quantities: ready.quantities };
    }
  } finally {
    // A run that stops early leaves no page request behind it.
    for (const list of lists) list.stop();
  }
}

interface PageFeed {
  /** Reads one page into the merger; `more` is false once the list has ended. */
  next(): Promise<{ list: PageFeed; more: boolean }>;
  stop(): void;
}

function pageFeed<T>(
  pages: AsyncIterable<T[]>,
  add: (page: T[]) => void,
  end: () => void,
): PageFeed {
  const iterator = pages[Symbol.asyncIterator]();
  const feed: PageFeed = {
    next() {
      const read = iterator.next().then((result) => {
        if (result.done) end();
        else add(result.value);
        return { list: feed, more: result.done !== true };
      });
      // The race in readChangedProducts observes it; this keeps a list that fails while the
      // other one is awaited from being reported as unhandled.
      read.catch(() => undefined);
      return read;
    },
    stop() {
      void iterator.return?.(undefined).catch(() => undefined);
    },
  };
  return feed;
}
