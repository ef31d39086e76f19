import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { imonggoProducts } from '../../test/support/world.ts';
import {
  TestBrowser,
  makeMerchant,
  openWebWorld,
  runIdOf,
  secretsOf,
  waitForRun,
  type WebWorld,
} from '../../test/support/web-world.ts';
import { describeEachDialect } from '../store/test-stores.ts';

const acme = makeMerchant('acme');
const rival = makeMerchant('rival');
const evilName = '<script>alert("x")</script> Tea';
const longName = `Tea ${'x'.repeat(260)}`;

function acmeCatalog() {
  const { products, inventories } = imonggoProducts(30);
  const first = products[0];
  const third = products[2];
  if (first) first.name = evilName;
  if (third) third.name = longName;
  return { products, inventories };
}

/** Reads an event stream until its `finished` event; returns the event names seen. */
async function readEvents(response: Response): Promise<{ names: string[]; text: string }> {
  assert.ok(response.body);
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    text += decoder.decode(chunk, { stream: true });
    if (text.includes('event: finished')) break;
  }
  return { names: [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1] ?? ''), text };
}

describeEachDialect('web jobs: preview, run, results, history', (dialect) => {
  let world: WebWorld;
  let browser: TestBrowser;

  before(async () => {
    world = await openWebWorld(dialect, {
      merchants: [
        { merchant: acme, content: acmeCatalog() },
        { merchant: rival, content: { products: [], inventories: [] } },
      ],
    });
    browser = new TestBrowser(world.app);
    assert.equal((await browser.login(acme, 'oauth')).status, 303);
  });
  after(() => world.close());

  let previewId = '';
  let runId = '';

  it('lists the tags with their counts, names escaped', async () => {
    const response = await browser.get('/jobs/products/tags');
    const html = await response.text();

    assert.equal(response.status, 200);
    assert.match(html, /Even <span class="count">\(15 products\)<\/span>/);
    assert.match(html, /Odd <span class="count">\(15 products\)<\/span>/);
    assert.match(html, />CONTINUE</);
  });

  it('previews the chosen tags without writing anything, escaping what the APIs send', async () => {
    await browser.get('/jobs/products/tags');
    const response = await browser.post('/jobs/products/preview', { scope: 'tags', tags: ['Odd'] });
    previewId = runIdOf(response);
    await waitForRun(world, previewId);

    const html = await (await browser.get(`/runs/${previewId}`)).text();
    assert.match(html, /POST MULTIPLE PRODUCTS: preview/);
    assert.match(html, /data-testid="action-counts"/);
    assert.match(html, /<th scope="row">Create<\/th><td>15<\/td>/);
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tea'));
    assert.ok(!html.includes('<script>alert'));
    assert.match(html, /id="search"/);
    assert.deepEqual(
      world.bigcommerce.getState().stores.flatMap((s) => (s as { products: unknown[] }).products),
      [],
    );
  });

  it('asks for at least one tag', async () => {
    await browser.get('/jobs/products/tags');
    const response = await browser.post('/jobs/products/preview', { scope: 'tags' });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /Choose at least one tag/);
  });

  it('runs on CONTINUE, streams progress, and a second press joins the running job', async () => {
    world.bigcommerce.faults.set({ latency_ms: 15 });
    await browser.get(`/runs/${previewId}`);
    const started = await browser.post(`/runs/${previewId}/apply`, {});
    runId = runIdOf(started);

    const running = await browser.get(`/runs/${runId}`);
    const runningHtml = await running.text();
    assert.match(runningHtml, /data-events="\/runs\/[0-9a-f-]+\/events"/);
    await browser.get('/home');
    const again = await browser.post('/jobs/customers-post/preview', {});
    assert.equal(runIdOf(again), runId, 'a press while the job runs joins it');

    const events = await browser.get(`/runs/${runId}/events`);
    assert.match(events.headers.get('content-type') ?? '', /text\/event-stream/);
    const { names, text } = await readEvents(events);
    assert.ok(names.includes('progress'), text);
    assert.equal(names.at(-1), 'finished');
    await waitForRun(world, runId);
    world.bigcommerce.faults.set({});
  });

  it('shows the results with failed records first, and the CSV', async () => {
    const html = await (await browser.get(`/runs/${runId}`)).text();

    assert.match(html, /POST MULTIPLE PRODUCTS: results/);
    assert.match(html, /finished with failures/);
    assert.match(html, /<th scope="row">Done<\/th><td>14<\/td>/);
    assert.match(html, /<th scope="row">Failed<\/th><td>1<\/td>/);
    const table = html.split('data-testid="items"')[1] ?? '';
    const firstOutcome = /class="outcome-(\w+)"/.exec(table);
    assert.equal(firstOutcome?.[1], 'failed');
    assert.match(html, />Retry failed records</);

    const csv = await browser.get(`/runs/${runId}.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(
      lines[0],
      'seq,record,key,entity,action,outcome,reason,error,imonggo_id,bigcommerce_id',
    );
    assert.equal(lines.length, 16);
    assert.match(
      lines[1] ?? '',
      /,failed,/,
      'the CSV lists failed records first, as the page does',
    );

    const stores = world.bigcommerce.getState().stores as {
      store_hash: string;
      products: unknown[];
    }[];
    assert.equal(stores.find((s) => s.store_hash === acme.storeHash)?.products.length, 14);
  });

  it('retries only the failed records', async () => {
    await browser.get(`/runs/${runId}`);
    const retry = await browser.post(`/runs/${runId}/retry`, {});
    const retryId = runIdOf(retry);
    await waitForRun(world, retryId);

    const items = await world.store.db
      .selectFrom('run_items')
      .selectAll()
      .where('run_id', '=', retryId)
      .execute();
    assert.deepEqual(
      items.map((item) => item.natural_key),
      ['SKU-00003'],
    );
  });

  it('lists the runs in History, each openable, and the last run on Home', async () => {
    const html = await (await browser.get('/history')).text();
    assert.ok(html.includes(`/runs/${previewId}`));
    assert.ok(html.includes(`/runs/${runId}`));
    assert.match(html, />preview</);

    const home = await (await browser.get('/home')).text();
    for (const button of [
      'POST ALL PRODUCTS',
      'POST MULTIPLE PRODUCTS',
      'POST CUSTOMERS',
      'UPDATE CUSTOMERS',
      'PULL INVOICES',
      'LOGOUT',
    ]) {
      assert.ok(home.includes(`>${button}<`), button);
    }
    assert.match(home, /Last run <a href="\/runs\//);
  });

  it('keeps each merchant to their own runs', async () => {
    const other = new TestBrowser(world.app);
    assert.equal((await other.login(rival, 'legacy')).status, 303);

    for (const path of [
      `/runs/${runId}`,
      `/runs/${runId}.csv`,
      `/runs/${runId}/events`,
      `/runs/${previewId}`,
    ]) {
      assert.equal((await other.get(path)).status, 404, path);
    }
    await other.get('/home');
    assert.equal((await other.post(`/runs/${previewId}/apply`, {})).status, 404);
    assert.equal((await other.post(`/runs/${runId}/retry`, {})).status, 404);
    const history = await (await other.get('/history')).text();
    assert.ok(!history.includes(runId));
    assert.match(history, /No job has run yet/);

    const tags = await (await other.get('/jobs/products/tags')).text();
    assert.match(tags, /Your Imonggo products have not yet been provided with tags\./);
  });

  it('previews POST ALL PRODUCTS after its CONTINUE', async () => {
    const all = await (await browser.get('/jobs/products/all')).text();
    assert.match(all, />CONTINUE</);
    const response = await browser.post('/jobs/products/preview', {});
    const id = runIdOf(response);
    await waitForRun(world, id);
    const html = await (await browser.get(`/runs/${id}`)).text();
    assert.match(html, /POST ALL PRODUCTS: preview<\/h1>/);
    assert.match(html, /<th scope="row">Create<\/th><td>16<\/td>/);
  });

  it('previews each of the other jobs', async () => {
    for (const job of ['customers-post', 'customers-update', 'invoices-pull']) {
      await browser.get('/home');
      const response = await browser.post(`/jobs/${job}/preview`, {});
      const id = runIdOf(response);
      await waitForRun(world, id);
      const html = await (await browser.get(`/runs/${id}`)).text();
      assert.match(html, /: preview<\/h1>/, job);
    }
  });

  it('never puts a password or token in a page or a log line', () => {
    const pages = browser.bodies.join('\n');
    const logs = world.logs.join('\n');
    assert.ok(world.logs.length > 20, 'the suite produced logs to search');
    for (const secret of [...secretsOf(acme), ...secretsOf(rival)]) {
      assert.ok(!pages.includes(secret), 'a secret reached a page');
      assert.ok(!logs.includes(secret), 'a secret reached the logs');
    }
  });
});
