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
    return (await this.getMany([name])).get(name);
  }

  /** Several cursors in one statement; a name without a cursor is not in the map. */
  async getMany(names: readonly string[]): Promise<Map<string, string>> {
    if (names.length === 0) return new Map();

    const rows = await this.#db
      .selectFrom('cursors')
      .select(['name', 'value'])
      .where('connection_id', '=', this.#connectionId)
      .where('name', 'in', names)
      .execute();
    return new Map(rows.map((row) => [row.name, row.value]));
  }

  /**
   * Several cursors in one statement, so in one commit: on SQLite each commit waits for the disk,
   * and a run that moves three cursors paid for three.
   */
  async setMany(values: ReadonlyMap<string, string>, now: string): Promise<void> {
    if (values.size === 0) return;

    const rows = [...values].map(([name, value]) => ({
      connection_id: this.#connectionId,
      name,
      value,
      updated_at: now,
    }));
    await this.#db
      .insertInto('cursors')
      .values(rows)
      .onConflict((conflict) =>
        conflict.columns(['connection_id', 'name']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  async set(name: string, value: string, now: string): Promise<void> {
    await this.setMany(new Map([[name, value]]), now);
  }

  async clear(name: string): Promise<void> {
    await this.#db
      .deleteFrom('cursors')
      .where('connection_id', '=', this.#connectionId)
      .where('name', '=', name)
      .execute();
  }
}
