import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, emulatorWith, json, smallAccount, testToken } from './test-helpers.ts';

type Row = Record<string, unknown>;

const otherAccount = () =>
  smallAccount({
    account_id: 'beta',
    email: 'owner@beta.test',
    api_token: 'b'.repeat(40),
    products: [{ name: 'Beta Only' }],
    inventories: [],
  });

describe('imonggo emulator: accounts, auth and admin', () => {
  it('refuses a missing or wrong token with 401 and accepts any password', async () => {
    const emulator = emulatorWith();

    const missing = await call(emulator, 'GET', '/api/products.json', { token: null });
    const wrong = await call(emulator, 'GET', '/accounts/acme/api/products.json', {
      token: 'nope',
    });
    const fine = await call(emulator, 'GET', '/accounts/acme/api/products.json');

    assert.equal(missing.status, 401);
    assert.equal(wrong.status, 401);
    assert.match(wrong.headers.get('www-authenticate') ?? '', /Basic/);
    assert.equal(fine.status, 200);
  });

  it('keeps accounts apart: by path prefix, by Host label and by token', async () => {
    const emulator = emulatorWith(smallAccount(), otherAccount());
    const betaToken = 'b'.repeat(40);

    const byPrefix = await call(emulator, 'GET', '/accounts/beta/api/products.json', {
      token: betaToken,
    });
    const crossed = await call(emulator, 'GET', '/accounts/beta/api/products.json');
    const byHost = await call(emulator, 'GET', '/api/products.json', {
      token: betaToken,
      headers: { host: 'beta.c3.imonggo.com' },
    });
    const byToken = await call(emulator, 'GET', '/api/products.json');

    assert.deepEqual(
      json<Row[]>(byPrefix.text).map((p) => p.name),
      ['Beta Only'],
    );
    assert.equal(crossed.status, 401);
    assert.equal(json<Row[]>(byHost.text).length, 1);
    assert.equal(json<Row[]>(byToken.text).length, 3);
  });

  it('exchanges email and password for the token, 404 when they do not match', async () => {
    const emulator = emulatorWith(smallAccount(), otherAccount());

    const xml = await call(
      emulator,
      'GET',
      '/api/tokens.xml?email=owner@acme.test&password=secret-pw',
      { token: null },
    );
    const asJson = await call(
      emulator,
      'GET',
      '/accounts/acme/api/tokens.json?email=owner@acme.test&password=secret-pw',
      { token: null },
    );
    const wrong = await call(emulator, 'GET', '/api/tokens.xml?email=owner@acme.test&password=x', {
      token: null,
    });

    assert.match(xml.text, new RegExp(`<hash>\\s*<api_token>${testToken}</api_token>`));
    assert.deepEqual(json(asJson.text), { api_token: testToken, user_id: 1 });
    assert.equal(wrong.status, 404);
    assert.match(wrong.text, /<errors>\s*<error>Not Found<\/error>/);
    assert.equal(emulator.requests.list().at(-1)?.query.password, '[hidden]');
  });

  it('tells an account its base URL as plain text, and 500 for an unknown account', async () => {
    const emulator = emulatorWith();

    const known = await call(emulator, 'GET', '/system/api_url?account_id=acme', { token: null });
    const unknown = await call(emulator, 'GET', '/system/api_url?account_id=zzz', { token: null });

    assert.equal(known.text, 'http://127.0.0.1:4101/accounts/acme');
    assert.match(known.headers.get('content-type') ?? '', /text\/plain/);
    assert.equal(unknown.status, 500);
    assert.equal(unknown.text, '');
  });

  it('round-trips the admin state, assigning ids, timestamps and default payment types', async () => {
    const emulator = emulatorWith();

    const put = await call(emulator, 'PUT', '/__admin/state', {
      body: JSON.stringify({ accounts: [smallAccount()] }),
      contentType: 'application/json',
    });
    const got = json<{ accounts: Row[] }>((await call(emulator, 'GET', '/__admin/state')).text);
    const account = got.accounts[0] as { customers: Row[]; payment_types: Row[]; products: Row[] };

    assert.equal(put.status, 200);
    assert.equal(account.customers[1]?.id, 6);
    assert.equal(account.customers[1]?.name, 'Alan Turing');
    assert.equal(account.products[1]?.utc_created_at, '2024-03-01T12:00:00Z');
    assert.equal(account.payment_types.length, 6);
    assert.deepEqual(account.products[1]?.tag_list, ['kitchen']);
  });

  it('refuses a bad state document with 400 naming the field', async () => {
    const emulator = emulatorWith();
    const broken = smallAccount({ products: [{ name: 'ok' }, { name: 42 }] });

    const { status, text } = await call(emulator, 'PUT', '/__admin/state', {
      body: JSON.stringify({ accounts: [broken] }),
      contentType: 'application/json',
    });

    assert.equal(status, 400);
    assert.equal(json<Row>(text).field, 'accounts.0.products.1.name');
  });

  it('rate-limits per account with an empty 503 and no Retry-After', async () => {
    const emulator = emulatorWith(smallAccount(), otherAccount());
    emulator.faults.set({ quota: { requests: 2, window_ms: 60_000 } });

    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await call(emulator, 'GET', '/api/products.json')).status);
    const limited = await call(emulator, 'GET', '/api/products.json');
    const other = await call(emulator, 'GET', '/accounts/beta/api/products.json', {
      token: 'b'.repeat(40),
    });

    assert.deepEqual(statuses, [200, 200, 503]);
    assert.equal(limited.text, '');
    assert.equal(limited.headers.get('retry-after'), null);
    assert.equal(other.status, 200);
  });

  it('injects errors before the request is applied, and logs every request', async () => {
    const emulator = emulatorWith();
    emulator.faults.set({ error_rate: 1, error_status: 502 });

    const failed = await call(emulator, 'POST', '/api/products.json', {
      body: '{"product":{"name":"Never"}}',
      contentType: 'application/json',
    });
    emulator.faults.clear();
    const names = json<Row[]>((await call(emulator, 'GET', '/api/products.json')).text);

    assert.equal(failed.status, 502);
    assert.equal(failed.text, '');
    assert.equal(
      names.some((p) => p.name === 'Never'),
      false,
    );
    assert.deepEqual(
      emulator.requests.list().map((r) => [r.method, r.status]),
      [
        ['POST', 502],
        ['GET', 200],
      ],
    );
  });
});

describe('imonggo emulator: customers', () => {
  it('derives the name, truncates long text and refuses a taken alternate code', async () => {
    const emulator = emulatorWith();
    const longStreet = 'x'.repeat(80);

    const created = await call(emulator, 'POST', '/api/customers.xml', {
      body: `<customer><first_name>Grace</first_name><last_name>Hopper</last_name><alternate_code>BC-2</alternate_code><street>${longStreet}</street><birthdate>1906-13-45</birthdate></customer>`,
      contentType: 'application/xml',
    });
    const taken = await call(emulator, 'POST', '/api/customers.json', {
      body: '{"customer":{"first_name":"Other","alternate_code":"BC-1"}}',
      contentType: 'application/json',
    });
    const nameless = await call(emulator, 'POST', '/api/customers.json', {
      body: '{"customer":{"email":"x@y.test"}}',
      contentType: 'application/json',
    });

    assert.equal(created.status, 201);
    assert.match(created.text, /<name>Grace Hopper<\/name>/);
    assert.match(created.text, new RegExp(`<street>${'x'.repeat(50)}</street>`));
    assert.match(created.text, /<birthdate nil="true"><\/birthdate>/);
    assert.deepEqual(json(taken.text), { error: 'Alternate code has already been taken' });
    assert.deepEqual(json(nameless.text), { error: "Name can't be blank" });
  });

  it('pages by 100, filters active ones, updates and deletes softly', async () => {
    const customers = Array.from({ length: 150 }, (_, i) => ({ first_name: `C${i}` }));
    const emulator = emulatorWith(smallAccount({ customers }));

    const first = json<Row[]>((await call(emulator, 'GET', '/api/customers.json')).text);
    await call(emulator, 'DELETE', '/api/customers/3.json');
    const updated = await call(emulator, 'PUT', '/api/customers/4.json', {
      body: '{"customer":{"email":"new@x.test"}}',
      contentType: 'application/json',
    });
    const count = json<Row>(
      (await call(emulator, 'GET', '/api/customers.json?q=count&active_only=1')).text,
    );

    assert.equal(first.length, 100);
    assert.equal(json<Row>(updated.text).email, 'new@x.test');
    assert.equal(json<Row>(updated.text).name, 'C3');
    assert.deepEqual(count, { count: 149 });
  });
});
