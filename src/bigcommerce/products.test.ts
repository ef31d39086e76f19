import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../http/errors.ts';
import { clientFor, emulatorWith, kinds, products, requestLines } from './test-support.ts';

for (const kind of kinds) {
  const collection = kind === 'oauth' ? '/v3/catalog/products' : '/v2/products';

  void describe(`products with a ${kind} account`, () => {
    void it('lists every product past several pages', async () => {
      const emulator = emulatorWith({ products: products(600) });
      const client = clientFor(emulator, kind);

      const listed = await client.listProducts();

      assert.equal(listed.length, 600);
      assert.deepEqual(
        listed.map((product) => product.id),
        Array.from({ length: 600 }, (_, i) => i + 1),
      );
      const pages = requestLines(emulator).filter((line) => line === `GET ${collection}`);
      // v3 stops on meta.pagination; v2 reads on until the 204 that follows the last page.
      assert.equal(pages.length, kind === 'oauth' ? 3 : 4);
    });

    void it('yields the products page by page', async () => {
      const client = clientFor(emulatorWith({ products: products(260) }), kind);
      const sizes: number[] = [];

      for await (const page of client.iterateProducts()) sizes.push(page.length);

      assert.deepEqual(sizes, [250, 10]);
    });

    void it('normalizes a product to one shape', async () => {
      const client = clientFor(emulatorWith({ products: products(3) }), kind);

      const product = await client.getProduct(2);

      assert.deepEqual(product, {
        id: 2,
        name: 'Product 2',
        sku: 'SKU-0002',
        price: 10.02,
        description: '<p>Product 2</p>',
        weight: 0.5,
        categories: [2],
        inventory_level: 2,
        inventory_tracking: 'product',
        is_visible: true,
        date_modified: '2026-01-01T00:02:00.000Z',
      });
    });

    void it('filters by ids, SKUs and modification date', async () => {
      const client = clientFor(emulatorWith({ products: products(30) }), kind);

      const byId = await client.listProducts({ ids: [3, 7, 99] });
      const bySku = await client.listProducts({ skus: ['SKU-0004', 'sku-0005', 'NOPE'] });
      const since = await client.listProducts({
        modifiedSince: new Date('2026-01-01T00:28:00Z'),
      });
      const none = await client.listProducts({ ids: [] });

      assert.deepEqual(
        byId.map((product) => product.id),
        [3, 7],
      );
      assert.deepEqual(bySku.map((product) => product.sku).sort(), ['SKU-0004', 'SKU-0005']);
      assert.deepEqual(
        since.map((product) => product.id),
        [28, 29, 30],
      );
      assert.deepEqual(none, []);
    });

    void it('finds a product by SKU whatever its case, and nothing for an unknown SKU', async () => {
      const client = clientFor(emulatorWith({ products: products(5) }), kind);

      const found = await client.findProductBySku('sku-0003');
      const missing = await client.findProductBySku('SKU-9999');

      assert.equal(found?.id, 3);
      assert.equal(missing, undefined);
    });

    void it('creates a product, visible unless told otherwise', async () => {
      const emulator = emulatorWith();
      const client = clientFor(emulator, kind);

      const created = await client.createProduct({
        name: 'Imonggo Mug',
        sku: 'IMG-MUG-01',
        price: 9.5,
        weight: 0.4,
        categories: [1],
        inventory_level: 12,
        inventory_tracking: 'product',
      });

      assert.equal(created.name, 'Imonggo Mug');
      assert.equal(created.price, 9.5);
      assert.equal(created.inventory_tracking, 'product');
      assert.equal(created.is_visible, true);
      assert.deepEqual(requestLines(emulator), [`POST ${collection}`]);
      assert.deepEqual(await client.getProduct(created.id), created);
    });

    void it('updates, hides and shows a product', async () => {
      const client = clientFor(emulatorWith({ products: products(2) }), kind);

      const updated = await client.updateProduct(1, { price: 12.75, inventory_level: 40 });
      const hidden = await client.hideProduct(1);
      const shown = await client.showProduct(2);

      assert.equal(updated.price, 12.75);
      assert.equal(updated.inventory_level, 40);
      assert.equal(hidden.is_visible, false);
      assert.equal((await client.getProduct(1)).is_visible, false);
      assert.equal(shown.is_visible, true);
    });

    void it('updates many products and reports each one', async () => {
      const emulator = emulatorWith({ products: products(25) });
      const client = clientFor(emulator, kind);
      const updates = Array.from({ length: 25 }, (_, i) => ({
        id: i + 1,
        inventory_level: 100 + i,
      }));

      const results = await client.updateProducts(updates);

      assert.equal(results.length, 25);
      assert.ok(results.every((result) => result.ok));
      const levels = results.map((result) => (result.ok ? result.product.inventory_level : -1));
      assert.deepEqual(
        levels,
        updates.map((update) => update.inventory_level),
      );
      const writes = requestLines(emulator).filter((line) => line.startsWith('PUT'));
      // v3 sends batches of at most 10 (10 + 10 + 5); v2 has no batch update.
      assert.equal(writes.length, kind === 'oauth' ? 3 : 25);
    });

    void it('keeps the good items of a batch when one item is refused', async () => {
      const client = clientFor(emulatorWith({ products: products(4) }), kind);

      const results = await client.updateProducts([
        { id: 1, price: 20 },
        { id: 2, name: 'Product 3' },
        { id: 3, price: 30 },
      ]);

      assert.deepEqual(
        results.map((result) => [result.id, result.ok]),
        [
          [1, true],
          [2, false],
          [3, true],
        ],
      );
      const refused = results[1];
      assert.ok(refused && !refused.ok);
      assert.equal(refused.error.kind, 'conflict');
      assert.equal((await client.getProduct(3)).price, 30);
      assert.equal((await client.getProduct(2)).name, 'Product 2');
    });

    void it('reports a product refused as invalid with the field', async () => {
      const client = clientFor(emulatorWith({ products: products(1) }), kind);

      const [result] = await client.updateProducts([{ id: 1, price: -5 }]);

      assert.ok(result && !result.ok);
      assert.ok(result.error instanceof ValidationError);
    });
  });
}
