import type { Inventory, Product } from '../../imonggo/schemas.ts';
import { newest } from '../cursor-time.ts';

/** A part of an incremental read that can be planned: every change at or below some id. */
export interface ChangedPart {
  /** Products read from the changed-products list. */
  products: Product[];
  /** Ids whose stock row changed while their product did not: their product must be fetched. */
  stockOnly: number[];
  /** Quantities read in this run for the ids of this part (not every product has one). */
  quantities: Map<number, number>;
}

interface ListState {
  /** Highest id read so far. */
  last: number;
  ended: boolean;
  /** `utc_updated_at` of each record read, to know a repeated record from a changed one. */
  stamps: Map<number, string>;
  /** Ids read and not handed out yet. */
  waiting: Set<number>;
}

function emptyList(): ListState {
  return { last: 0, ended: false, stamps: new Map(), waiting: new Set() };
}

/**
 * Merges the pages of Imonggo's two changed-since lists, products and stock rows, into parts that
 * can be planned before both lists are read to the end, so the store's writes overlap the reads.
 *
 * Imonggo lists in ascending id order (the emulator does; the reference calls the order
 * undocumented). Once both lists have read past an id, every change at or below it is in, and
 * those products can be decided on. Should a list break that order, nothing more is handed out
 * until both lists end; a record handed out before and read again with a new stamp is handed out
 * again, so a broken order costs a second write, never a stale one. A record read twice with the
 * same stamp (a record joining the list mid-read pushes the one at a page's end onto the next
 * page) is the same change and is ignored.
 */
export class ChangedProducts {
  readonly #products = emptyList();
  readonly #stock = emptyList();
  /** The newest copy of every product read, so a later stock change needs no fetch. */
  readonly #productCopies = new Map<number, Product>();
  readonly #quantities = new Map<number, number>();
  #ordered = true;
  #newestProduct: string | undefined;
  #newestStock: string | undefined;

  addProducts(page: readonly Product[]): void {
    for (const product of page) {
      if (this.#read(this.#products, product.id, product.utc_updated_at)) {
        this.#productCopies.set(product.id, product);
      }
    }
    this.#newestProduct = newestOf(this.#newestProduct, page);
  }

  addStock(page: readonly Inventory[]): void {
    for (const row of page) {
      if (this.#read(this.#stock, row.product_id, row.utc_updated_at)) {
        this.#quantities.set(row.product_id, row.quantity);
      }
    }
    this.#newestStock = newestOf(this.#newestStock, page);
  }

  endProducts(): void {
    this.#products.ended = true;
  }

  endStock(): void {
    this.#stock.ended = true;
  }

  /** True once both lists ended and every record was handed out. */
  get finished(): boolean {
    return (
      this.#products.ended &&
      this.#stock.ended &&
      this.#products.waiting.size === 0 &&
      this.#stock.waiting.size === 0
    );
  }

  /** Newest `utc_updated_at` read on each list, for the cursors. */
  get newest(): { product: string | undefined; stock: string | undefined } {
    return { product: this.#newestProduct, stock: this.#newestStock };
  }

  /** Every quantity read in this run, for the next incremental run. */
  get quantitiesRead(): ReadonlyMap<number, number> {
    return this.#quantities;
  }

  /** Hands out the waiting changes both lists have read past; undefined when there are none. */
  takeReady(): ChangedPart | undefined {
    const limit = this.#limit();
    const ids = [...this.#products.waiting, ...this.#stock.waiting].filter((id) => id <= limit);
    if (ids.length === 0) return undefined;

    const part: ChangedPart = { products: [], stockOnly: [], quantities: new Map() };
    for (const id of new Set(ids)) {
      const product = this.#productCopies.get(id);
      if (product) part.products.push(product);
      else part.stockOnly.push(id);

      const quantity = this.#quantities.get(id);
      if (quantity !== undefined) part.quantities.set(id, quantity);

      this.#products.waiting.delete(id);
      this.#stock.waiting.delete(id);
    }
    return part;
  }

  /** Records one read record; false when it repeats a copy already read. */
  #read(list: ListState, id: number, stamp: string): boolean {
    const known = list.stamps.get(id);
    if (known === stamp) return false;

    if (known === undefined && id < list.last) this.#ordered = false;
    list.last = Math.max(list.last, id);
    list.stamps.set(id, stamp);
    list.waiting.add(id);
    return true;
  }

  #limit(): number {
    const bothEnded = this.#products.ended && this.#stock.ended;
    if (!this.#ordered) return bothEnded ? Infinity : -Infinity;
    const products = this.#products.ended ? Infinity : this.#products.last;
    const stock = this.#stock.ended ? Infinity : this.#stock.last;
    return Math.min(products, stock);
  }
}

function newestOf(
  current: string | undefined,
  page: readonly { utc_updated_at: string }[],
): string | undefined {
  const stamps = page.map((record) => record.utc_updated_at);
  return newest(current === undefined ? stamps : [current, ...stamps]);
}
