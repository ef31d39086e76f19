import type { WebDatabase } from './web-schema.ts';

/** Failed logins per subject (a client address or an Imonggo account), for throttling. */
export class LoginFailureRepository {
  readonly #db: WebDatabase;

  constructor(db: WebDatabase) {
    this.#db = db;
  }

  async record(subjects: readonly string[], at: string): Promise<void> {
    if (subjects.length === 0) return;
    await this.#db
      .insertInto('login_failures')
      .values(subjects.map((subject) => ({ subject, failed_at: at })))
      .execute();
  }

  /** The times of the failures of a subject since `since`, oldest first. */
  async since(subject: string, since: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('login_failures')
      .select('failed_at')
      .where('subject', '=', subject)
      .where('failed_at', '>', since)
      .orderBy('failed_at')
      .execute();
    return rows.map((row) => row.failed_at);
  }

  async clear(subject: string): Promise<void> {
    await this.#db.deleteFrom('login_failures').where('subject', '=', subject).execute();
  }

  async prune(before: string): Promise<void> {
    await this.#db.deleteFrom('login_failures').where('failed_at', '<=', before).execute();
  }
}
