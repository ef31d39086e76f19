import { Command, InvalidArgumentError, Option } from 'commander';
import { createBigCommerceEmulator } from './bigcommerce/index.ts';
import { serveOnLoopback, type RunningServer } from './common/serve.ts';
import { buildDemoWorld } from './demo/index.ts';
import { createImonggoEmulator } from './imonggo/index.ts';

function port(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new InvalidArgumentError('expected a port number between 0 and 65535');
  }
  return parsed;
}

const program = new Command('bin-emulators')
  .description('Serve local emulators of the Imonggo and BigCommerce APIs for BIN')
  .option('--imonggo-port <port>', 'port of the Imonggo emulator', port, 4101)
  .option('--bigcommerce-port <port>', 'port of the BigCommerce emulator', port, 4102)
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .addOption(
    new Option('--seed <seed>', 'starting world').choices(['demo', 'empty']).default('demo'),
  )
  .parse();

const options = program.opts<{
  imonggoPort: number;
  bigcommercePort: number;
  host: string;
  seed: 'demo' | 'empty';
}>();

const imonggo = createImonggoEmulator();
const bigcommerce = createBigCommerceEmulator();
const world = options.seed === 'demo' ? buildDemoWorld() : undefined;
if (world) {
  imonggo.setState(world.imonggo);
  bigcommerce.setState(world.bigcommerce);
}

const servers: RunningServer[] = [];
try {
  servers.push(await serveOnLoopback(imonggo.app.fetch, options.imonggoPort, options.host));
  servers.push(await serveOnLoopback(bigcommerce.app.fetch, options.bigcommercePort, options.host));
} catch (error) {
  await Promise.all(servers.map((server) => server.close()));
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`bin-emulators: could not listen: ${reason}`);
  process.exit(2);
}

const [imonggoServer, bigcommerceServer] = servers as [RunningServer, RunningServer];
const lines = [
  `Imonggo emulator:     ${imonggoServer.url}   (admin: ${imonggoServer.url}/__admin/state)`,
  `BigCommerce emulator: ${bigcommerceServer.url}   (admin: ${bigcommerceServer.url}/__admin/state)`,
];

if (world) {
  const account = world.imonggo.accounts[0];
  const store = world.bigcommerce.stores[0];
  if (account && store) {
    lines.push(
      '',
      'Demo credentials, ready for the environment:',
      `IMONGGO_BASE_URL=${imonggoServer.url}/accounts/{account_id}`,
      `IMONGGO_ACCOUNT_ID=${account.account_id}`,
      `IMONGGO_EMAIL=${account.email}`,
      `IMONGGO_PASSWORD=${account.password}`,
      `IMONGGO_API_TOKEN=${account.api_token}`,
      `BIGCOMMERCE_BASE_URL=${bigcommerceServer.url}`,
      `BIGCOMMERCE_STORE_HASH=${store.store_hash}`,
      `BIGCOMMERCE_ACCESS_TOKEN=${store.access_token}`,
      '# or the legacy account of the user guide:',
      `BIGCOMMERCE_STORE=${store.domain}`,
      `BIGCOMMERCE_USERNAME=${store.legacy.username}`,
      `BIGCOMMERCE_API_TOKEN=${store.legacy.api_token}`,
    );
  }
} else {
  lines.push('', 'Empty world: load one with PUT /__admin/state on each emulator.');
}
lines.push('', 'Press Ctrl+C to stop.');
console.log(lines.join('\n'));

function stop(): void {
  void Promise.all(servers.map((server) => server.close())).then(() => process.exit(0));
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
