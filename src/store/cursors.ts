import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** High-water marks of incremental reads, one per connection and name. */
export class CursorRepository {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #connectionId: string;

  constructor(db: Kysely<DatabaseSchema>, connectionId: string) {
    this.#db = db;
    this.#connectionId = connectionId;
  }

  async get(name: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom('cursors')
      .select('value')
      .where('connection_id', '=', this.#connectionId)
      .where('name', '=', name)
      .executeTakeFirst();
    return row?.value;
  }

  async set(name: string, value: string, now: string): Promise<void> {
    await this.#db
      .insertInto('cursors')
      .values({ connection_id: this.#connectionId, name, value, updated_at: now })
      .onConflict((conflict) =>
        conflict.columns(['connection_id', 'name']).doUpdateSet({ value, updated_at: now }),
      )
      .execute();
  }

  async clear(name: string): Promise<void> {
    await this.#db
      .deleteFrom('cursors')
      .where('connection_id', '=', this.#connectionId)
      .where('name', '=', name)
      .execute();
  }
}
