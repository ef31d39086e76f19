import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '..');
const shim = join(root, 'bin/bin-sync.js');

/** BIN's V8 memory flags (README, "Memory"). */
const memoryFlags = ['--max-semi-space-size=2', '--heap-growing-percent=10'];

// A command that lost the flags would quietly need up to twice the memory again.
void describe("BIN's processes and their V8 memory flags", () => {
  void it('every npm script that runs BIN starts Node with them', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };

    for (const name of ['sync', 'start', 'demo', 'bench']) {
      const words = (scripts[name] ?? '').split(/\s+/);
      for (const flag of memoryFlags) {
        assert.ok(words.includes(flag), `npm script ${name} lacks ${flag}`);
      }
    }
  });

  void it('the bin-sync shim sets the one V8 reads while running, with the same value', () => {
    const source = readFileSync(shim, 'utf8');

    assert.match(source, /^#!\/usr\/bin\/env node\n/, 'a first line every env can run');
    assert.ok(source.includes(`setFlagsFromString('${memoryFlags[1]}')`));
  });

  void it('the shim runs as a program through its first line', async () => {
    const { stdout } = await promisify(execFile)(shim, ['--help'], { cwd: root });

    assert.match(stdout, /Usage: bin-sync/);
  });
});
