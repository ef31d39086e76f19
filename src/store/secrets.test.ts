import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SecretBox, loadSecretKey } from './secrets.ts';
import { runProcessesAtOnce } from './test-processes.ts';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed for the same owner, and hides the plaintext', () => {
    const sealed = box.seal('{"token":"abc123"}', 'conn-1');

    assert.doesNotMatch(sealed, /abc123/);
    assert.equal(box.open(sealed, 'conn-1'), '{"token":"abc123"}');
  });

  it('gives a different sealed value each time', () => {
    assert.notEqual(box.seal('same', 'conn-1'), box.seal('same', 'conn-1'));
  });

  it('refuses a value moved to another owner, a tampered value and another key', () => {
    const sealed = box.seal('secret', 'conn-1');
    const [format, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body ?? '', 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;

    assert.throws(() => box.open(sealed, 'conn-2'), /cannot be opened/);
    assert.throws(
      () => box.open([format, iv, tag, flipped.toString('base64')].join('.'), 'conn-1'),
      /cannot be opened/,
    );
    assert.throws(() => new SecretBox(randomBytes(32)).open(sealed, 'conn-1'), /cannot be opened/);
  });
});

describe('loadSecretKey', () => {
  it('creates a key file readable by its owner only, and reads it back', () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'bin-key-')), 'nested', 'secret.key');

    const first = loadSecretKey({ keyFile });
    const second = loadSecretKey({ keyFile });

    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    assert.deepEqual(first, second);
    assert.match(readFileSync(keyFile, 'utf8'), /^[0-9a-f]{64}\n$/);
  });

  it('gives every process the same key when several start at once on a fresh machine', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bin-key-race-'));
    const secretsModule = new URL('./secrets.ts', import.meta.url).pathname;
    const source = `
      const { loadSecretKey } = await import(${JSON.stringify(secretsModule)});
      process.stdout.write(loadSecretKey({ keyFile: process.env.KEY_FILE }).toString('hex'));
    `;

    const { outputs, failures } = await runProcessesAtOnce(6, source, {
      KEY_FILE: join(folder, 'secret.key'),
    });

    assert.deepEqual(failures, []);
    assert.equal(outputs.length, 6);
    assert.equal(new Set(outputs).size, 1, 'two processes used different keys');
    assert.equal(`${outputs[0]}\n`, readFileSync(join(folder, 'secret.key'), 'utf8'));
    assert.deepEqual(readdirSync(folder), ['secret.key']);
  });

  it('prefers BIN_SECRET_KEY and rejects a key of the wrong size', () => {
    const hex = randomBytes(32).toString('hex');

    assert.equal(loadSecretKey({ envValue: hex, keyFile: '/nonexistent/k' }).toString('hex'), hex);
    assert.throws(() => loadSecretKey({ envValue: 'short', keyFile: '/x' }), /BIN_SECRET_KEY must/);
  });
});
