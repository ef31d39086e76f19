import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '..');
const shim = join(root, 'bin/bin-sync.js');

/** The V8 flags after `node` on the shim's first line. */
function shimFlags(): string[] {
  const firstLine = readFileSync(shim, 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!\/usr\/bin\/env -S node (.+)$/.exec(firstLine);
  assert.ok(match, `unexpected first line of bin/bin-sync.js: ${firstLine}`);
  return match[1]!.trim().split(/\s+/);
}

// BIN's processes run with a smaller young generation and a slower-growing heap (see README,
// "Memory"); a command that lost the flags would quietly need half as much memory again.
void describe("BIN's processes and their V8 memory flags", () => {
  void it('the bin-sync shim and every npm script that runs BIN name the same flags', () => {
    const flags = shimFlags();
    assert.ok(flags.some((flag) => flag.startsWith('--max-semi-space-size=')));
    assert.ok(flags.some((flag) => flag.startsWith('--heap-growing-percent=')));

    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of ['sync', 'start', 'demo', 'bench']) {
      const words = (scripts[name] ?? '').split(/\s+/);
      for (const flag of flags) assert.ok(words.includes(flag), `npm script ${name} lacks ${flag}`);
    }
  });

  void it('the shim runs as a program through its first line, and Node accepts the flags', async () => {
    const { stdout } = await promisify(execFile)(shim, ['--help'], { cwd: root });

    assert.match(stdout, /Usage: bin-sync/);
  });
});
