import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  firstSyncCalls,
  onePercentCalls,
  pagesToShortPage,
  pagesWithTotal,
  pullCalls,
  unchangedCalls,
} from './minimal.ts';

void describe('minimal calls of the benchmark runs', () => {
  void it('counts the empty page that ends a list of whole pages', () => {
    assert.equal(pagesToShortPage(0, 50), 1);
    assert.equal(pagesToShortPage(49, 50), 1);
    assert.equal(pagesToShortPage(50, 50), 2);
    assert.equal(pagesToShortPage(2_000, 50), 41);
  });

  void it('reads one v3 page for an empty list and no more pages than the total says', () => {
    assert.equal(pagesWithTotal(0, 250), 1);
    assert.equal(pagesWithTotal(250, 250), 1);
    assert.equal(pagesWithTotal(251, 250), 2);
  });

  void it('creates every product once in a first sync', () => {
    const calls = firstSyncCalls(2_000, 'oauth');
    assert.deepEqual(calls.bySide, { imonggo: 83, bigcommerce: 2_003 });
    assert.equal(calls.byEndpoint['bigcommerce POST /v3/catalog/products'], 2_000);
  });

  void it('asks the store nothing when nothing changed', () => {
    assert.deepEqual(unchangedCalls().bySide, { imonggo: 2, bigcommerce: 0 });
  });

  void it('updates changed products 10 to a batch on v3 and one by one on v2', () => {
    assert.equal(onePercentCalls(20, 'oauth').bySide.bigcommerce, 2);
    assert.equal(onePercentCalls(200, 'oauth').total, 5 + 5 + 20);
    assert.equal(
      onePercentCalls(20, 'legacy').byEndpoint['bigcommerce PUT /api/v2/products/{id}'],
      20,
    );
  });

  void it('reads each order once and posts one invoice per order', () => {
    const calls = pullCalls(1_000, 2_000, 200, 'oauth');
    assert.equal(calls.byEndpoint['bigcommerce GET /v2/orders'], 5);
    assert.equal(calls.byEndpoint['bigcommerce GET /v2/orders/{id}/products'], 1_000);
    assert.equal(calls.byEndpoint['imonggo POST /api/invoices.json'], 1_000);
    assert.deepEqual(calls.bySide, {
      imonggo: 1 + 41 + 41 + 3 + 1 + 1 + 1_000,
      bigcommerce: 1_005,
    });
  });
});
