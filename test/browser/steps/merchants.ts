import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { BrowserSuite } from '../support/harness.ts';
import {
  heading,
  pageTimeoutMs,
  pressAndWait,
  submitCurrentLoginByKeyboard,
} from '../support/pages.ts';
import { screenshot } from '../support/screenshots.ts';
import { storeOf } from '../support/admin-state.ts';
import { lighthouse, typedSecrets } from '../support/shop-world.ts';

/** A second merchant kept apart from the first, a phone screen, logout, and the logs. */
export function merchantSteps(s: BrowserSuite): void {
  it('logs a second merchant in by keyboard with the current kind of account, who cannot reach the first one’s runs', async () => {
    const { emulators, harborRuns, browser, app } = s;
    const context = await browser.newContext();
    context.setDefaultTimeout(pageTimeoutMs);
    try {
      const other = await context.newPage();
      await submitCurrentLoginByKeyboard(other, app.url, lighthouse);
      assert.equal(new URL(other.url()).pathname, '/home');
      assert.match((await other.locator('main').textContent()) ?? '', /lighthouse/);

      for (const runId of harborRuns.slice(0, 2)) {
        for (const path of [`/runs/${runId}`, `/runs/${runId}.csv`, `/runs/${runId}/events`]) {
          const response = await other.goto(`${app.url}${path}`);
          assert.equal(response?.status(), 404, path);
          if (path === `/runs/${runId}`) await screenshot(other, 'not-found');
        }
      }

      await other.goto(`${app.url}/home`);
      const token = await other.locator('input[name="_csrf"]').first().inputValue();
      const status = await other.evaluate(
        async ([runId, csrf]) => {
          const body = new URLSearchParams({ _csrf: csrf ?? '' });
          const response = await fetch(`/runs/${runId}/apply`, { method: 'POST', body });
          return response.status;
        },
        [harborRuns[0], token],
      );
      assert.equal(status, 404, 'the other merchant cannot apply a preview it does not own');

      await pressAndWait(other, other.getByRole('link', { name: 'POST MULTIPLE PRODUCTS' }));
      assert.match(
        (await other.getByTestId('no-tags').textContent()) ?? '',
        /not yet been provided with tags/,
      );
      await screenshot(other, 'tags-none');

      await other.goto(`${app.url}/history`);
      assert.match((await other.locator('main').textContent()) ?? '', /No job has run yet/);
      assert.equal(storeOf(emulators, lighthouse).products.length, 0);
    } finally {
      await context.close();
    }
  });

  it('fits the home page and a results page on a phone screen', async () => {
    const { harborRuns, harborContext, browser, app } = s;
    const phone = await browser.newContext({
      ...devicesPhone,
      storageState: await harborContext.storageState(),
    });
    try {
      const small = await phone.newPage();
      for (const [path, name] of [
        ['/home', 'home-phone'],
        [`/runs/${harborRuns[3]}`, 'results-phone'],
      ] as const) {
        await small.goto(`${app.url}${path}`);
        const width = Number(await small.evaluate('document.documentElement.scrollWidth'));
        assert.ok(width <= devicesPhone.viewport.width, `${path} is ${width}px wide`);
        await screenshot(small, name);
      }
    } finally {
      await phone.close();
    }
  });

  it('logs out: the session ends on the server and the pages lead back to login', async () => {
    const { page, harborRuns, harborContext, browser, app } = s;
    const cookies = await harborContext.cookies();
    await page.goto(`${app.url}/home`);
    await pressAndWait(page, page.getByTestId('logout'));
    assert.equal(await heading(page).textContent(), 'Log in to BIN');

    for (const path of ['/home', `/runs/${harborRuns[1]}`, '/history']) {
      await page.goto(`${app.url}${path}`);
      assert.equal(await heading(page).textContent(), 'Log in to BIN', path);
    }

    // The cookie from before logout opens nothing either: the session is gone, not only forgotten.
    const replay = await browser.newContext();
    try {
      await replay.addCookies(cookies);
      const stale = await replay.newPage();
      await stale.goto(`${app.url}/home`);
      assert.equal(await heading(stale).textContent(), 'Log in to BIN');
    } finally {
      await replay.close();
    }
  });

  it('wrote no password or token to the logs', () => {
    const { app } = s;
    const lines = app.logLines();
    assert.ok(lines.length > 50, 'the app logged its requests');
    for (const secret of typedSecrets) {
      assert.equal(lines.filter((line) => line.includes(secret)).length, 0);
    }
  });
}

/** A narrow phone screen, as a merchant at the counter would use. */
const devicesPhone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
