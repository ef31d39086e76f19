import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';

const algorithm = 'aes-256-gcm';
const version = 'v1';

/**
 * Seals credentials at rest with AES-256-GCM. Each value gets a fresh 12-byte IV, and the owner's
 * id is bound as additional data, so a sealed value copied onto another connection's row does not
 * open there.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
    this.#key = key;
  }

  seal(plaintext: string, owner: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(algorithm, this.#key, iv);
    cipher.setAAD(Buffer.from(owner));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [version, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(
      '.',
    );
  }

  open(sealed: string, owner: string): string {
    const [format, iv, tag, body] = sealed.split('.');
    if (format !== version || !iv || !tag || body === undefined) {
      throw new Error('stored credentials are in an unknown format');
    }

    const decipher = createDecipheriv(algorithm, this.#key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(owner));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    try {
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch (cause) {
      throw new Error('stored credentials cannot be opened with this secret key', { cause });
    }
  }
}

/**
 * The key from BIN_SECRET_KEY (64 hex characters or 44 base64 ones), or from a key file that is
 * created with mode 0600 on first start. Losing the key file means entering the credentials again.
 */
export function loadSecretKey(options: { envValue?: string | undefined; keyFile: string }): Buffer {
  if (options.envValue) return parseKey(options.envValue, 'BIN_SECRET_KEY');

  if (existsSync(options.keyFile)) {
    return parseKey(readFileSync(options.keyFile, 'utf8').trim(), options.keyFile);
  }

  mkdirSync(dirname(options.keyFile), { recursive: true });
  return createKeyFile(options.keyFile);
}

/**
 * Two processes may start at once on a fresh machine (two CLI runs, or the web app and a CLI run).
 * The key is written whole to a private temporary file and then hard-linked into place: the link
 * either creates the key file, complete, or fails because another process got there first, and
 * then its key is the one everybody uses. Nobody ever reads a half-written file or replaces a key
 * already sealing credentials.
 */
function createKeyFile(keyFile: string): Buffer {
  const key = randomBytes(32);
  const draft = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(draft, 0o600);
  try {
    linkSync(draft, keyFile);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseKey(readFileSync(keyFile, 'utf8').trim(), keyFile);
  } finally {
    unlinkSync(draft);
  }
}

function parseKey(value: string, source: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(value)
    ? Buffer.from(value, 'hex')
    : Buffer.from(value, 'base64');
  if (key.length !== 32) {
    throw new Error(`${source} must hold a 32-byte key as 64 hex or 44 base64 characters`);
  }
  return key;
}
