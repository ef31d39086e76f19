import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { DatabaseSchema } from './schema.ts';
import type { SecretBox } from './secrets.ts';

export type BigCommerceCredentials =
  | { kind: 'legacy'; storeDomain: string; username: string; apiToken: string }
  | { kind: 'oauth'; storeHash: string; accessToken: string };

/** What BIN keeps to reach both sides. The Imonggo password only obtains the token: not kept. */
export interface ConnectionCredentials {
  imonggo: { accountId: string; apiToken: string };
  bigcommerce: BigCommerceCredentials;
}

export interface ConnectionRecord {
  id: string;
  imonggoAccountId: string;
  bigcommerceStore: string;
  credentials: ConnectionCredentials;
  /** The settings as stored; `src/sync/settings.ts` gives them their defaults and checks them. */
  settings: unknown;
}

export function storeKey(credentials: BigCommerceCredentials): string {
  return credentials.kind === 'oauth'
    ? credentials.storeHash
    : credentials.storeDomain.toLowerCase();
}

/** Connections, with their credentials sealed at rest. */
export class ConnectionRepository {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #box: SecretBox;
  readonly #now: () => string;

  constructor(db: Kysely<DatabaseSchema>, box: SecretBox, now: () => string) {
    this.#db = db;
    this.#box = box;
    this.#now = now;
  }

  /**
   * Finds the connection of this account and store, or creates it, and stores the credentials
   * given (they may have been renewed since last time). Settings are kept.
   */
  async upsert(credentials: ConnectionCredentials): Promise<ConnectionRecord> {
    const account = credentials.imonggo.accountId;
    const store = storeKey(credentials.bigcommerce);
    const now = this.#now();
    const newId = randomUUID();

    // Insert-or-ignore, then read back: when two first logins race, both end on the same row.
    await this.#db
      .insertInto('connections')
      .values({
        id: newId,
        imonggo_account_id: account,
        bigcommerce_store: store,
        bigcommerce_kind: credentials.bigcommerce.kind,
        credentials: this.#box.seal(JSON.stringify(credentials), newId),
        settings: '{}',
        created_at: now,
        updated_at: now,
      })
      .onConflict((conflict) =>
        conflict.columns(['imonggo_account_id', 'bigcommerce_store']).doNothing(),
      )
      .execute();

    const { id } = await this.#db
      .selectFrom('connections')
      .select('id')
      .where('imonggo_account_id', '=', account)
      .where('bigcommerce_store', '=', store)
      .executeTakeFirstOrThrow();

    if (id !== newId) {
      await this.#db
        .updateTable('connections')
        .set({
          credentials: this.#box.seal(JSON.stringify(credentials), id),
          bigcommerce_kind: credentials.bigcommerce.kind,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    }

    const record = await this.get(id);
    if (!record) throw new Error(`connection ${id} vanished while being saved`);
    return record;
  }

  async get(id: string): Promise<ConnectionRecord | undefined> {
    const row = await this.#db
      .selectFrom('connections')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;

    return {
      id: row.id,
      imonggoAccountId: row.imonggo_account_id,
      bigcommerceStore: row.bigcommerce_store,
      credentials: JSON.parse(this.#box.open(row.credentials, row.id)) as ConnectionCredentials,
      settings: JSON.parse(row.settings) as unknown,
    };
  }

  async saveSettings(id: string, settings: unknown): Promise<void> {
    await this.#db
      .updateTable('connections')
      .set({ settings: JSON.stringify(settings), updated_at: this.#now() })
      .where('id', '=', id)
      .execute();
  }
}
