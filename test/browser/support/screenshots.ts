import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const artifacts = join(root, 'test-artifacts', 'screenshots');
const docs = join(root, 'docs', 'screenshots');

/** Whether this run refreshes the README's pictures (`BIN_UPDATE_SCREENSHOTS=1`). */
const updateDocs = process.env.BIN_UPDATE_SCREENSHOTS === '1';

/**
 * Saves a full-page screenshot as a test artifact; with `readme` set, and when the run was asked
 * to, copies it to docs/screenshots under that name for the README.
 */
export async function screenshot(page: Page, name: string, readme?: string): Promise<string> {
  await mkdir(artifacts, { recursive: true });
  const file = join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });

  if (readme !== undefined && updateDocs) {
    await mkdir(docs, { recursive: true });
    await copyFile(file, join(docs, `${readme}.png`));
  }
  return file;
}
