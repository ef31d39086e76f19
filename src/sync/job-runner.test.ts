import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { imonggoProducts, openWorld, type World } from '../../test/support/world.ts';
import { InProcessJobRunner, type RunEvent } from './job-runner.ts';

describe('InProcessJobRunner', () => {
  let world: World;

  before(async () => {
    const { products, inventories } = imonggoProducts(40);
    world = await openWorld('sqlite', { imonggo: { products, inventories } });
    world.bigcommerce.faults.set({ latency_ms: 5 });
  });
  after(() => world.close());

  it('runs a job in the background, reports progress, and lets a second start join it', async () => {
    const runner = new InProcessJobRunner(pino({ level: 'silent' }));
    const context = await world.context();
    const events: RunEvent[] = [];

    const first = await runner.start(context, { job: 'products' });
    const stop = runner.follow(first.runId, (event) => events.push(event));
    const second = await runner.start(await world.context(), { job: 'products' });
    const report = await runner.finished(first.runId);
    stop();

    assert.equal(first.joined, false);
    assert.deepEqual(second, { runId: first.runId, joined: true });
    assert.equal(report?.counts.outcomes.done, 40);
    const last = events.at(-1);
    assert.equal(last?.type, 'finished');
    assert.ok(events.some((e) => e.type === 'progress' && e.progress.done > 0));
    assert.equal(runner.progress(first.runId), undefined);
  });

  it('previews without joining or blocking a writing run', async () => {
    const runner = new InProcessJobRunner(pino({ level: 'silent' }));

    const preview = await runner.start(await world.context(), { job: 'products', dryRun: true });
    const report = await runner.finished(preview.runId);

    assert.equal(preview.joined, false);
    assert.ok(report === undefined || report.dryRun);
  });
});
