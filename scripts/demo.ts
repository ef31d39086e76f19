import { rmSync } from 'node:fs';
import { createBigCommerceEmulator } from '../emulators/bigcommerce/index.ts';
import { serveOnLoopback, type RunningServer } from '../emulators/common/serve.ts';
import { buildDemoWorld } from '../emulators/demo/index.ts';
import { createImonggoEmulator } from '../emulators/imonggo/index.ts';
import { startServer, type RunningWeb } from '../src/web/server.ts';

/**
 * `npm run demo`: both emulators on loopback with the demo shop, and BIN pointed at them with
 * those two hosts allowed. The demo world lives in memory, so the demo database starts empty too
 * (a fresh file under data/) and the two never disagree.
 */
const world = buildDemoWorld();
const imonggo = createImonggoEmulator();
const bigcommerce = createBigCommerceEmulator();
imonggo.setState(world.imonggo);
bigcommerce.setState(world.bigcommerce);

const databaseFile = 'data/demo.sqlite';
for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });

const servers: RunningServer[] = [];
let web: RunningWeb | undefined;
try {
  const imonggoServer = await serveOnLoopback(imonggo.app.fetch, 0);
  servers.push(imonggoServer);
  const bigcommerceServer = await serveOnLoopback(bigcommerce.app.fetch, 0);
  servers.push(bigcommerceServer);

  web = await startServer({
    ...process.env,
    DATABASE_URL: '',
    BIN_SQLITE_FILE: databaseFile,
    PORT: process.env.PORT ?? '3000',
    HOST: process.env.HOST ?? '127.0.0.1',
    IMONGGO_BASE_URL: `${imonggoServer.url}/accounts/{account_id}`,
    BIGCOMMERCE_BASE_URL: bigcommerceServer.url,
    BIN_ALLOWED_HOSTS: [imonggoServer.url, bigcommerceServer.url]
      .map((url) => new URL(url).host)
      .join(','),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });

  const { imonggo: account, bigcommerce: store } = world.credentials;
  console.log(
    [
      `BIN demo is running: open ${web.url}`,
      '',
      'Log in with the demo shop (these are emulator values, not real secrets):',
      `  Imonggo      Account ID: ${account.account_id}`,
      `               Email:      ${account.email}`,
      `               Password:   ${account.password}`,
      `  BigCommerce, legacy API account (as in the user guide):`,
      `               Username:   ${store.username}`,
      `               API Token:  ${store.api_token}`,
      `               Store ID:   ${store.domain}`,
      `  or BigCommerce, current API account:`,
      `               Store hash:   ${store.store_hash}`,
      `               Access token: ${store.access_token}`,
      '',
      `Emulators: Imonggo ${imonggoServer.url}, BigCommerce ${bigcommerceServer.url}`,
      '(their state: /__admin/state on each). Press Ctrl+C to stop.',
    ].join('\n'),
  );
} catch (error) {
  await Promise.all(servers.map((server) => server.close()));
  console.error(`demo: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

function stop(): void {
  void Promise.all([web?.close(), ...servers.map((server) => server.close())]).then(() =>
    process.exit(0),
  );
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
