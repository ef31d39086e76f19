import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; the suite never downloads a browser of its own. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Starts the one headless Chromium of the suite. Playwright's `launch` gives Chromium a fresh
 * temporary profile (user-data dir) and removes it on close, so nothing leaks between runs; each
 * merchant then gets a context of its own, with its own cookies.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
