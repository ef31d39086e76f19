import type { WebDatabase } from './web-schema.ts';

export interface WebSession {
  tokenHash: string;
  connectionId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** Signed-in browsers, known only by the hash of their cookie. */
export class WebSessionRepository {
  readonly #db: WebDatabase;

  constructor(db: WebDatabase) {
    this.#db = db;
  }

  async create(session: WebSession): Promise<void> {
    await this.#db
      .insertInto('web_sessions')
      .values({
        token_hash: session.tokenHash,
        connection_id: session.connectionId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async find(tokenHash: string): Promise<WebSession | undefined> {
    const row = await this.#db
      .selectFrom('web_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      tokenHash: row.token_hash,
      connectionId: row.connection_id,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
    };
  }

  async touch(tokenHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
    await this.#db
      .updateTable('web_sessions')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.#db.deleteFrom('web_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteExpired(now: string): Promise<void> {
    await this.#db.deleteFrom('web_sessions').where('expires_at', '<=', now).execute();
  }
}
