import type { Kysely } from 'kysely';
import type { DatabaseSchema, Link, LinkEntity } from './schema.ts';

export interface LinkValues {
  imonggo_id?: string | null;
  bigcommerce_id?: string | null;
  pushed_hash?: string | null;
  pushed_name?: string | null;
  visible?: number | null;
}

/** The links of one connection: which record on one side is which record on the other. */
export class LinkRepository {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #connectionId: string;
  readonly #now: () => string;

  constructor(db: Kysely<DatabaseSchema>, connectionId: string, now: () => string) {
    this.#db = db;
    this.#connectionId = connectionId;
    this.#now = now;
  }

  async list(entity: LinkEntity): Promise<Link[]> {
    return this.#db
      .selectFrom('links')
      .selectAll()
      .where('connection_id', '=', this.#connectionId)
      .where('entity', '=', entity)
      .orderBy('id')
      .execute();
  }

  /** The links of the given records only, by Imonggo id or natural key: for incremental runs. */
  async listFor(
    entity: LinkEntity,
    records: { imonggoIds: readonly string[]; keys: readonly string[] },
  ): Promise<Link[]> {
    const found = new Map<number, Link>();
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (
      let start = 0;
      start < Math.max(records.imonggoIds.length, records.keys.length);
      start += 200
    ) {
      const ids = records.imonggoIds.slice(start, start + 200);
      const keys = records.keys.slice(start, start + 200);
      const rows = await this.#db
        .selectFrom('links')
        .selectAll()
        .where('connection_id', '=', this.#connectionId)
        .where('entity', '=', entity)
        .where((eb) =>
          eb.or([
            ...(ids.length > 0 ? [eb('imonggo_id', 'in', ids)] : []),
            ...(keys.length > 0 ? [eb('natural_key', 'in', keys)] : []),
          ]),
        )
        .execute();
      for (const row of rows) found.set(row.id, row);
    }
    return [...found.values()].sort((a, b) => a.id - b.id);
  }

  async find(entity: LinkEntity, naturalKey: string): Promise<Link | undefined> {
    return this.#db
      .selectFrom('links')
      .selectAll()
      .where('connection_id', '=', this.#connectionId)
      .where('entity', '=', entity)
      .where('natural_key', '=', naturalKey)
      .executeTakeFirst();
  }

  async listPending(entity: LinkEntity): Promise<Link[]> {
    return this.#db
      .selectFrom('links')
      .selectAll()
      .where('connection_id', '=', this.#connectionId)
      .where('entity', '=', entity)
      .where('state', '=', 'pending')
      .execute();
  }

  /**
   * Records, before a remote create, that the record with this natural key is being created.
   * Returns false when a link for the key already exists, which means another run got there first.
   */
  async markPending(entity: LinkEntity, naturalKey: string, values: LinkValues): Promise<boolean> {
    const result = await this.#db
      .insertInto('links')
      .values(this.#row(entity, naturalKey, 'pending', values))
      .onConflict((conflict) =>
        conflict.columns(['connection_id', 'entity', 'natural_key']).doNothing(),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Writes a link as settled: both ids known, with what was last pushed. */
  async settle(entity: LinkEntity, naturalKey: string, values: LinkValues): Promise<void> {
    const row = this.#row(entity, naturalKey, 'linked', values);
    await this.#db
      .insertInto('links')
      .values(row)
      .onConflict((conflict) =>
        conflict.columns(['connection_id', 'entity', 'natural_key']).doUpdateSet({
          state: 'linked',
          ...values,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  #row(entity: LinkEntity, naturalKey: string, state: Link['state'], values: LinkValues) {
    const now = this.#now();
    return {
      connection_id: this.#connectionId,
      entity,
      natural_key: naturalKey,
      state,
      imonggo_id: values.imonggo_id ?? null,
      bigcommerce_id: values.bigcommerce_id ?? null,
      pushed_hash: values.pushed_hash ?? null,
      pushed_name: values.pushed_name ?? null,
      visible: values.visible ?? null,
      created_at: now,
      updated_at: now,
    };
  }

  async remove(entity: LinkEntity, naturalKey: string): Promise<void> {
    await this.#db
      .deleteFrom('links')
      .where('connection_id', '=', this.#connectionId)
      .where('entity', '=', entity)
      .where('natural_key', '=', naturalKey)
      .execute();
  }
}
