import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { GcTimer } from './gc.ts';

// The test runner starts Node without --expose-gc; a new context made after the flag is set gets
// the gc function, as the benchmark's process has it from its command line.
setFlagsFromString('--expose-gc');
// Called bare it collects the whole heap; `{ type: 'minor' }` scavenges the young generation.
const collect = runInNewContext('gc') as (options?: { type: 'minor' }) => void;

function waitForEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

void describe('GcTimer', () => {
  void it('counts a full collection as major and a scavenge as minor', async () => {
    const timer = new GcTimer();
    timer.start();

    collect();
    collect({ type: 'minor' });
    await waitForEvents();
    const figures = timer.stop();

    assert.ok(figures.gcMsByKind.major > 0, 'major collection counted');
    assert.ok(figures.gcMsByKind.minor > 0, 'scavenge counted');
    assert.ok(figures.gcPauses >= 2);
    const { minor, major, incremental, weakCallbacks } = figures.gcMsByKind;
    const byKind = minor + major + incremental + weakCallbacks;
    assert.ok(Math.abs(byKind - figures.gcMs) < 1e-6, 'every event has a kind');
  });

  void it('counts nothing once stopped', async () => {
    const timer = new GcTimer();
    timer.start();
    const before = timer.stop();

    collect();
    await waitForEvents();

    assert.equal(before.gcPauses, 0);
    assert.equal(timer.stop().gcPauses, 0);
  });
});
