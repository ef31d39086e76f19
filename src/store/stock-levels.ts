import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** Last known Imonggo quantities of one connection's products. */
export class StockLevelRepository {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #connectionId: string;

  constructor(db: Kysely<DatabaseSchema>, connectionId: string) {
    this.#db = db;
    this.#connectionId = connectionId;
  }

  /** Quantities of the given products only, for incremental runs. */
  async get(productIds: readonly string[]): Promise<Map<string, number>> {
    const levels = new Map<string, number>();
    for (let start = 0; start < productIds.length; start += 500) {
      const rows = await this.#db
        .selectFrom('stock_levels')
        .select(['product_id', 'quantity'])
        .where('connection_id', '=', this.#connectionId)
        .where('product_id', 'in', productIds.slice(start, start + 500))
        .execute();
      for (const row of rows) levels.set(row.product_id, Number(row.quantity));
    }
    return levels;
  }

  async save(levels: ReadonlyMap<string, number>, now: string): Promise<void> {
    const rows = [...levels].map(([productId, quantity]) => ({
      connection_id: this.#connectionId,
      product_id: productId,
      quantity,
      updated_at: now,
    }));
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (let start = 0; start < rows.length; start += 200) {
      await this.#db
        .insertInto('stock_levels')
        .values(rows.slice(start, start + 200))
        .onConflict((conflict) =>
          conflict.columns(['connection_id', 'product_id']).doUpdateSet((eb) => ({
            quantity: eb.ref('excluded.quantity'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }
}
