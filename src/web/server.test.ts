import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { createBigCommerceEmulator } from '../../emulators/bigcommerce/index.ts';
import { serveOnLoopback, type RunningServer } from '../../emulators/common/serve.ts';
import { buildDemoWorld } from '../../emulators/demo/index.ts';
import { createImonggoEmulator } from '../../emulators/imonggo/index.ts';
import { startServer, type RunningWeb } from './server.ts';

function cookiesFrom(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}

const header = (jar: Map<string, string>) =>
  [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

describe('BIN over a real socket, against the demo shop', () => {
  const world = buildDemoWorld();
  const servers: RunningServer[] = [];
  let web: RunningWeb;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    const imonggo = createImonggoEmulator();
    const bigcommerce = createBigCommerceEmulator();
    imonggo.setState(world.imonggo);
    bigcommerce.setState(world.bigcommerce);
    const imonggoServer = await serveOnLoopback(imonggo.app.fetch, 0);
    const bigcommerceServer = await serveOnLoopback(bigcommerce.app.fetch, 0);
    servers.push(imonggoServer, bigcommerceServer);
    env = {
      PORT: '0',
      HOST: '127.0.0.1',
      BIN_SQLITE_FILE: ':memory:',
      BIN_SECRET_KEY: randomBytes(32).toString('hex'),
      IMONGGO_BASE_URL: `${imonggoServer.url}/accounts/{account_id}`,
      BIGCOMMERCE_BASE_URL: bigcommerceServer.url,
      BIN_ALLOWED_HOSTS: `${new URL(imonggoServer.url).host},${new URL(bigcommerceServer.url).host}`,
    };
    web = await startServer(env, { logger: pino({ level: 'silent' }) });
  });
  after(async () => {
    await web.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('logs in with the demo values and shows the home page and a preview', async () => {
    const jar = new Map<string, string>();
    const index = await fetch(`${web.url}/`);
    cookiesFrom(index, jar);
    const token = /name="_login" value="([^"]+)"/.exec(await index.text())?.[1] ?? '';

    const { imonggo, bigcommerce } = world.credentials;
    const login = await fetch(`${web.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: web.url,
        cookie: header(jar),
      },
      body: new URLSearchParams({
        _login: token,
        account_id: imonggo.account_id,
        email: imonggo.email,
        password: imonggo.password,
        bc_kind: 'legacy',
        username: bigcommerce.username,
        api_token: bigcommerce.api_token,
        store_id: bigcommerce.domain,
      }).toString(),
    });
    assert.equal(login.status, 303);
    cookiesFrom(login, jar);

    const home = await fetch(`${web.url}/home`, { headers: { cookie: header(jar) } });
    const html = await home.text();
    assert.equal(home.status, 200);
    assert.match(html, />POST ALL PRODUCTS</);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

    const preview = await fetch(`${web.url}/jobs/customers-post/preview`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: web.url,
        cookie: header(jar),
      },
      body: `_csrf=${encodeURIComponent(csrf)}`,
    });
    assert.equal(preview.status, 303);
    const location = preview.headers.get('location') ?? '';
    assert.match(location, /^\/runs\//);

    let page = '';
    for (let attempt = 0; attempt < 100; attempt += 1) {
      page = await (
        await fetch(`${web.url}${location}`, { headers: { cookie: header(jar) } })
      ).text();
      if (page.includes('POST CUSTOMERS: preview</h1>')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.match(page, /POST CUSTOMERS: preview<\/h1>/);
    assert.match(page, /<th scope="row">Create<\/th>/);
  });

  it('refuses to start when a base URL points at a host outside the allow-list', async () => {
    await assert.rejects(
      startServer(
        { ...env, BIN_ALLOWED_HOSTS: '', BIGCOMMERCE_BASE_URL: 'http://10.0.0.1:8080' },
        { logger: pino({ level: 'silent' }) },
      ),
      /BIGCOMMERCE_BASE_URL must use https/,
    );
  });
});
