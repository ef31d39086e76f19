import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { MerchantLogin } from './shop-world.ts';

/** How long a page may take to reach its next state; a job of this world ends in seconds. */
export const pageTimeoutMs = 20_000;

/** The six fields of the user guide's table 1, as the login page labels them. */
export const legacyFields = [
  { label: 'Account ID', side: 'Imonggo' },
  { label: 'Email', side: 'Imonggo' },
  { label: 'Password', side: 'Imonggo' },
  { label: 'Username', side: 'BigCommerce' },
  { label: 'API Token', side: 'BigCommerce' },
  { label: 'Store ID', side: 'BigCommerce' },
] as const;

export type LegacyLabel = (typeof legacyFields)[number]['label'];

export function field(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true });
}

export function legacyValues(merchant: MerchantLogin): Record<LegacyLabel, string> {
  return {
    'Account ID': merchant.accountId,
    Email: merchant.email,
    Password: merchant.password,
    Username: merchant.username,
    'API Token': merchant.legacyToken,
    'Store ID': merchant.domain,
  };
}

/** Fills the legacy form of table 1 and presses LOGIN; waits for the next page to load. */
export async function submitLegacyLogin(
  page: Page,
  baseUrl: string,
  values: Record<LegacyLabel, string>,
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('radio', { name: /^Legacy API account/ }).check();
  for (const { label } of legacyFields) await field(page, label).fill(values[label]);
  await pressAndWait(page, page.getByRole('button', { name: 'LOGIN', exact: true }));
}

/**
 * Logs in with the current kind of BigCommerce account (store hash and access token) using the
 * keyboard only, as the issue asks the pages to allow: Tab from field to field, the arrow keys
 * in the radio group, Enter on LOGIN. Each step checks where the focus is.
 */
export async function submitCurrentLoginByKeyboard(
  page: Page,
  baseUrl: string,
  merchant: MerchantLogin,
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await field(page, 'Account ID').focus();
  const steps: [string, string | undefined][] = [
    ['account_id', merchant.accountId],
    ['email', merchant.email],
    ['password', merchant.password],
  ];
  for (const [id, text] of steps) {
    await expectFocus(page, id);
    if (text !== undefined) await page.keyboard.type(text);
    await page.keyboard.press('Tab');
  }

  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getByRole('radio', { name: /^Current API account/ }).isChecked(), true);
  await page.keyboard.press('Tab');
  await expectFocus(page, 'store_hash');
  await page.keyboard.type(merchant.storeHash);
  await page.keyboard.press('Tab');
  await expectFocus(page, 'access_token');
  await page.keyboard.type(merchant.accessToken);
  await page.keyboard.press('Tab');

  await expectFocus(page, 'LOGIN');
  await Promise.all([
    page.waitForEvent('load', { timeout: pageTimeoutMs }),
    page.keyboard.press('Enter'),
  ]);
}

/** Checks the focused element by its id, or by its text when it has no id (a button). */
async function expectFocus(page: Page, idOrText: string): Promise<void> {
  const focused = await page.evaluate(
    'document.activeElement && (document.activeElement.id || document.activeElement.textContent.trim())',
  );
  assert.equal(focused, idOrText, `the focus is on ${idOrText}`);
}

/** Clicks something that submits a form or follows a link, and waits for the new document. */
export async function pressAndWait(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load', { timeout: pageTimeoutMs }), target.click()]);
}

export function heading(page: Page): Locator {
  return page.getByRole('heading', { level: 1 });
}

/** Waits until the page's main heading matches, following reloads the page makes by itself. */
export async function waitForHeading(page: Page, pattern: RegExp): Promise<string> {
  await page
    .getByRole('heading', { level: 1, name: pattern })
    .waitFor({ state: 'visible', timeout: pageTimeoutMs });
  return (await heading(page).textContent()) ?? '';
}

/** A two-column counts table (`th` row name, `td` number) as a record. */
export async function readCounts(page: Page, testId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const row of await page.getByTestId(testId).locator('tbody tr').all()) {
    const name = (await row.locator('th').textContent())?.trim() ?? '';
    counts[name] = Number((await row.locator('td').textContent())?.trim());
  }
  return counts;
}

export interface ItemRow {
  record: string;
  key: string;
  action: string;
  outcome?: string;
  reason: string;
}

/** The records table of a preview or a results page, in the order shown, visible rows only. */
export async function readItems(page: Page): Promise<ItemRow[]> {
  const table = page.getByTestId('items');
  const headers = (await table.locator('thead th').allTextContents()).map((text) =>
    text.trim().toLowerCase(),
  );
  const items: ItemRow[] = [];
  for (const row of await table.locator('tbody tr:visible').all()) {
    const cells = (await row.locator('td').allTextContents()).map((text) => text.trim());
    const cell = (name: string) => cells[headers.indexOf(name)];
    const outcome = cell('outcome');
    items.push({
      record: cell('record') ?? '',
      key: cell('key') ?? '',
      action: cell('action') ?? '',
      ...(outcome === undefined ? {} : { outcome }),
      reason: cell('reason') ?? '',
    });
  }
  return items;
}

/** The run id in a `/runs/<id>` address. */
export function runIdOf(page: Page): string {
  const match = /\/runs\/([0-9a-f-]{36})/.exec(page.url());
  if (!match?.[1]) throw new Error(`not a run page: ${page.url()}`);
  return match[1];
}
