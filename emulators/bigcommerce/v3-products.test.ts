import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, json, readJson, storeA } from './test-support.ts';

interface Product {
  id: number;
  name: string;
  sku: string;
  is_visible: boolean;
  price: number;
  categories: number[];
  date_created: string;
  date_modified: string;
}
interface ProductList {
  data: Product[];
  meta: { pagination: Record<string, unknown> & { links: Record<string, string> } };
}
interface V3Error {
  status: number;
  title: string;
  errors: Record<string, string>;
}

const mug = { name: 'Stoneware Mug', type: 'physical', weight: 0.4, price: 9.5, sku: 'MUG-01' };

function withProducts(count: number) {
  const products = Array.from({ length: count }, (_, i) => ({
    name: `Tea ${i + 1}`,
    sku: `T${String(i + 1).padStart(4, '0')}`,
    price: 1 + i,
    is_visible: i % 2 === 0,
  }));
  return harness({ stores: [{ ...storeA, products, categories: [{ id: 7, name: 'Tea' }] }] });
}

void describe('POST /v3/catalog/products', () => {
  void it('frees a name and a SKU once their product is renamed or deleted', async () => {
    const { current } = withProducts(3);
    const post = (body: object) =>
      current('/v3/catalog/products', { method: 'POST', ...json({ ...mug, ...body }) });

    const renamed = await current('/v3/catalog/products/1', {
      method: 'PUT',
      ...json({ name: 'Tea renamed', sku: 'T-RENAMED' }),
    });
    const deleted = await current('/v3/catalog/products/2', { method: 'DELETE' });
    const oldName = await post({ name: 'Tea 1', sku: 'NEW-1' });
    const oldSku = await post({ name: 'Another', sku: 't0002' });
    const takenByRename = await post({ name: 'TEA RENAMED', sku: 'NEW-2' });
    const takenSku = await post({ name: 'Yet another', sku: 't-renamed' });

    assert.deepEqual(
      [renamed.status, deleted.status, oldName.status, oldSku.status],
      [200, 204, 200, 200],
    );
    assert.deepEqual([takenByRename.status, takenSku.status], [409, 409]);
  });

  void it('creates one product, answers 200 {data, meta} and hides it by default', async () => {
    const { current } = harness();

    const response = await current('/v3/catalog/products', { method: 'POST', ...json(mug) });

    assert.equal(response.status, 200);
    const body = await readJson<{ data: Product; meta: object }>(response);
    assert.deepEqual(body.meta, {});
    assert.equal(body.data.name, 'Stoneware Mug');
    assert.equal(body.data.is_visible, false);
    assert.equal(body.data.date_created, '2026-01-05T10:00:00+00:00');
  });

  void it('answers 409 for a duplicate name or SKU, ignoring letter case', async () => {
    const { current } = harness();
    await current('/v3/catalog/products', { method: 'POST', ...json(mug) });

    const sameName = await current('/v3/catalog/products', {
      method: 'POST',
      ...json({ ...mug, name: 'STONEWARE MUG', sku: 'other' }),
    });
    const sameSku = await current('/v3/catalog/products', {
      method: 'POST',
      ...json({ ...mug, name: 'Other mug', sku: 'mug-01' }),
    });

    assert.equal(sameName.status, 409);
    assert.equal((await readJson<V3Error>(sameName)).title, 'The product name is a duplicate');
    assert.equal(sameSku.status, 409);
    assert.deepEqual((await readJson<V3Error>(sameSku)).errors, {
      sku: 'The product sku is a duplicate',
    });
  });

  void it('answers 409 when a category does not exist', async () => {
    const { current } = harness();

    const response = await current('/v3/catalog/products', {
      method: 'POST',
      ...json({ ...mug, categories: [99] }),
    });

    assert.equal(response.status, 409);
    assert.ok('categories' in (await readJson<V3Error>(response)).errors);
  });

  void it('answers 422 naming each missing or wrongly typed field', async () => {
    const { current } = harness();

    const response = await current('/v3/catalog/products', {
      method: 'POST',
      ...json({ name: 'x'.repeat(251), weight: '1', price: 2 }),
    });

    assert.equal(response.status, 422);
    const { errors } = await readJson<V3Error>(response);
    assert.deepEqual(Object.keys(errors).sort(), ['name', 'type', 'weight']);
    assert.equal(errors.type, 'is required');
  });

  void it('answers 400 for a body that is not JSON', async () => {
    const { current } = harness();

    const response = await current('/v3/catalog/products', { method: 'POST', body: '{"name":' });

    assert.equal(response.status, 400);
    assert.equal((await readJson<V3Error>(response)).status, 400);
  });
});

void describe('GET /v3/catalog/products', () => {
  void it('pages with meta.pagination and links', async () => {
    const { current } = withProducts(7);

    const response = await current('/v3/catalog/products?limit=3&page=2');
    const body = await readJson<ProductList>(response);

    assert.deepEqual(
      body.data.map((p) => p.id),
      [4, 5, 6],
    );
    assert.deepEqual(body.meta.pagination, {
      total: 7,
      count: 3,
      per_page: 3,
      current_page: 2,
      total_pages: 3,
      links: { previous: '?page=1&limit=3', current: '?page=2&limit=3', next: '?page=3&limit=3' },
    });
  });

  void it('defaults to 50 a page and refuses a limit above 250', async () => {
    const { current } = withProducts(60);

    const first = await readJson<ProductList>(await current('/v3/catalog/products'));
    const tooBig = await current('/v3/catalog/products?limit=251');

    assert.equal(first.data.length, 50);
    assert.equal(first.meta.pagination.total_pages, 2);
    assert.equal(tooBig.status, 413);
  });

  void it('filters by sku, sku:in, id:in, name and is_visible', async () => {
    const { current } = withProducts(6);
    const ids = async (query: string) =>
      (await readJson<ProductList>(await current(`/v3/catalog/products?${query}`))).data.map(
        (p) => p.id,
      );

    assert.deepEqual(await ids('sku=t0002'), [2]);
    assert.deepEqual(await ids('sku:in=T0001,T0005'), [1, 5]);
    assert.deepEqual(await ids('id:in=3,4,99'), [3, 4]);
    assert.deepEqual(await ids('name=Tea%206'), [6]);
    assert.deepEqual(await ids('is_visible=false'), [2, 4, 6]);
    assert.deepEqual(await ids('sort=id&direction=desc&limit=2'), [6, 5]);
  });

  void it('filters on date_modified:min and :max', async () => {
    const { current, clock } = withProducts(2);
    clock.now += 60_000;
    await current('/v3/catalog/products/2', { method: 'PUT', ...json({ price: 3.25 }) });

    const since = await readJson<ProductList>(
      await current('/v3/catalog/products?date_modified:min=2026-01-05T10:00:30'),
    );
    const before = await readJson<ProductList>(
      await current('/v3/catalog/products?date_modified:max=2026-01-05T10:00:30%2B00:00'),
    );

    assert.deepEqual(
      since.data.map((p) => p.id),
      [2],
    );
    assert.deepEqual(
      before.data.map((p) => p.id),
      [1],
    );
  });

  void it('keeps only include_fields (and always id), or drops exclude_fields', async () => {
    const { current } = withProducts(1);

    const included = await readJson<{ data: object[] }>(
      await current('/v3/catalog/products?include_fields=sku,price'),
    );
    const excluded = await readJson<{ data: object[] }>(
      await current('/v3/catalog/products?exclude_fields=id,description'),
    );

    assert.deepEqual(included.data[0], { id: 1, sku: 'T0001', price: 1 });
    assert.ok(excluded.data[0] && 'id' in excluded.data[0]);
    assert.ok(excluded.data[0] && !('description' in excluded.data[0]));
  });

  void it('adds the sub-resources include asks for, with the base variant', async () => {
    const { current } = withProducts(1);

    const one = await readJson<{ data: { images: unknown[]; variants: { sku: string }[] } }>(
      await current('/v3/catalog/products/1?include=images,variants'),
    );
    const unknown = await current('/v3/catalog/products?include=warehouses');

    assert.deepEqual(one.data.images, []);
    assert.equal(one.data.variants[0]?.sku, 'T0001');
    assert.equal(unknown.status, 422);
  });

  void it('answers 422 for an unreadable filter value', async () => {
    const { current } = withProducts(1);

    const response = await current('/v3/catalog/products?id:in=1,x');

    assert.equal(response.status, 422);
  });
});

void describe('PUT /v3/catalog/products (batch)', () => {
  void it('updates every item and bumps date_modified', async () => {
    const { current, clock } = withProducts(3);
    clock.now += 1000;

    const response = await current('/v3/catalog/products', {
      method: 'PUT',
      ...json([
        { id: 1, is_visible: false },
        { id: 3, price: 4.25 },
      ]),
    });

    assert.equal(response.status, 200);
    const { data } = await readJson<{ data: Product[] }>(response);
    assert.equal(data[0]?.is_visible, false);
    assert.equal(data[1]?.price, 4.25);
    assert.equal(data[1]?.date_modified, '2026-01-05T10:00:01+00:00');
  });

  void it('answers 413 for more than 10 items', async () => {
    const { current } = withProducts(11);
    const batch = Array.from({ length: 11 }, (_, i) => ({ id: i + 1, price: 1 }));

    const response = await current('/v3/catalog/products', { method: 'PUT', ...json(batch) });

    assert.equal(response.status, 413);
    assert.equal(
      (await readJson<V3Error>(response)).title,
      'The request payload is too large. The maximum items allowed in the array is 10.',
    );
  });

  void it('applies nothing when one item fails (unknown id, duplicate, missing id)', async () => {
    const { current } = withProducts(3);

    const unknown = await current('/v3/catalog/products', {
      method: 'PUT',
      ...json([
        { id: 1, price: 50 },
        { id: 42, price: 1 },
      ]),
    });
    const duplicate = await current('/v3/catalog/products', {
      method: 'PUT',
      ...json([
        { id: 1, price: 50 },
        { id: 2, name: 'tea 3' },
      ]),
    });
    const noId = await current('/v3/catalog/products', {
      method: 'PUT',
      ...json([{ price: 50 }]),
    });
    const first = await readJson<{ data: Product }>(await current('/v3/catalog/products/1'));

    assert.equal(unknown.status, 404);
    assert.equal(duplicate.status, 409);
    assert.equal(noId.status, 422);
    assert.ok('0.id' in (await readJson<V3Error>(noId)).errors);
    assert.equal(first.data.price, 1);
  });
});

void describe('products by id and batch delete', () => {
  void it('reads, updates and deletes one product; 404 once gone', async () => {
    const { current } = withProducts(2);

    const updated = await current('/v3/catalog/products/1', {
      method: 'PUT',
      ...json({ categories: [7] }),
    });
    const deleted = await current('/v3/catalog/products/1', { method: 'DELETE' });
    const gone = await current('/v3/catalog/products/1');

    assert.deepEqual((await readJson<{ data: Product }>(updated)).data.categories, [7]);
    assert.equal(deleted.status, 204);
    assert.equal(gone.status, 404);
    assert.equal((await readJson<V3Error>(gone)).status, 404);
  });

  void it('deletes by id:in and refuses a delete without a filter', async () => {
    const { current } = withProducts(4);

    const bare = await current('/v3/catalog/products', { method: 'DELETE' });
    const filtered = await current('/v3/catalog/products?id:in=1,3', { method: 'DELETE' });
    const left = await readJson<ProductList>(await current('/v3/catalog/products'));

    assert.equal(bare.status, 422);
    assert.equal(filtered.status, 204);
    assert.deepEqual(
      left.data.map((p) => p.id),
      [2, 4],
    );
  });
});
