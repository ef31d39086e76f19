import type { Generated, Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/**
 * The tables of the web app (migration 0002_web), beside the engine's. Type aliases, not
 * interfaces: Kysely's `withTables` wants types with an implicit index signature.
 */
export type WebTables = {
  web_sessions: WebSessionTable;
  login_failures: LoginFailureTable;
};

export type WebSessionTable = {
  /** Hex SHA-256 of the cookie's token; the token itself is never stored. */
  token_hash: string;
  connection_id: string;
  /** Put in every form of the session and compared on every POST. */
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
};

export type LoginFailureTable = {
  id: Generated<number>;
  /** `ip:<address>` or `account:<imonggo account id>`. */
  subject: string;
  failed_at: string;
};

export type WebDatabase = Kysely<DatabaseSchema & WebTables>;

export function webDatabase(db: Kysely<DatabaseSchema>): WebDatabase {
  return db.withTables<WebTables>();
}
