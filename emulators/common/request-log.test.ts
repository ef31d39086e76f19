import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Hono } from 'hono';
import { apiRequestRecorder } from './admin.ts';
import { FaultInjector } from './faults.ts';
import { RequestLog } from './request-log.ts';

async function postThrough(log: RequestLog) {
  const app = new Hono();
  app.use('*', apiRequestRecorder(log, new FaultInjector()));
  app.post('/api/products', async (c) => c.json(await c.req.json(), 201));

  return app.fetch(
    new Request('http://emulator.test/api/products?password=secret', {
      method: 'POST',
      body: JSON.stringify({ name: 'Tea' }),
    }),
  );
}

it('logs each request with its body, or without when told to keep none', async () => {
  const withBodies = new RequestLog();
  const withoutBodies = new RequestLog({ keepBodies: false });

  const kept = await postThrough(withBodies);
  const notKept = await postThrough(withoutBodies);

  assert.deepEqual(await kept.json(), { name: 'Tea' });
  assert.deepEqual(await notKept.json(), { name: 'Tea' }, 'the handler still reads the body');
  assert.deepEqual(withBodies.list(), [
    {
      method: 'POST',
      path: '/api/products',
      query: { password: '[hidden]' },
      status: 201,
      body: { name: 'Tea' },
    },
  ]);
  assert.deepEqual(withoutBodies.list(), [
    {
      method: 'POST',
      path: '/api/products',
      query: { password: '[hidden]' },
      status: 201,
      body: null,
    },
  ]);
});
