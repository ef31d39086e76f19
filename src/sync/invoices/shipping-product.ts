import { ConflictError, RemoteError } from '../../http/errors.ts';
import type { Product } from '../../imonggo/schemas.ts';
import type { SyncContext } from '../context.ts';
import { stockKey } from './rules.ts';

/**
 * The Imonggo service product that carries shipping lines, created at most once. The plan looked
 * it up by stock number before any of this runs, and Imonggo keeps stock numbers unique (deleted
 * products keep theirs), so a create that may have landed, or one that lost a race with another
 * connection of the same account, is settled by looking the stock number up again; a second
 * product can never appear. No link records the intent: the stock number itself is the claim.
 */
export class ShippingProduct {
  readonly #ctx: SyncContext;
  #id: Promise<number> | undefined;

  constructor(ctx: SyncContext) {
    this.#ctx = ctx;
  }

  /** The product's id; every caller of one run shares the one create. */
  id(): Promise<number> {
    this.#id ??= this.#create();
    return this.#id;
  }

  async #create(): Promise<number> {
    const stockNo = this.#ctx.settings.shippingStockNo;
    const names = ['Shipping', `Shipping (${stockNo})`];

    for (const [attempt, name] of names.entries()) {
      try {
        const created = await this.#ctx.imonggo.createProduct({
          name,
          stock_no: stockNo,
          retail_price: 0,
          description: 'Shipping of online orders, posted by BIN',
          disable_inventory: true,
        });
        return created.id;
      } catch (error) {
        const landed = await this.#findLanded(error);
        if (landed) return usable(landed, stockNo);
        // Product names are unique in Imonggo too; a merchant's own "Shipping" takes the first.
        const nameTaken = error instanceof ConflictError && 'name' in error.fieldErrors;
        if (nameTaken && attempt < names.length - 1) continue;
        throw error;
      }
    }
    throw new Error(`could not create the shipping product ${stockNo}`);
  }

  async #findLanded(error: unknown): Promise<Product | undefined> {
    const possible =
      error instanceof ConflictError || (error instanceof RemoteError && error.mayHaveArrived);
    if (!possible) return undefined;

    const wanted = stockKey(this.#ctx.settings.shippingStockNo);
    const products = await this.#ctx.imonggo.listProducts();
    return products.find((product) => stockKey(product.stock_no) === wanted);
  }
}

function usable(product: Product, stockNo: string): number {
  if (product.status === 'D') {
    throw new Error(`the shipping product ${stockNo} is deleted in Imonggo; restore it`);
  }
  return product.id;
}
