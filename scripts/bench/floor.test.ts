import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { floorOf, latencySeconds, quotaSeconds, type FloorParameters } from './floor.ts';

const bench: FloorParameters = {
  latencyMs: 20,
  inFlight: 8,
  quota: { requests: 150, windowMs: 3_000 },
};

void describe('benchmark floor', () => {
  void it('needs no time for the quota when the store is not called', () => {
    assert.equal(quotaSeconds(0, bench), 0);
  });

  void it('fits up to one quota in the first window, at 8 requests a round', () => {
    assert.equal(quotaSeconds(1, bench), 0.02);
    assert.equal(quotaSeconds(8, bench), 0.02);
    assert.equal(quotaSeconds(9, bench), 0.04);
    assert.equal(quotaSeconds(150, bench), 0.38);
  });

  void it('waits for a new window for every further quota', () => {
    assert.equal(quotaSeconds(151, bench), 3.02);
    assert.equal(quotaSeconds(300, bench), 3.38);
    // 2,003 calls of a first sync of 2,000 products: 14 windows, 53 calls in the last.
    assert.equal(quotaSeconds(2_003, bench), 39.14);
  });

  void it('adds the latency rounds of both accounts', () => {
    assert.equal(latencySeconds({ imonggo: 3, bigcommerce: 0 }, bench), 0.02);
    assert.equal(latencySeconds({ imonggo: 9, bigcommerce: 2 }, bench), 0.06);
  });

  void it('names the larger bound', () => {
    const firstSync = floorOf({ imonggo: 83, bigcommerce: 2_003 }, bench);
    assert.equal(firstSync.bound, 'quota');
    assert.equal(firstSync.seconds, 39.14);

    const unchanged = floorOf({ imonggo: 3, bigcommerce: 0 }, bench);
    assert.equal(unchanged.bound, 'latency');
    assert.equal(unchanged.seconds, 0.02);
  });
});
