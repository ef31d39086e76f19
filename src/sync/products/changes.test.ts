import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Inventory, Product } from '../../imonggo/schemas.ts';
import { blankImonggoProduct } from '../test-records.ts';
import { ChangedProducts, type ChangedPart } from './changes.ts';

function product(id: number, stamp = '2026-03-01T10:00:00Z'): Product {
  return { ...blankImonggoProduct(id), stock_no: `SKU-${id}`, utc_updated_at: stamp };
}

function stock(id: number, quantity: number, stamp = '2026-03-01T10:00:00Z'): Inventory {
  return {
    product_id: id,
    branch_id: 1,
    stock_no: `SKU-${id}`,
    quantity,
    utc_created_at: stamp,
    utc_updated_at: stamp,
  };
}

/** A part as ids, to compare at a glance. */
function shape(part: ChangedPart | undefined) {
  if (!part) return undefined;
  return {
    products: part.products.map((p) => p.id).sort((a, b) => a - b),
    stockOnly: [...part.stockOnly].sort((a, b) => a - b),
    quantities: Object.fromEntries(part.quantities),
  };
}

describe('ChangedProducts', () => {
  it('hands out only the ids that both lists have read past', () => {
    const changes = new ChangedProducts();
    changes.addProducts([product(1), product(5), product(9)]);
    changes.addStock([stock(2, 4), stock(5, 7)]);

    // Both lists reached 5: ids 1, 2 and 5 are complete; 9 may still get a stock row.
    assert.deepEqual(shape(changes.takeReady()), {
      products: [1, 5],
      stockOnly: [2],
      quantities: { 2: 4, 5: 7 },
    });
    assert.equal(changes.takeReady(), undefined);

    changes.addStock([stock(9, 3), stock(12, 0)]);
    assert.deepEqual(shape(changes.takeReady()), {
      products: [9],
      stockOnly: [],
      quantities: { 9: 3 },
    });

    changes.endProducts();
    assert.equal(changes.finished, false);
    changes.endStock();
    assert.deepEqual(shape(changes.takeReady()), {
      products: [],
      stockOnly: [12],
      quantities: { 12: 0 },
    });
    assert.equal(changes.finished, true);
  });

  it('lets an ended list stop holding the other one back', () => {
    const changes = new ChangedProducts();
    changes.addProducts([product(3)]);
    changes.endProducts();
    changes.addStock([stock(1, 1), stock(40, 2)]);

    assert.deepEqual(shape(changes.takeReady()), {
      products: [3],
      stockOnly: [1, 40],
      quantities: { 1: 1, 40: 2 },
    });
  });

  it('ignores a record read again with the same stamp, as when a page boundary shifts', () => {
    const changes = new ChangedProducts();
    changes.addProducts([product(1), product(2)]);
    changes.addStock([stock(2, 5)]);
    assert.deepEqual(shape(changes.takeReady())?.products, [1, 2]);

    changes.addProducts([product(2), product(3)]);
    changes.addStock([stock(2, 5), stock(3, 1)]);

    assert.deepEqual(shape(changes.takeReady()), {
      products: [3],
      stockOnly: [],
      quantities: { 3: 1 },
    });
  });

  it('hands out again a product read again with a newer copy, with its last quantity', () => {
    const changes = new ChangedProducts();
    changes.addProducts([product(4)]);
    changes.addStock([stock(4, 6)]);
    assert.deepEqual(shape(changes.takeReady())?.products, [4]);

    changes.addProducts([product(4, '2026-03-01T10:00:05Z')]);
    changes.endProducts();
    changes.endStock();
    const again = changes.takeReady();

    assert.equal(again?.products[0]?.utc_updated_at, '2026-03-01T10:00:05Z');
    assert.deepEqual(Object.fromEntries(again?.quantities ?? []), { 4: 6 });
    assert.equal(changes.newest.product, '2026-03-01T10:00:05.000Z');
  });

  it('holds everything back until both lists end once a list is out of id order', () => {
    const changes = new ChangedProducts();
    changes.addProducts([product(10), product(20)]);
    changes.addStock([stock(30, 1)]);
    changes.addProducts([product(15)]); // below 20: Imonggo did not list in id order

    assert.equal(changes.takeReady(), undefined);
    changes.endProducts();
    changes.addStock([stock(31, 1)]);
    assert.equal(changes.takeReady(), undefined);

    changes.endStock();
    assert.deepEqual(shape(changes.takeReady()), {
      products: [10, 15, 20],
      stockOnly: [30, 31],
      quantities: { 30: 1, 31: 1 },
    });
  });

  it('keeps every quantity read and the newest stamp of each list for the cursors', () => {
    const changes = new ChangedProducts();
    changes.addProducts([product(1, '2026-03-01T10:00:00Z'), product(2, '2026-03-01T09:00:00Z')]);
    changes.addStock([stock(1, 3, '2026-03-01T08:00:00Z'), stock(7, 0, '2026-03-01T11:00:00Z')]);
    changes.endProducts();
    changes.endStock();
    changes.takeReady();

    assert.deepEqual(Object.fromEntries(changes.quantitiesRead), { 1: 3, 7: 0 });
    assert.deepEqual(changes.newest, {
      product: '2026-03-01T10:00:00.000Z',
      stock: '2026-03-01T11:00:00.000Z',
    });
  });
});
