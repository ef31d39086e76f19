import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Product as StoreProduct } from '../../bigcommerce/types.ts';
import type { Product as ImonggoProduct } from '../../imonggo/schemas.ts';
import type { Link } from '../../store/schema.ts';
import { hashValues } from '../hash.ts';
import { blankImonggoProduct } from '../test-records.ts';
import { planProducts, type ProductPlanInput } from './rules.ts';

function product(id: number, overrides: Partial<ImonggoProduct> = {}): ImonggoProduct {
  return {
    ...blankImonggoProduct(id),
    stock_no: `SKU-${id}`,
    name: `Product ${id}`,
    cost: 1,
    retail_price: 10,
    ...overrides,
  };
}

function link(id: number, overrides: Partial<Link> = {}): Link {
  return {
    id,
    connection_id: 'c',
    entity: 'product',
    natural_key: `SKU-${id}`,
    imonggo_id: String(id),
    bigcommerce_id: String(100 + id),
    state: 'linked',
    pushed_hash: 'old',
    pushed_name: `Product ${id}`,
    visible: 1,
    created_at: '',
    updated_at: '',
    ...overrides,
  };
}

function storeProduct(id: number, sku: string, name: string): StoreProduct {
  return {
    id,
    name,
    sku,
    price: 1,
    description: '',
    weight: 0,
    categories: [],
    inventory_level: 0,
    inventory_tracking: 'product',
    is_visible: true,
    date_modified: '2026-01-01T00:00:00+00:00',
  };
}

function plan(input: Partial<ProductPlanInput>) {
  return planProducts({
    products: [],
    quantities: new Map(),
    links: [],
    storeProducts: [],
    tags: [],
    ...input,
  });
}

function only(result: ReturnType<typeof plan>) {
  assert.equal(result.items.length, 1);
  return result.items[0]!;
}

describe('planProducts (user guide table 3)', () => {
  it('says why nothing is posted for an account without products', () => {
    const result = plan({});

    assert.equal(result.items.length, 0);
    assert.match(result.notes.join(' '), /nothing will be posted/);
  });

  it('posts nothing when every quantity is 0, and says so', () => {
    const result = plan({ products: [product(1), product(2)], quantities: new Map([[1, 0]]) });

    assert.deepEqual(
      result.items.map((i) => i.action),
      ['skip', 'skip'],
    );
    assert.match(result.items[0]!.reason, /quantity is 0; not posted/);
    assert.match(result.items[1]!.reason, /no stock/);
    assert.match(result.notes.join(' '), /quantity 0/);
  });

  it('creates a product with stock that was never posted, with its values', () => {
    const item = only(
      plan({ products: [product(1, { retail_price: 12.5 })], quantities: new Map([[1, 4]]) }),
    );

    assert.equal(item.action, 'create');
    assert.equal(item.key, 'SKU-1');
    assert.deepEqual(item.payload?.values, {
      name: 'Product 1',
      sku: 'SKU-1',
      price: 12.5,
      description: '',
      weight: 0,
      inventory_level: 4,
    });
  });

  it('hides a posted product whose quantity fell to 0, and leaves it hidden after', () => {
    const hide = only(
      plan({ products: [product(1)], quantities: new Map([[1, 0]]), links: [link(1)] }),
    );
    const again = only(
      plan({
        products: [product(1)],
        quantities: new Map([[1, 0]]),
        links: [link(1, { visible: 0 })],
      }),
    );

    assert.equal(hide.action, 'hide');
    assert.equal(hide.payload?.values.inventory_level, 0);
    assert.equal(again.action, 'skip');
    assert.match(again.reason, /already hidden/);
  });

  it('hides a posted product deleted in Imonggo, and never posts a deleted one', () => {
    const deleted = product(1, { status: 'D' });

    assert.equal(
      only(plan({ products: [deleted], quantities: new Map([[1, 5]]), links: [link(1)] })).action,
      'hide',
    );
    const never = only(plan({ products: [deleted], quantities: new Map([[1, 5]]) }));
    assert.equal(never.action, 'skip');
    assert.match(never.reason, /deleted in Imonggo; not posted/);
  });

  it('shows a hidden product again when it is back in stock', () => {
    const item = only(
      plan({
        products: [product(1)],
        quantities: new Map([[1, 3]]),
        links: [link(1, { visible: 0 })],
      }),
    );

    assert.equal(item.action, 'show');
    assert.match(item.reason, /back in stock/);
  });

  it('updates a posted product whose values changed, and skips one that did not', () => {
    const changed = only(
      plan({ products: [product(1)], quantities: new Map([[1, 3]]), links: [link(1)] }),
    );
    const values = changed.payload!.values;
    const same = only(
      plan({
        products: [product(1)],
        quantities: new Map([[1, 3]]),
        links: [link(1, { pushed_hash: hashValues({ ...values }) })],
      }),
    );

    assert.equal(changed.action, 'update');
    assert.equal(same.action, 'skip');
    assert.match(same.reason, /unchanged/);
  });

  it('links a product the store already has with the same SKU instead of posting it twice', () => {
    const item = only(
      plan({
        products: [product(1)],
        quantities: new Map([[1, 2]]),
        storeProducts: [storeProduct(555, 'sku-1', 'Old name')],
      }),
    );

    assert.equal(item.action, 'link');
    assert.equal(item.bigcommerceId, '555');
  });

  it('posts two products of the same name, the second under a unique name, and says so', () => {
    const result = plan({
      products: [product(1, { name: 'Green Tea' }), product(2, { name: 'green tea' })],
      quantities: new Map([
        [1, 1],
        [2, 1],
      ]),
    });

    assert.deepEqual(
      result.items.map((i) => i.payload?.values.name),
      ['Green Tea', 'green tea (SKU-2)'],
    );
    assert.match(result.items[1]!.reason, /posted as "green tea \(SKU-2\)"/);
  });

  it('keeps the chosen tags only, compared trimmed and without case', () => {
    const result = plan({
      products: [product(1, { tag_list: [' Tea '] }), product(2, { tag_list: ['coffee'] })],
      quantities: new Map([
        [1, 1],
        [2, 1],
      ]),
      tags: ['tea'],
    });

    assert.deepEqual(
      result.items.map((i) => i.imonggoId),
      ['1'],
    );
  });

  it('rejects a product without a stock number and a second one with the same stock number', () => {
    const result = plan({
      products: [
        product(1, { stock_no: '' }),
        product(2, { stock_no: 'A' }),
        product(3, { stock_no: 'a' }),
      ],
      quantities: new Map([
        [1, 1],
        [2, 1],
        [3, 1],
      ]),
    });

    assert.deepEqual(
      result.items.map((i) => i.action),
      ['reject', 'create', 'reject'],
    );
  });

  it('escapes markup in descriptions so the storefront shows it as text', () => {
    const item = only(
      plan({
        products: [product(1, { description: '<script>x</script>' })],
        quantities: new Map([[1, 1]]),
      }),
    );

    assert.equal(item.payload?.values.description, '&lt;script&gt;x&lt;/script&gt;');
  });
});
