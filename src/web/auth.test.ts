import assert from 'node:assert/strict';
import { after, before, beforeEach, it } from 'node:test';
import { describeEachDialect } from '../store/test-stores.ts';
import {
  TestBrowser,
  makeMerchant,
  openWebWorld,
  secretsOf,
  type WebWorld,
} from '../../test/support/web-world.ts';
import { hashToken } from './sessions.ts';

const acme = makeMerchant('acme');

function sessionCookie(browser: TestBrowser): string | undefined {
  return browser.cookies.get('bin_session');
}

describeEachDialect('web login and sessions', (dialect) => {
  let world: WebWorld;
  let now = Date.parse('2026-02-01T08:00:00Z');

  before(async () => {
    world = await openWebWorld(dialect, {
      merchants: [{ merchant: acme }],
      clock: { now: () => now, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 5))) },
    });
  });
  after(() => world.close());
  beforeEach(() => {
    now += 60 * 60_000;
  });

  it('shows the six fields of the guide with real labels on the index page', async () => {
    const browser = new TestBrowser(world.app);
    const response = await browser.get('/');
    const html = await response.text();

    assert.equal(response.status, 200);
    for (const [id, label] of [
      ['account_id', 'Account ID'],
      ['email', 'Email'],
      ['password', 'Password'],
      ['username', 'Username'],
      ['api_token', 'API Token'],
      ['store_id', 'Store ID'],
      ['store_hash', 'Store hash'],
      ['access_token', 'Access token'],
    ]) {
      assert.match(html, new RegExp(`<label for="${id}">${label}</label>`));
      assert.match(html, new RegExp(`<input id="${id}" name="${id}"`));
    }
    assert.match(html, />LOGIN</);
    assert.match(html, /store&#39;s domain/);
  });

  it('sends a strict CSP and the usual security headers', async () => {
    const response = await new TestBrowser(world.app).get('/');
    const csp = response.headers.get('content-security-policy') ?? '';

    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.doesNotMatch(await response.text(), /<script>|<script [^>]*>[^<]/);
  });

  it('logs in with a legacy account, with an HttpOnly SameSite cookie whose hash alone is stored', async () => {
    const browser = new TestBrowser(world.app);
    const response = await browser.login(acme, 'legacy');

    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/home');
    const setCookie =
      response.headers.getSetCookie().find((c) => c.startsWith('bin_session=')) ?? '';
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    assert.doesNotMatch(setCookie, /Secure/);
    const token = sessionCookie(browser) ?? '';
    assert.equal(Buffer.from(token, 'base64url').length, 32);

    const rows = await world.store.db
      .withTables<{ web_sessions: { token_hash: string } }>()
      .selectFrom('web_sessions')
      .select('token_hash')
      .execute();
    assert.ok(rows.some((row) => row.token_hash === hashToken(token)));
    assert.ok(rows.every((row) => row.token_hash !== token));

    const home = await browser.get('/home');
    assert.equal(home.status, 200);
    assert.match(browser.lastBody, /POST ALL PRODUCTS/);
  });

  it('logs in with the current kind of API account too', async () => {
    const browser = new TestBrowser(world.app);
    const response = await browser.login(acme, 'oauth', {
      username: '',
      api_token: '',
      store_id: '',
    });

    assert.equal(response.status, 303);
    assert.equal((await browser.get('/home')).status, 200);
  });

  it('marks the cookie Secure and __Host- over HTTPS', async () => {
    const browser = new TestBrowser(world.app, { origin: 'https://localhost' });
    await browser.get('https://localhost/');
    const body = new URLSearchParams({
      _login: browser.loginToken() ?? '',
      account_id: acme.accountId,
      email: acme.email,
      password: acme.password,
      bc_kind: 'oauth',
      store_hash: acme.storeHash,
      access_token: acme.accessToken,
    });
    const cookie = [...browser.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
    const response = await world.app.request('https://localhost/login', {
      method: 'POST',
      body: body.toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://localhost',
        cookie,
      },
    });
    const setCookie =
      response.headers.getSetCookie().find((c) => c.startsWith('__Host-bin_session=')) ?? '';
    assert.match(setCookie, /Secure/);
    assert.match(setCookie, /HttpOnly/);
  });

  it('says which side and field is wrong, keeps what was typed, never the secrets', async () => {
    const browser = new TestBrowser(world.app);
    const response = await browser.login(acme, 'legacy', {
      account_id: 'acme.evil',
      email: 'not-an-email',
      store_id: '',
    });
    const html = await response.text();

    assert.equal(response.status, 400);
    assert.match(html, /Imonggo Account ID: use only letters/);
    assert.match(html, /Imonggo Email: this is not an email address/);
    assert.match(html, /BigCommerce Store ID: enter your store domain/);
    assert.match(html, /value="not-an-email"/);
    assert.match(html, new RegExp(`value="${acme.username}"`));
    for (const secret of secretsOf(acme)) assert.ok(!html.includes(secret), 'a secret came back');
    assert.equal(sessionCookie(browser), undefined);
  });

  it('reports a wrong password as Imonggo refusing, and a wrong token as the store refusing', async () => {
    const imonggoWrong = await new TestBrowser(world.app, {
      headers: { 'x-test-client': '198.51.100.7' },
    }).login(acme, 'legacy', { password: 'wrong' });
    assert.equal(imonggoWrong.status, 400);
    assert.match(await imonggoWrong.text(), /Imonggo Password: Imonggo refused/);

    const storeWrong = await new TestBrowser(world.app, {
      headers: { 'x-test-client': '198.51.100.8' },
    }).login(acme, 'legacy', { api_token: 'f'.repeat(40) });
    assert.equal(storeWrong.status, 400);
    assert.match(await storeWrong.text(), /BigCommerce API Token: the store refused/);
  });

  it('refuses private, loopback and foreign store domains before any request is made', async () => {
    for (const storeId of ['127.0.0.1', 'localhost', '10.0.0.5', '[::1]', 'shop.example.com']) {
      world.imonggo.requests.clear();
      world.bigcommerce.requests.clear();
      const response = await new TestBrowser(world.app).login(acme, 'legacy', {
        store_id: storeId,
      });
      const html = await response.text();

      assert.equal(response.status, 400, storeId);
      assert.match(html, /BigCommerce Store ID:/);
      assert.equal(world.imonggo.requests.list().length, 0, storeId);
      assert.equal(world.bigcommerce.requests.list().length, 0, storeId);
    }
  });

  it('ends the session on logout; the old cookie opens nothing', async () => {
    const browser = new TestBrowser(world.app);
    await browser.login(acme);
    await browser.get('/home');
    const token = sessionCookie(browser) ?? '';

    const out = await browser.post('/logout', {});
    assert.equal(out.status, 303);
    assert.equal(sessionCookie(browser), undefined);

    const replay = await world.app.request('/home', {
      headers: { cookie: `bin_session=${token}` },
    });
    assert.equal(replay.status, 303);
    assert.equal(replay.headers.get('location'), '/');
  });

  it('ends a session left idle for 12 hours', async () => {
    const browser = new TestBrowser(world.app);
    await browser.login(acme);
    assert.equal((await browser.get('/home')).status, 200);

    now += 11 * 60 * 60_000;
    assert.equal((await browser.get('/home')).status, 200);
    now += 12 * 60 * 60_000 + 1;
    const late = await browser.get('/home');
    assert.equal(late.status, 303);
  });

  it('refuses a POST without the session token, with a wrong one, or from a foreign origin', async () => {
    const browser = new TestBrowser(world.app);
    await browser.login(acme);
    await browser.get('/home');
    const before = await world.store.db.selectFrom('runs').select('id').execute();

    const missing = await browser.post('/jobs/customers-post/preview', { _csrf: '' });
    const wrong = await browser.post('/jobs/customers-post/preview', { _csrf: 'x'.repeat(43) });
    const foreign = await browser.post(
      '/jobs/customers-post/preview',
      {},
      { origin: 'https://evil.test' },
    );
    const noOrigin = await world.app.request('/jobs/customers-post/preview', {
      method: 'POST',
      body: `_csrf=${browser.csrf() ?? ''}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `bin_session=${sessionCookie(browser) ?? ''}`,
      },
    });

    assert.equal(missing.status, 403);
    assert.equal(wrong.status, 403);
    assert.equal(foreign.status, 403);
    assert.equal(noOrigin.status, 403);
    const afterRuns = await world.store.db.selectFrom('runs').select('id').execute();
    assert.equal(afterRuns.length, before.length);

    const good = await browser.post('/jobs/customers-post/preview', {});
    assert.equal(good.status, 303);
  });

  it('refuses a login form without its double-submit token', async () => {
    const browser = new TestBrowser(world.app);
    const response = await browser.login(acme, 'legacy', { _login: 'forged' });
    assert.equal(response.status, 403);
    assert.equal(sessionCookie(browser), undefined);
  });

  it('throttles failed logins per client and per account, in the database', async () => {
    const attacker = { 'x-test-client': '203.0.113.50' };
    for (let n = 0; n < 5; n += 1) {
      const response = await new TestBrowser(world.app, { headers: attacker }).login(
        acme,
        'legacy',
        {
          password: `guess-${n}`,
        },
      );
      assert.equal(response.status, 400);
    }

    world.imonggo.requests.clear();
    const blocked = await new TestBrowser(world.app, { headers: attacker }).login(acme);
    assert.equal(blocked.status, 429);
    assert.match(await blocked.text(), /Try again after \d\d:\d\d UTC/);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    assert.equal(world.imonggo.requests.list().length, 0);

    const otherClient = await new TestBrowser(world.app, {
      headers: { 'x-test-client': '203.0.113.51' },
    }).login(acme);
    assert.equal(otherClient.status, 429, 'the account itself is throttled too');

    now += 16 * 60_000;
    const later = await new TestBrowser(world.app, { headers: attacker }).login(acme);
    assert.equal(later.status, 303);
  });
});
