import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBigCommerceEmulator } from '../bigcommerce/index.ts';
import { createImonggoEmulator } from '../imonggo/index.ts';
import { buildDemoWorld, DEMO_EPOCH } from './index.ts';

const world = buildDemoWorld();
const account = world.imonggo.accounts[0];
const store = world.bigcommerce.stores[0];

function must<T>(value: T | undefined): T {
  assert.ok(value !== undefined);
  return value;
}

void describe('demo world', () => {
  void it('is the same on every build', () => {
    assert.deepEqual(buildDemoWorld(), world);
  });

  void it('has one Imonggo account with the demo credentials, branch and payment types', () => {
    const { imonggo } = world;

    assert.equal(imonggo.accounts.length, 1);
    assert.equal(must(account).account_id, 'demo');
    assert.equal(must(account).email, 'owner@demo-shop.test');
    assert.equal(must(account).password, 'demo-password');
    assert.match(must(account).api_token, /^[0-9a-f]{40}$/);
    assert.deepEqual(must(account).branches, [{ id: 1, name: 'Main Branch' }]);
    assert.deepEqual(must(account).payment_types.slice(0, 2), [
      { id: 1, name: 'Cash' },
      { id: 2, name: 'Credit Card' },
    ]);
  });

  void it('has about 200 products over 8-10 tags, some sold out, uncounted or deleted', () => {
    const { products, inventories } = must(account);
    const tags = new Set(products.flatMap((p) => p.tag_list));
    const counted = new Set(inventories.map((row) => row.product_id));
    const active = products.filter((p) => p.status === null);

    assert.ok(products.length >= 190 && products.length <= 210, `${products.length} products`);
    assert.ok(tags.size >= 8 && tags.size <= 10, `${tags.size} tags`);
    assert.ok(
      [...tags].every((tag) => products.filter((p) => p.tag_list.includes(tag)).length > 3),
    );
    assert.ok(inventories.filter((row) => row.quantity === 0).length >= 3);
    assert.ok(active.filter((p) => !counted.has(p.id)).length >= 3);
    assert.ok(products.filter((p) => p.status === 'D').length >= 5);
    assert.ok(products.some((p) => /^0\d+$/.test(p.stock_no)));
    assert.ok(
      products.every(
        (p) => Math.abs(p.retail_price * 100 - Math.round(p.retail_price * 100)) < 1e-6,
      ),
    );
    assert.ok(products.some((p) => p.retail_price % 1 !== 0));
    assert.equal(new Set(products.map((p) => p.stock_no)).size, products.length);
    assert.equal(new Set(products.map((p) => p.name)).size, products.length);
  });

  void it('has 50 customers a side, about 15 shared by email, a few differing in case', () => {
    const imonggoEmails = must(account).customers.map((c) => c.email);
    const storeEmails = must(store).customers?.map((c) => c.email) ?? [];
    const lower = new Set(imonggoEmails.map((email) => email.toLowerCase()));
    const shared = storeEmails.filter((email) => lower.has(email.toLowerCase()));
    const exact = storeEmails.filter((email) => imonggoEmails.includes(email));

    assert.equal(imonggoEmails.length, 50);
    assert.equal(storeEmails.length, 50);
    assert.equal(shared.length, 15);
    assert.ok(shared.length - exact.length >= 2);
    const deleted = must(account).customers.filter((c) => c.status === 'D');
    assert.ok(deleted.length >= 1 && deleted.length <= 2);
  });

  void it('has the demo store with both credential kinds and 3 products linked by SKU', () => {
    const stockNos = new Set(must(account).products.map((p) => p.stock_no));

    assert.equal(must(store).store_hash, 'demo1234');
    assert.equal(must(store).domain, 'demo-shop.mybigcommerce.com');
    assert.equal(must(store).legacy.username, 'bin-demo');
    assert.match(must(store).legacy.api_token, /^[0-9a-f]{40}$/);
    assert.ok((must(store).categories?.length ?? 0) >= 2);
    assert.equal(must(store).products?.length, 3);
    assert.ok(must(store).products?.every((p) => stockNos.has(p.sku ?? '')));
  });

  void it('has 30 orders in mixed statuses with lines for missing and deleted products', () => {
    const orders = must(store).orders ?? [];
    const products = must(account).products;
    const bySku = new Map(products.map((p) => [p.stock_no, p]));
    const lines = orders.flatMap((order) =>
      (order.products ?? []).map((line) => ({ order, line, product: bySku.get(line.sku) })),
    );
    const deletedBefore = lines.filter(
      ({ order, product }) =>
        product?.status === 'D' && product.utc_updated_at < String(order.date_created),
    );
    const deletedAfter = lines.filter(
      ({ order, product }) =>
        product?.status === 'D' && product.utc_updated_at > String(order.date_created),
    );

    assert.equal(orders.length, 30);
    assert.ok(new Set(orders.map((o) => o.status_id)).size >= 8);
    assert.ok(
      orders.every((o) => (o.products?.length ?? 0) >= 1 && (o.products?.length ?? 0) <= 5),
    );
    assert.ok(lines.some(({ product }) => product === undefined));
    assert.ok(deletedBefore.length >= 1);
    assert.ok(deletedAfter.length >= 1);
    assert.ok(orders.some((o) => o.customer_id === 0));
    assert.ok(orders.some((o) => Number(o.shipping_cost_inc_tax ?? 0) > 0));
    assert.ok(orders.every((o) => Date.parse(String(o.date_created)) < DEMO_EPOCH));
  });

  void it('loads into the BigCommerce emulator and lists its orders over v2', async () => {
    const emulator = createBigCommerceEmulator({ now: () => DEMO_EPOCH });
    emulator.setState(world.bigcommerce);
    const { credentials } = world;
    const headers = { 'X-Auth-Token': credentials.bigcommerce.access_token };
    const base = `http://127.0.0.1:4102/stores/${credentials.bigcommerce.store_hash}/v2`;

    const first = await emulator.fetch(`${base}/orders?limit=25`, { headers });
    const second = await emulator.fetch(`${base}/orders?limit=25&page=2`, { headers });
    const third = await emulator.fetch(`${base}/orders?limit=25&page=3`, { headers });

    assert.equal(((await first.json()) as unknown[]).length, 25);
    assert.equal(((await second.json()) as unknown[]).length, 5);
    assert.equal(third.status, 204);
  });

  void it('loads into the Imonggo emulator', () => {
    const emulator = createImonggoEmulator({ now: () => DEMO_EPOCH });

    emulator.setState(world.imonggo);

    assert.deepEqual(
      emulator.getState().accounts.map((a) => a.products.length),
      [200],
    );
  });
});
