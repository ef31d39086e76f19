import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccountGate, GateRegistry } from './account-gate.ts';
import { RecordingClock } from './test-clock.ts';

describe('AccountGate', () => {
  it('never runs more requests at once than its concurrency', async () => {
    const gate = new AccountGate({ concurrency: 3, clock: new RecordingClock() });
    let running = 0;
    let peak = 0;

    await Promise.all(
      Array.from({ length: 20 }, () =>
        gate.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 2));
          running -= 1;
        }),
      ),
    );

    assert.equal(peak, 3);
  });

  it('waits for the window to refresh once the reported quota is spent', async () => {
    const clock = new RecordingClock();
    const gate = new AccountGate({ concurrency: 1, clock });

    await gate.run(() => {
      gate.observeQuota({ left: 1, quota: 5, resetMs: 2_000 });
      return Promise.resolve();
    });
    await gate.run(() => Promise.resolve());
    assert.deepEqual(clock.sleeps, []);

    await gate.run(() => Promise.resolve());
    assert.deepEqual(clock.sleeps, [2_000]);
  });

  it('counts requests still in flight against the quota an answer reports', async () => {
    const clock = new RecordingClock();
    const gate = new AccountGate({ concurrency: 4, clock });
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));

    const slow = [1, 2, 3].map(() => gate.run(() => blocked));
    await gate.run(() => {
      gate.observeQuota({ left: 3, quota: 10, resetMs: 500 });
      return Promise.resolve();
    });
    release();
    await Promise.all(slow);

    await gate.run(() => Promise.resolve());
    assert.deepEqual(clock.sleeps, [500]);
  });

  it('holds every request during a pause', async () => {
    const clock = new RecordingClock();
    const gate = new AccountGate({ concurrency: 2, clock });

    gate.pause(750);
    await gate.run(() => Promise.resolve());

    assert.deepEqual(clock.sleeps, [750]);
  });
});

describe('GateRegistry', () => {
  it('gives the same gate for the same account and another for another account', () => {
    const registry = new GateRegistry();
    const create = () => new AccountGate({ concurrency: 1, clock: new RecordingClock() });

    const first = registry.get('bigcommerce:abc', create);

    assert.equal(registry.get('bigcommerce:abc', create), first);
    assert.notEqual(registry.get('bigcommerce:xyz', create), first);
  });
});
