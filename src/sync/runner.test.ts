import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { systemClock } from '../http/clock.ts';
import { ConnectionRepository } from '../store/connections.ts';
import type { Store } from '../store/database.ts';
import { RunRepository } from '../store/runs.ts';
import { SecretBox } from '../store/secrets.ts';
import { openTestStore } from '../store/test-stores.ts';
import type { SyncContext } from './context.ts';
import type { Job } from './job.ts';
import type { Plan, PlanItem } from './plan.ts';
import { runJob } from './runner.ts';

function item(key: string, action: PlanItem['action'] = 'create'): PlanItem {
  return {
    seq: 0,
    entity: 'product',
    key,
    label: key,
    imonggoId: null,
    bigcommerceId: null,
    action,
    reason: 'test',
  };
}

/** A job of three chunks that logs, in order, what the runner asked of it. */
function chunkedJob(events: string[], failOn?: string): Job {
  const chunks: Plan[] = [
    { job: 'products', items: [item('a'), item('b', 'skip')], notes: ['first'] },
    { job: 'products', items: [item('c'), item('d', 'reject')], notes: [] },
    { job: 'products', items: [item('e')], notes: ['last'] },
  ];
  return {
    name: 'products',
    plan: () => Promise.reject(new Error('the runner must use the chunks')),
    async *planChunks() {
      for (const [index, chunk] of chunks.entries()) {
        events.push(`read ${index + 1}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        yield chunk;
      }
    },
    async apply(_ctx, items, reporter) {
      for (const planned of items) {
        events.push(`apply ${planned.key}`);
        if (planned.key === failOn) throw new Error('the remote fell over');
        reporter.started(planned);
        await new Promise((resolve) => setTimeout(resolve, 5));
        reporter.done(planned);
      }
    },
  };
}

describe('runJob with a plan in chunks', () => {
  let store: Store;
  let ctx: SyncContext;

  before(async () => {
    store = await openTestStore('sqlite');
    const now = () => new Date().toISOString();
    const connection = await new ConnectionRepository(
      store.db,
      new SecretBox(Buffer.alloc(32)),
      now,
    ).upsert({
      imonggo: { accountId: 'acme', apiToken: 't' },
      bigcommerce: { kind: 'oauth', storeHash: 'h', accessToken: 't' },
    });
    ctx = {
      connectionId: connection.id,
      runs: new RunRepository(store.db, { now: () => new Date() }),
      logger: pino({ level: 'silent' }),
      clock: systemClock,
    } as unknown as SyncContext;
  });
  after(() => store.close());

  it('numbers the items across chunks and applies a chunk while the next is read', async () => {
    const events: string[] = [];

    const report = await runJob(ctx, chunkedJob(events));

    assert.deepEqual(
      report.items.map((i) => `${i.seq}:${i.key}:${i.outcome}`),
      ['1:a:done', '2:b:skipped', '3:c:done', '4:d:failed', '5:e:done'],
    );
    assert.deepEqual(report.notes, ['first', 'last']);
    assert.equal(report.status, 'partial');
    assert.ok(events.indexOf('apply a') < events.indexOf('read 3'), events.join(', '));
  });

  it('previews every chunk without applying any', async () => {
    const events: string[] = [];

    const report = await runJob(ctx, chunkedJob(events), { dryRun: true });

    assert.equal(report.items.length, 5);
    assert.deepEqual(events, ['read 1', 'read 2', 'read 3']);
  });

  it('keeps only the records asked for, and says which were not found', async () => {
    const report = await runJob(ctx, chunkedJob([]), { only: ['c', 'zz'] });

    assert.deepEqual(
      report.items.map((i) => `${i.seq}:${i.key}`),
      ['1:c'],
    );
    assert.match(report.notes.join(' '), /not retried: zz/);
  });

  it('fails the run, and stops reading, when applying a chunk fails', async () => {
    const events: string[] = [];

    await assert.rejects(runJob(ctx, chunkedJob(events, 'a')), /the remote fell over/);

    assert.ok(!events.includes('apply e'));
    const runs = await ctx.runs.list(ctx.connectionId, 1);
    assert.equal(runs[0]?.status, 'failed');
  });
  it('applies independent chunks at once, holding back only a chunk that shares a key', async () => {
    const events: string[] = [];
    const slow = new Map([
      ['a', 60],
      ['b', 60],
    ]);
    const chunks: Plan[] = [
      { job: 'products', items: [item('a')], notes: [] },
      { job: 'products', items: [item('b')], notes: [] },
      { job: 'products', items: [item('a', 'update'), item('c')], notes: [] },
    ];
    const job: Job = {
      name: 'products',
      independentChunks: true,
      plan: () => Promise.reject(new Error('the runner must use the chunks')),
      async *planChunks() {
        for (const chunk of chunks) {
          yield chunk;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      },
      async apply(_ctx, items, reporter) {
        for (const planned of items) {
          events.push(`start ${planned.key}:${planned.action}`);
          reporter.started(planned);
          await new Promise((resolve) => setTimeout(resolve, slow.get(planned.key) ?? 5));
          events.push(`end ${planned.key}:${planned.action}`);
          reporter.done(planned);
        }
      },
    };

    const report = await runJob(ctx, job);

    assert.equal(report.status, 'succeeded');
    assert.deepEqual(
      report.items.map((i) => `${i.seq}:${i.key}:${i.outcome}`),
      ['1:a:done', '2:b:done', '3:a:done', '4:c:done'],
    );
    // b started before a ended: the first two chunks ran at once.
    assert.ok(events.indexOf('start b:create') < events.indexOf('end a:create'), events.join());
    // The third chunk writes a again, so it waited for the first chunk's write of a.
    assert.ok(events.indexOf('start a:update') > events.indexOf('end a:create'), events.join());
  });

  it('stops starting independent chunks once one fails', async () => {
    const events: string[] = [];
    const job: Job = { ...chunkedJob(events, 'a'), independentChunks: true };

    await assert.rejects(runJob(ctx, job), /the remote fell over/);

    assert.ok(!events.includes('apply e'), events.join());
  });
});
