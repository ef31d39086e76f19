import type { Kysely, NotNull } from 'kysely';
import type { DatabaseSchema, Link, LinkEntity } from './schema.ts';

export interface LinkValues {
  imonggo_id?: string | null;
  bigcommerce_id?: string | null;
  pushed_hash?: string | null;
  pushed_name?: string | null;
  visible?: number | null;
}

const linkValueColumns = [
  'imonggo_id',
  'bigcommerce_id',
  'pushed_hash',
  'pushed_name',
  'visible',
] as const satisfies readonly (keyof LinkValues)[];

function settledColumns(values: LinkValues): (keyof LinkValues)[] {
  return linkValueColumns.filter((column) => values[column] !== undefined);
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

  /**
   * The pairs of ids of every link that has both, without the rest of each row: a run that needs
   * only to find one side's record from the other's holds tens of thousands of these at once.
   */
  async listIds(entity: LinkEntity): Promise<{ imonggo_id: string; bigcommerce_id: string }[]> {
    return this.#db
      .selectFrom('links')
      .select(['imonggo_id', 'bigcommerce_id'])
      .where('connection_id', '=', this.#connectionId)
      .where('entity', '=', entity)
      .where('imonggo_id', 'is not', null)
      .where('bigcommerce_id', 'is not', null)
      .orderBy('id')
      .$narrowType<{ imonggo_id: NotNull; bigcommerce_id: NotNull }>()
      .execute();
  }

  /** The links of the given records only, by Imonggo id or natural key: for incremental runs. */
  async listFor(
    entity: LinkEntity,
    records: { imonggoIds: readonly string[]; keys: readonly string[] },
  ): Promise<Link[]> {
    const found = new Map<number, Link>();
    // One statement per column rather than `imonggo_id IN … OR natural_key IN …`: SQLite answers
    // the OR by reading every link of the connection, each IN alone by its index. Chunks keep
    // each statement under SQLite's bound-parameter limit.
    const lookups = [
      { column: 'imonggo_id', values: records.imonggoIds },
      { column: 'natural_key', values: records.keys },
    ] as const;
    for (const { column, values } of lookups) {
      for (let start = 0; start < values.length; start += 500) {
        const rows = await this.#db
          .selectFrom('links')
          .selectAll()
          .where('connection_id', '=', this.#connectionId)
          .where('entity', '=', entity)
          .where(column, 'in', values.slice(start, start + 500))
          .execute();
        for (const row of rows) found.set(row.id, row);
      }
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
    await this.settleAll(entity, [{ naturalKey, values }]);
  }

  /**
   * Settles several links in one statement: a batch of store updates answers for ten products at
   * once, and one commit for the ten instead of ten keeps the disk out of the run's way (each
   * commit on SQLite waits for the disk). Links are grouped by which values they carry, since a
   * settle changes only the values it is given.
   */
  async settleAll(
    entity: LinkEntity,
    links: readonly { naturalKey: string; values: LinkValues }[],
  ): Promise<void> {
    const groups = new Map<string, { naturalKey: string; values: LinkValues }[]>();
    for (const link of links) {
      const columns = settledColumns(link.values).join(',');
      const group = groups.get(columns);
      if (group) group.push(link);
      else groups.set(columns, [link]);
    }

    for (const group of groups.values()) {
      // Fifty rows a statement stay far under SQLite's bound-parameter limit.
      for (let start = 0; start < group.length; start += 50) {
        await this.#upsertLinked(entity, group.slice(start, start + 50));
      }
    }
  }

  /** Upserts links that all carry the same values columns. */
  async #upsertLinked(
    entity: LinkEntity,
    links: readonly { naturalKey: string; values: LinkValues }[],
  ): Promise<void> {
    const columns = settledColumns(links[0]?.values ?? {});
    const rows = links.map(({ naturalKey, values }) =>
      this.#row(entity, naturalKey, 'linked', values),
    );
    await this.#db
      .insertInto('links')
      .values(rows)
      .onConflict((conflict) =>
        conflict.columns(['connection_id', 'entity', 'natural_key']).doUpdateSet((eb) => ({
          state: 'linked',
          updated_at: eb.ref('excluded.updated_at'),
          ...Object.fromEntries(columns.map((column) => [column, eb.ref(`excluded.${column}`)])),
        })),
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
