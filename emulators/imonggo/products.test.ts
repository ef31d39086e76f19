import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, emulatorWith, json, smallAccount } from './test-helpers.ts';

type Row = Record<string, unknown>;

describe('imonggo emulator: products', () => {
  it('lists in XML with tag_list as a comma string and SKUs kept as text', async () => {
    const emulator = emulatorWith();

    const { status, text, headers } = await call(
      emulator,
      'GET',
      '/accounts/acme/api/products.xml',
    );

    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /application\/xml/);
    assert.match(text, /<products type="array">/);
    assert.match(text, /<stock_no>007<\/stock_no>/);
    assert.match(text, /<tag_list>tea, beverages<\/tag_list>/);
    assert.match(text, /<retail_price>50\.25<\/retail_price>/);
    assert.match(text, /<cost>20\.0<\/cost>/);
    assert.match(text, /<status nil="true"><\/status>/);
    assert.match(text, /<status>D<\/status>/);
  });

  it('lists in JSON as a bare array with tag_list as an array', async () => {
    const emulator = emulatorWith();

    const { text } = await call(emulator, 'GET', '/api/products.json');
    const products = json<Row[]>(text);

    assert.equal(products.length, 3);
    assert.deepEqual(products[0]?.tag_list, ['tea', 'beverages']);
    assert.equal(products[0]?.barcode_list, '0480000000017');
    assert.equal(products[2]?.status, 'D');
  });

  it('picks the format from the Accept header when the path has no suffix', async () => {
    const emulator = emulatorWith();

    const asJson = await call(emulator, 'GET', '/api/products/1', {
      headers: { accept: 'application/json' },
    });
    const asXml = await call(emulator, 'GET', '/api/products/1');

    assert.equal(json<Row>(asJson.text).name, 'Earl Grey Tea');
    assert.match(asXml.text, /^<\?xml[^>]*>\n<product>/);
  });

  it('pages by 50 at most, in id order, with an empty list past the end', async () => {
    const products = Array.from({ length: 120 }, (_, i) => ({ name: `P${i}`, stock_no: `S${i}` }));
    const emulator = emulatorWith(smallAccount({ products, inventories: [] }));

    const capped = json<Row[]>(
      (await call(emulator, 'GET', '/api/products.json?per_page=80')).text,
    );
    const third = json<Row[]>((await call(emulator, 'GET', '/api/products.json?page=3')).text);
    const past = await call(emulator, 'GET', '/api/products.xml?page=4');

    assert.equal(capped.length, 50);
    assert.equal(capped[0]?.id, 1);
    assert.deepEqual(
      third.map((p) => p.id),
      Array.from({ length: 20 }, (_, i) => 101 + i),
    );
    assert.match(past.text, /<products\/>/);
  });

  it('pages stock rows in product order even when they are stored out of order', async () => {
    const products = Array.from({ length: 60 }, (_, i) => ({ name: `P${i}`, stock_no: `S${i}` }));
    // Rows stored from the last product to the first, as rows added later for older products are.
    const inventories = products.map((_, i) => ({ product_id: 60 - i, quantity: 60 - i }));
    const emulator = emulatorWith(smallAccount({ products, inventories }));
    const ids = async (page: number) =>
      json<Row[]>((await call(emulator, 'GET', `/api/inventories.json?page=${page}`)).text).map(
        (row) => row.product_id,
      );

    assert.deepEqual(
      await ids(1),
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      await ids(2),
      Array.from({ length: 10 }, (_, i) => i + 51),
    );
    assert.deepEqual(await ids(3), []);
  });

  it('compares limits with a fraction of a second as time, not as text', async () => {
    const emulator = emulatorWith();
    const ids = async (query: string) =>
      json<Row[]>((await call(emulator, 'GET', `/api/products.json?${query}`)).text).map(
        (p) => p.id,
      );

    // Product 2 was updated at 2024-02-01T00:00:00Z exactly.
    assert.deepEqual(await ids('after=2024-01-31T23:59:59.500Z'), [2, 3]);
    assert.deepEqual(await ids('after=2024-02-01T00:00:00.500Z'), [3]);
    assert.deepEqual(await ids('before=2024-02-01T00:00:00.500Z'), [1, 2]);
    assert.deepEqual(await ids('before=2024-02-01T00:00:00Z'), [1]);
    assert.deepEqual(await ids('from=2024-01-31T23:59:59.500Z'), [2, 3]);
    assert.deepEqual(await ids('from=2024-02-01T00:00:00.500Z'), [3]);
    assert.deepEqual(await ids('to=2024-02-01T00:00:00.500Z'), [1, 2]);
    assert.deepEqual(await ids('to=2024-01-31T23:59:59.500Z'), [1]);
    assert.deepEqual(await ids('after=2024-01-31T16:00:00-08:00'), [3]);
  });

  it('filters by updated time in both accepted formats, ignores an empty value, counts', async () => {
    const emulator = emulatorWith();

    const after = json<Row[]>(
      (await call(emulator, 'GET', '/api/products.json?after=2024-01-15T00:00:00Z')).text,
    );
    const to = json<Row[]>(
      (await call(emulator, 'GET', '/api/products.json?to=2024-02-01%2000:00:00')).text,
    );
    const empty = json<Row[]>((await call(emulator, 'GET', '/api/products.json?after=')).text);
    const count = await call(emulator, 'GET', '/api/products.xml?q=count&active_only=1');
    const last = json<Row>(
      (await call(emulator, 'GET', '/api/products.json?q=last_updated_at')).text,
    );
    const bad = await call(emulator, 'GET', '/api/products.json?after=yesterday');

    assert.deepEqual(
      after.map((p) => p.id),
      [2, 3],
    );
    assert.deepEqual(
      to.map((p) => p.id),
      [1, 2],
    );
    assert.equal(empty.length, 3);
    assert.match(count.text, /<hash>\s*<count type="integer">2<\/count>\s*<\/hash>/);
    assert.equal(last.last_updated_at, '2024-02-15T00:00:00Z');
    assert.equal(bad.status, 422);
  });

  it('creates from an XML body (201) and refuses a taken name and a blank one (422)', async () => {
    const emulator = emulatorWith();
    const body =
      '<product><name>Green Tea</name><stock_no>0042</stock_no><retail_price>9.5</retail_price><tag_list>tea, green</tag_list></product>';

    const created = await call(emulator, 'POST', '/api/products.json', {
      body,
      contentType: 'application/xml',
    });
    const taken = await call(emulator, 'POST', '/api/products.xml', {
      body: '<product><name>green tea</name></product>',
      contentType: 'application/xml',
    });
    const blank = await call(emulator, 'POST', '/api/products.json', {
      body: '{"product":{"retail_price":1}}',
      contentType: 'application/json',
    });

    assert.equal(created.status, 201);
    assert.deepEqual(json<Row>(created.text).tag_list, ['tea', 'green']);
    assert.equal(json<Row>(created.text).stock_no, '0042');
    assert.equal(taken.status, 422);
    assert.match(taken.text, /<errors>\s*<error>Name has already been taken<\/error>\s*<\/errors>/);
    assert.deepEqual(json(blank.text), { error: "Name can't be blank" });
  });

  it('refuses negative prices, more than two decimals and a taken stock_no', async () => {
    const emulator = emulatorWith();

    const { status, text } = await call(emulator, 'POST', '/api/products.json', {
      body: JSON.stringify({
        product: { name: 'X', stock_no: '007', retail_price: 1.234, cost: -1 },
      }),
      contentType: 'application/json',
    });

    assert.equal(status, 422);
    const { error } = json<{ error: string }>(text);
    assert.match(error, /Stock no has already been taken/);
    assert.match(error, /Retail price must have at most 2 decimal places/);
    assert.match(error, /Cost must be greater than or equal to 0/);
  });

  it('updates partially and deletes softly', async () => {
    const emulator = emulatorWith();

    const updated = await call(emulator, 'PUT', '/api/products/2.json', {
      body: '{"product":{"retail_price":99.5}}',
      contentType: 'application/json',
    });
    const deleted = await call(emulator, 'DELETE', '/api/products/2.json');
    const again = await call(emulator, 'GET', '/api/products/2.json');

    assert.equal(updated.status, 200);
    assert.equal(json<Row>(updated.text).retail_price, 99.5);
    assert.equal(json<Row>(updated.text).name, 'Mug');
    assert.equal(json<Row>(updated.text).utc_updated_at, '2024-03-01T12:00:00Z');
    assert.equal(json<Row>(deleted.text).status, 'D');
    assert.equal(json<Row>(again.text).status, 'D');
  });

  it('shows a write in the next changed-since list, and a new product too', async () => {
    const emulator = emulatorWith();
    const ids = async () =>
      json<Row[]>(
        (await call(emulator, 'GET', '/api/products.json?after=2024-02-10T00:00:00Z')).text,
      ).map((p) => p.id);
    // Read once before the writes, so that a copy of the stamps kept from it would be stale.
    assert.deepEqual(await ids(), [3]);

    await call(emulator, 'PUT', '/api/products/1.json', {
      body: '{"product":{"retail_price":1.5}}',
      contentType: 'application/json',
    });
    assert.deepEqual(await ids(), [1, 3]);

    await call(emulator, 'POST', '/api/products.json', {
      body: '{"product":{"name":"Scone","stock_no":"SC-1","retail_price":2}}',
      contentType: 'application/json',
    });
    assert.deepEqual(await ids(), [1, 3, 4]);
  });

  it('answers malformed bodies with 422 and unknown ids and routes with 404', async () => {
    const emulator = emulatorWith();

    const badXml = await call(emulator, 'POST', '/api/products.xml', {
      body: '<product><name>x</name>',
      contentType: 'application/xml',
    });
    const badJson = await call(emulator, 'POST', '/api/products.json', {
      body: '{"product": {',
      contentType: 'application/json',
    });
    const wrongType = await call(emulator, 'POST', '/api/products.json', {
      body: '{"product": {"name": {"a": 1}, "retail_price": "cheap"}}',
      contentType: 'application/json',
    });
    const missing = await call(emulator, 'GET', '/api/products/999.xml');
    const unknown = await call(emulator, 'GET', '/api/widgets.json');

    assert.equal(badXml.status, 422);
    assert.equal(badJson.status, 422);
    assert.equal(wrongType.status, 422);
    assert.match(wrongType.text, /Retail price is not a number/);
    assert.equal(missing.status, 404);
    assert.match(missing.text, /<error>Not Found<\/error>/);
    assert.equal(unknown.status, 404);
  });
});
