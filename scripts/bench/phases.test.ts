import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Job } from '../../src/sync/job.ts';
import type { SyncContext } from '../../src/sync/context.ts';
import type { Plan } from '../../src/sync/plan.ts';
import { timedJob, type PhaseTimes } from './phases.ts';

const ctx = {} as SyncContext;

function emptyPlan(): Plan {
  return { job: 'products', items: [], notes: [] };
}

function times(): PhaseTimes {
  return { recover: 0, plan: 0, apply: 0, commit: 0 };
}

void describe('benchmark phase timing', () => {
  void it('keeps what is not a step, so the runner treats the timed job as the real one', () => {
    const job: Job = {
      name: 'products',
      independentChunks: true,
      plan: () => Promise.resolve(emptyPlan()),
      async *planChunks() {
        yield await Promise.resolve(emptyPlan());
      },
      apply: () => Promise.resolve(),
    };

    const timed = timedJob(job, times());

    assert.deepEqual(Object.keys(timed).sort(), Object.keys(job).sort());
    assert.equal(timed.independentChunks, true);
    assert.equal(timed.name, 'products');
  });

  void it('adds the time of each step, and of each chunk read, to its phase', async () => {
    const phases = times();
    const pause = () => new Promise((resolve) => setTimeout(resolve, 15));
    const job: Job = {
      name: 'products',
      recover: pause as () => Promise<void>,
      plan: () => Promise.resolve(emptyPlan()),
      async *planChunks() {
        await pause();
        yield emptyPlan();
        await pause();
        yield emptyPlan();
      },
      apply: pause as () => Promise<void>,
    };
    const timed = timedJob(job, phases);

    await timed.recover?.(ctx);
    const chunks = [];
    for await (const chunk of timed.planChunks!(ctx, {})) chunks.push(chunk);
    await timed.apply(ctx, [], { started() {}, done() {}, failed() {} });

    assert.equal(chunks.length, 2);
    assert.ok(phases.recover >= 0.01, `recover ${phases.recover}`);
    assert.ok(phases.plan >= 0.02, `plan ${phases.plan}`);
    assert.ok(phases.apply >= 0.01, `apply ${phases.apply}`);
    assert.equal(phases.commit, 0);
  });
});
