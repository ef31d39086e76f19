import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serveOnLoopback, type RunningServer } from '../common/serve.ts';
import { basic, harness, storeA } from './test-support.ts';

void describe('over a loopback socket', () => {
  const { emulator } = harness();
  let server: RunningServer;

  before(async () => {
    server = await serveOnLoopback(emulator.app.fetch, 0);
  });

  after(async () => {
    await server.close();
  });

  void it('serves both kinds of credentials', async () => {
    const current = await fetch(`${server.url}/stores/${storeA.store_hash}/v2/orders`, {
      headers: { 'X-Auth-Token': storeA.access_token },
    });
    const legacy = await fetch(`${server.url}/api/v2/orders/count`, {
      headers: { Authorization: basic(storeA.legacy) },
    });

    assert.equal(current.status, 204);
    assert.equal(legacy.status, 200);
    assert.equal(((await legacy.json()) as { count: number }).count, 0);
  });
});
