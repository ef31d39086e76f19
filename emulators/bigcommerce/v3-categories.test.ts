import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, json, readJson } from './test-support.ts';

interface Category {
  id: number;
  parent_id: number;
  name: string;
}

void describe('/v3/catalog/categories', () => {
  void it('creates, reads, updates, pages and deletes categories', async () => {
    const { current } = harness();

    const created = await current('/v3/catalog/categories', {
      method: 'POST',
      ...json({ parent_id: 0, name: 'Coffee' }),
    });
    await current('/v3/catalog/categories', {
      method: 'POST',
      ...json({ parent_id: 1, name: 'Beans' }),
    });
    const renamed = await current('/v3/catalog/categories/2', {
      method: 'PUT',
      ...json({ name: 'Whole Beans' }),
    });
    const children = await readJson<{ data: Category[]; meta: { pagination: { total: number } } }>(
      await current('/v3/catalog/categories?parent_id=1&limit=1'),
    );
    const deleted = await current('/v3/catalog/categories/2', { method: 'DELETE' });
    const gone = await current('/v3/catalog/categories/2');

    assert.equal(created.status, 200);
    assert.equal((await readJson<{ data: Category }>(renamed)).data.name, 'Whole Beans');
    assert.deepEqual(
      children.data.map((c) => c.name),
      ['Whole Beans'],
    );
    assert.equal(children.meta.pagination.total, 1);
    assert.equal(deleted.status, 204);
    assert.equal(gone.status, 404);
  });

  void it('refuses a missing parent_id (422), an unknown parent (422) and a sibling name (409)', async () => {
    const { current } = harness();
    await current('/v3/catalog/categories', {
      method: 'POST',
      ...json({ parent_id: 0, name: 'Tea' }),
    });

    const noParent = await current('/v3/catalog/categories', {
      method: 'POST',
      ...json({ name: 'Cups' }),
    });
    const unknownParent = await current('/v3/catalog/categories', {
      method: 'POST',
      ...json({ parent_id: 40, name: 'Cups' }),
    });
    const sibling = await current('/v3/catalog/categories', {
      method: 'POST',
      ...json({ parent_id: 0, name: 'TEA' }),
    });

    assert.equal(noParent.status, 422);
    assert.equal(unknownParent.status, 422);
    assert.equal(sibling.status, 409);
  });

  void it('takes a deleted category off its products', async () => {
    const { current } = harness();
    await current('/v3/catalog/categories', {
      method: 'POST',
      ...json({ parent_id: 0, name: 'Tea' }),
    });
    await current('/v3/catalog/products', {
      method: 'POST',
      ...json({ name: 'Oolong', type: 'physical', weight: 0.1, price: 5, categories: [1] }),
    });

    await current('/v3/catalog/categories?id:in=1', { method: 'DELETE' });
    const product = await readJson<{ data: { categories: number[] } }>(
      await current('/v3/catalog/products/1'),
    );

    assert.deepEqual(product.data.categories, []);
  });
});
