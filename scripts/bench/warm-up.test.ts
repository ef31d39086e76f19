import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { warmEmulatorLists, warmStoreBatchUpdates } from './warm-up.ts';

void describe('benchmark warm-up', () => {
  void it("reads the throwaway emulator's changed-since lists", async () => {
    // It throws when an answer is not 200, e.g. if the emulator refused its credentials or query.
    const answered = await warmEmulatorLists();

    // Five rounds of products and stock changed since a limit that keeps the last 10, 20, … 50 of
    // 2,000: the filter ran over every record (an ignored filter would answer 50 each time).
    assert.deepEqual(answered, { requests: 10, records: 300 });
  });

  void it('updates every product of the throwaway store in batches of ten', async () => {
    // It throws when an answer is not 200, e.g. if the store refused a field or the token.
    assert.deepEqual(await warmStoreBatchUpdates(), { requests: 5, updated: 50 });
  });
});
