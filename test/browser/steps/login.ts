import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { BrowserSuite } from '../support/harness.ts';
import { field, heading, legacyFields, legacyValues, submitLegacyLogin } from '../support/pages.ts';
import { screenshot } from '../support/screenshots.ts';
import { harbor, typedSecrets, wrongValues } from '../support/shop-world.ts';

/** The login page of table 1: its fields, a wrong value in each, then the legacy login. */
export function loginSteps(s: BrowserSuite): void {
  it('opens on the login page with the six fields of table 1, each with a real label', async () => {
    const { page, app } = s;
    await page.goto(`${app.url}/`);

    assert.equal(await heading(page).textContent(), 'Log in to BIN');
    for (const { label } of legacyFields) {
      assert.equal(await field(page, label).count(), 1, `one input labelled ${label}`);
    }
    assert.match((await page.locator('#store_id-hint').textContent()) ?? '', /domain/i);
    assert.equal(await page.getByRole('radio', { name: /^Current API account/ }).count(), 1);
    await screenshot(page, 'login');
  });

  for (const { label, side } of legacyFields) {
    it(`refuses a wrong ${label}, names ${side} and the field, and logs nobody in`, async () => {
      const { page, emulators, app } = s;
      const values = { ...legacyValues(harbor), [label]: wrongValues[label] };
      const before = emulators.bigcommerce.requests.list().length;

      await submitLegacyLogin(page, app.url, values);

      const alert = (await page.getByTestId('login-errors').textContent()) ?? '';
      assert.match(alert, new RegExp(side), alert);
      assert.match(alert, new RegExp(label), alert);
      const html = await page.content();
      for (const secret of typedSecrets) assert.ok(!html.includes(secret), 'no secret on the page');
      assert.equal(await field(page, 'Password').inputValue(), '', 'the password is not kept');
      assert.equal(await field(page, 'API Token').inputValue(), '', 'the token is not kept');
      assert.equal(await field(page, 'Account ID').inputValue(), values['Account ID']);
      assert.equal(await field(page, 'Store ID').inputValue(), values['Store ID']);
      if (label === 'Store ID') {
        assert.equal(emulators.bigcommerce.requests.list().length, before, 'nothing was sent');
        await screenshot(page, 'login-refused');
      }

      await page.goto(`${app.url}/home`);
      assert.equal(await heading(page).textContent(), 'Log in to BIN', 'not logged in');
    });
  }

  it('refuses a well-formed Store ID that is no store, naming the field', async () => {
    const { page, app } = s;
    const values = { ...legacyValues(harbor), 'Store ID': 'other-shop.mybigcommerce.com' };

    await submitLegacyLogin(page, app.url, values);

    const alert = (await page.getByTestId('login-errors').textContent()) ?? '';
    assert.match(alert, /BigCommerce/, alert);
    assert.match(alert, /Store ID/, alert);
    await page.goto(`${app.url}/home`);
    assert.equal(await heading(page).textContent(), 'Log in to BIN', 'not logged in');
  });

  it('logs in with the legacy account of table 1 and shows the buttons of table 2', async () => {
    const { page, app } = s;
    await submitLegacyLogin(page, app.url, legacyValues(harbor));

    assert.equal(new URL(page.url()).pathname, '/home');
    const buttons = [
      'POST ALL PRODUCTS',
      'POST MULTIPLE PRODUCTS',
      'POST CUSTOMERS',
      'UPDATE CUSTOMERS',
      'PULL INVOICES',
    ];
    for (const name of buttons) {
      const control = page.locator('.job').filter({ hasText: name }).first();
      assert.equal(await control.count(), 1, name);
      assert.match((await control.locator('.explanation').textContent()) ?? '', /\w+/);
    }
    assert.equal(await page.getByRole('button', { name: 'LOGOUT' }).first().isVisible(), true);
    assert.match((await page.locator('main').textContent()) ?? '', /harbor/);
    await screenshot(page, 'home-first-visit');
  });
}
