import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cliEnvironment, runCli, serveWorld, type ServedWorld } from './support/cli-process.ts';
import { imonggoProducts, merchant, openWorld, type World } from './support/world.ts';

describe('bin-sync CLI', () => {
  let world: World;
  let served: ServedWorld;

  before(async () => {
    const { products, inventories } = imonggoProducts(12);
    products[0]!.tag_list = ['Tea', ' green '];
    world = await openWorld('sqlite', { imonggo: { products, inventories } });
    served = await serveWorld(world);
  });
  after(async () => {
    await served.close();
    await world.close();
  });

  it('lists the tags with their product counts', async () => {
    const result = await runCli(['tags', '--json'], cliEnvironment(served, 'oauth'));

    assert.equal(result.code, 0, result.stderr);
    const { tags } = JSON.parse(result.stdout) as { tags: { tag: string; products: number }[] };
    assert.deepEqual(
      tags.map((t) => `${t.tag}:${t.products}`),
      ['Even:6', 'green:1', 'Odd:5', 'Tea:1'],
    );
  });

  it('previews with --dry-run --json and writes nothing', async () => {
    const result = await runCli(
      ['products', '--dry-run', '--json'],
      cliEnvironment(served, 'oauth'),
    );

    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as {
      dryRun: boolean;
      counts: { actions: { create: number } };
      items: unknown[];
    };
    assert.equal(report.dryRun, true);
    assert.equal(report.counts.actions.create, 12);
    assert.equal(report.items.length, 12);
    assert.equal(world.bigcommerce.requests.list().filter((r) => r.method === 'POST').length, 0);
  });

  it('posts the products with the legacy account and prints a summary table', async () => {
    const result = await runCli(['products', '--tags', 'odd'], cliEnvironment(served, 'legacy'));

    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Post products: succeeded/);
    assert.match(result.stdout, /create\s+5\s+5\s+0\s+0/);
  });

  it('exits 2 naming the variable when a credential is missing', async () => {
    const env = { ...cliEnvironment(served, 'oauth'), BIGCOMMERCE_ACCESS_TOKEN: '' };

    const result = await runCli(['products'], env);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /BigCommerce: BIGCOMMERCE_ACCESS_TOKEN is not set/);
  });

  it('exits 2 saying which side refused the credentials, without the secret', async () => {
    const env = {
      ...cliEnvironment(served, 'oauth'),
      BIGCOMMERCE_ACCESS_TOKEN: 'wrong-token-value',
    };

    const result = await runCli(['products'], env);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /BigCommerce refused the credentials/);
    assert.doesNotMatch(result.stderr + result.stdout, /wrong-token-value/);
  });

  it('exits 2 when Imonggo refuses the email or password', async () => {
    const env = { ...cliEnvironment(served, 'oauth'), IMONGGO_PASSWORD: 'not-the-password' };

    const result = await runCli(['products'], env);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /Imonggo refused the credentials/);
    assert.doesNotMatch(result.stderr, /not-the-password/);
    assert.doesNotMatch(result.stderr, new RegExp(merchant.apiToken));
  });

  it('exits 2 when a service cannot be reached', async () => {
    const env = { ...cliEnvironment(served, 'oauth'), BIGCOMMERCE_BASE_URL: 'http://127.0.0.1:9' };

    const result = await runCli(['products'], env);

    assert.equal(result.code, 2);
    assert.match(result.stderr, /BigCommerce could not be reached/);
  });

  it('exits 2 on an unknown command', async () => {
    const result = await runCli(['prodcts'], cliEnvironment(served, 'oauth'));

    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown command/);
  });
});
