import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFoundError } from '../http/errors.ts';
import { clientFor, emulatorWith, store } from './test-support.ts';

describe('a legacy account reached through another origin', () => {
  it('names its store in X-Forwarded-Host, so the right store answers', async () => {
    const emulator = emulatorWith({});
    const client = clientFor(emulator, 'legacy', { baseUrl: 'http://127.0.0.1:4102' });

    const statuses = await client.listOrderStatuses();

    assert.ok(statuses.length > 0);
  });

  it('is refused when the store domain is mistyped, even with valid credentials', async () => {
    const emulator = emulatorWith({});
    const client = clientFor(emulator, 'legacy', {
      baseUrl: 'http://127.0.0.1:4102',
      credentials: {
        kind: 'legacy',
        storeDomain: 'other-shop.mybigcommerce.com',
        username: store.username,
        apiToken: store.apiToken,
      },
    });

    await assert.rejects(client.listOrderStatuses(), NotFoundError);
    assert.notEqual(store.domain, 'other-shop.mybigcommerce.com');
  });
});
