import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  TestBrowser,
  makeMerchant,
  openWebWorld,
  type WebWorld,
} from '../../test/support/web-world.ts';
import { describeEachDialect } from '../store/test-stores.ts';

const acme = makeMerchant('acme');

describeEachDialect('web settings', (dialect) => {
  let world: WebWorld;
  let browser: TestBrowser;

  before(async () => {
    world = await openWebWorld(dialect, { merchants: [{ merchant: acme }] });
    browser = new TestBrowser(world.app);
    await browser.login(acme);
  });
  after(() => world.close());

  it('shows the defaults, with the branches and payment types of the account', async () => {
    const html = await (await browser.get('/settings')).text();

    for (const id of [2, 3, 8, 9, 10, 11]) {
      assert.match(html, new RegExp(`id="paid-${id}" name="paid" value="${id}" checked`));
    }
    assert.doesNotMatch(html, /id="paid-1" name="paid" value="1" checked/);
    assert.match(html, /id="category" name="category" type="text" value="Imonggo"/);
    assert.match(html, /<option value="1">Main Branch<\/option>/);
    assert.match(html, /<option value="1">Cash<\/option>/);
    assert.match(html, /value="line" checked/);
  });

  it('saves valid settings and refuses invalid ones, saying which', async () => {
    await browser.get('/settings');
    const saved = await browser.post('/settings', {
      paid: ['10', '11'],
      category: 'Teas',
      branch: '1',
      payment_type: '',
      shipping: 'remark',
      shipping_stock_no: 'SHIP',
    });
    assert.equal(saved.status, 303);
    const html = await (await browser.get('/settings?saved=1')).text();
    assert.match(html, /Settings saved/);
    assert.match(html, /value="Teas"/);
    assert.match(html, /<option value="1" selected="">Main Branch<\/option>/);

    const refused = await browser.post('/settings', {
      category: '',
      shipping: 'teleport',
      shipping_stock_no: 'SHIP',
    });
    const text = await refused.text();
    assert.equal(refused.status, 400);
    assert.match(text, /Choose at least one status/);
    assert.match(text, /Enter a category name/);
    assert.match(text, /Choose how shipping appears/);

    const rows = await world.store.db
      .selectFrom('connections')
      .select(['id', 'settings'])
      .execute();
    assert.equal(rows.length, 1);
    assert.deepEqual(JSON.parse(rows[0]?.settings ?? '{}'), {
      paidStatusIds: [10, 11],
      productCategory: 'Teas',
      branchId: 1,
      shipping: 'remark',
      shippingStockNo: 'SHIP',
    });
  });
});
