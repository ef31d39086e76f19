import { pino, type Logger } from 'pino';
import { openStore, type Store } from '../store/database.ts';
import { SecretBox, loadSecretKey } from '../store/secrets.ts';

export interface Runtime {
  store: Store;
  box: SecretBox;
}

/**
 * Opens what every face of BIN (CLI, web app) shares: the database (SQLite under ./data unless
 * DATABASE_URL names a PostgreSQL server) and the key that seals credentials at rest.
 */
export async function openRuntime(env: NodeJS.ProcessEnv): Promise<Runtime> {
  const key = loadSecretKey({
    envValue: env.BIN_SECRET_KEY,
    keyFile: env.BIN_SECRET_KEY_FILE ?? 'data/secret.key',
  });
  const store = await openStore({
    databaseUrl: env.DATABASE_URL || undefined,
    sqliteFile: env.BIN_SQLITE_FILE,
  });
  return { store, box: new SecretBox(key) };
}

/** Paths pino blanks in every log line, wherever a credential could appear. */
export const redactedPaths = [
  'password',
  'apiToken',
  'accessToken',
  'api_token',
  'access_token',
  'credentials',
  '*.password',
  '*.apiToken',
  '*.accessToken',
  '*.api_token',
  '*.access_token',
  '*.credentials',
  'headers.authorization',
  'headers["x-auth-token"]',
];

export function createLogger(level: string, destination = 2): Logger {
  return pino(
    { level, redact: { paths: redactedPaths, censor: '[hidden]' } },
    pino.destination({ fd: destination, sync: true }),
  );
}
