import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, json, readJson, storeA } from './test-support.ts';

interface V2Product {
  id: number;
  price: string;
  weight: string;
  is_visible: boolean;
  inventory_tracking: string;
  date_created: string;
}
type V2Error = { status: number; message: string }[];

const scarf = {
  name: 'Linen Tea Towel',
  type: 'physical',
  price: '12.99',
  categories: [1],
  availability: 'available',
  weight: '0.2',
  sku: '00077',
  inventory_tracking: 'simple',
  inventory_level: 4,
};

const world = () =>
  harness({
    stores: [
      {
        ...storeA,
        categories: [{ id: 1, name: 'Kitchen' }],
        customers: [{ email: 'ana@example.test', first_name: 'Ana', last_name: 'Cruz' }],
      },
    ],
  });

void describe('/v2/products (legacy and current)', () => {
  void it('creates a product with 201, v2 decimals and dates, hidden by default', async () => {
    const { legacy, current } = world();

    const created = await legacy('/products', { method: 'POST', ...json(scarf) });
    const v3 = await readJson<{ data: { inventory_tracking: string; price: number } }>(
      await current('/v3/catalog/products/1'),
    );

    assert.equal(created.status, 201);
    const product = await readJson<V2Product>(created);
    assert.equal(product.price, '12.9900');
    assert.equal(product.weight, '0.2000');
    assert.equal(product.is_visible, false);
    assert.equal(product.inventory_tracking, 'simple');
    assert.equal(product.date_created, 'Mon, 05 Jan 2026 10:00:00 +0000');
    assert.equal(v3.data.inventory_tracking, 'product');
    assert.equal(v3.data.price, 12.99);
  });

  void it('answers 400 for a missing required field, a read-only field and a bad value', async () => {
    const { legacy } = world();
    const withoutCategories: Partial<typeof scarf> = { ...scarf };
    delete withoutCategories.categories;

    const missing = await legacy('/products', { method: 'POST', ...json(withoutCategories) });
    const readOnly = await legacy('/products', {
      method: 'POST',
      ...json({ ...scarf, calculated_price: 1 }),
    });
    const worn = await legacy('/products', {
      method: 'POST',
      ...json({ ...scarf, condition: 'Worn' }),
    });

    assert.equal(missing.status, 400);
    assert.match((await readJson<V2Error>(missing))[0]?.message ?? '', /categories/);
    assert.equal(readOnly.status, 400);
    assert.match((await readJson<V2Error>(readOnly))[0]?.message ?? '', /calculated_price/);
    assert.equal(worn.status, 400);
  });

  void it('answers 409 for a duplicate SKU whatever its case', async () => {
    const { legacy } = world();
    await legacy('/products', { method: 'POST', ...json(scarf) });

    const response = await legacy('/products', {
      method: 'POST',
      ...json({ ...scarf, name: 'Another towel' }),
    });

    assert.equal(response.status, 409);
    assert.equal((await readJson<V2Error>(response))[0]?.status, 409);
  });

  void it('lists, counts, filters by sku, updates and deletes', async () => {
    const { legacy } = world();
    await legacy('/products', { method: 'POST', ...json(scarf) });
    await legacy('/products', {
      method: 'POST',
      ...json({ ...scarf, name: 'Apron', sku: 'AP-1' }),
    });

    const count = await readJson<{ count: number }>(await legacy('/products/count'));
    const bySku = await readJson<V2Product[]>(await legacy('/products?sku=ap-1'));
    const updated = await legacy('/products/1', { method: 'PUT', ...json({ is_visible: true }) });
    const deleted = await legacy('/products/2', { method: 'DELETE' });
    const empty = await legacy('/products?page=2');

    assert.equal(count.count, 2);
    assert.deepEqual(
      bySku.map((p) => p.id),
      [2],
    );
    assert.equal((await readJson<V2Product>(updated)).is_visible, true);
    assert.equal(deleted.status, 204);
    assert.equal(empty.status, 204);
  });
});

void describe('/v2/categories and /v2/customers', () => {
  void it('creates and lists categories, refusing a duplicate name', async () => {
    const { legacy } = world();

    const created = await legacy('/categories', {
      method: 'POST',
      ...json({ name: 'Teapots', parent_id: 1 }),
    });
    const duplicate = await legacy('/categories', { method: 'POST', ...json({ name: 'kitchen' }) });
    const list = await readJson<{ id: number; parent_category_list: number[] }[]>(
      await legacy('/categories'),
    );

    assert.equal(created.status, 201);
    assert.equal(duplicate.status, 409);
    assert.deepEqual(list[1]?.parent_category_list, [1, 2]);
  });

  void it('creates, counts, filters and updates customers, with unique emails', async () => {
    const { legacy, current } = world();

    const created = await legacy('/customers', {
      method: 'POST',
      ...json({ email: 'ben@example.test', first_name: 'Ben', last_name: 'Lim' }),
    });
    const taken = await legacy('/customers', {
      method: 'POST',
      ...json({ email: 'ANA@example.test', first_name: 'A', last_name: 'B' }),
    });
    const takenByUpdate = await legacy('/customers/2', {
      method: 'PUT',
      ...json({ email: 'ana@example.test' }),
    });
    const count = await readJson<{ count: number }>(await current('/v2/customers/count'));
    const byEmail = await readJson<{ id: number; store_credit: string }[]>(
      await current('/v2/customers?email=BEN@example.test'),
    );

    assert.equal(created.status, 200);
    assert.equal(taken.status, 409);
    assert.equal(takenByUpdate.status, 409);
    assert.equal(count.count, 2);
    assert.equal(byEmail[0]?.id, 2);
    assert.equal(byEmail[0]?.store_credit, '0.0000');
  });
});
