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
/** One V8 background thread (README, "Threads"). */
const threadFlag = '--v8-pool-size=1';

// A command that lost the memory flags would quietly need up to twice the memory again; one that
// lost the thread flag would make short runs slower on a two-core machine.
void describe("BIN's processes and their V8 flags", () => {
  void it('every npm script that runs BIN starts Node with them', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };

    for (const name of ['sync', 'start', 'demo', 'bench']) {
      const words = (scripts[name] ?? '').split(/\s+/);
      for (const flag of [...memoryFlags, threadFlag]) {
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

  // Node exits at start on an option it does not allow in NODE_OPTIONS, so a README that offered
  // one would leave the user with a CLI that does not start.
  void it("the README's NODE_OPTIONS for npx bin-sync are ones Node accepts", async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const options = /NODE_OPTIONS='([^']+)' npx bin-sync/.exec(readme)?.[1];

    assert.ok(options, 'README gives NODE_OPTIONS for npx bin-sync');
    assert.ok(options.split(' ').includes(threadFlag));

    const { stdout } = await promisify(execFile)(shim, ['--help'], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: options },
    });

    assert.match(stdout, /Usage: bin-sync/);
  });
});
