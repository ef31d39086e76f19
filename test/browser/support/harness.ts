import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { serveEmulators, type ServedEmulators } from './emulators.ts';
import { pageTimeoutMs } from './pages.ts';
import { startWebApp, type RunningApp } from './web-app.ts';

interface Parts {
  emulators: ServedEmulators;
  app: RunningApp;
  browser: Browser;
  harborContext: BrowserContext;
  page: Page;
}

/**
 * What every step of the suite shares: the emulators, BIN, the one browser, and the first
 * merchant's tab. The steps are registered before `start` runs, so they read it through getters.
 */
export class BrowserSuite {
  #parts: Parts | undefined;
  /** Runs of the first merchant in the order they were made; the second must reach none. */
  readonly harborRuns: string[] = [];

  async start(): Promise<void> {
    const emulators = await serveEmulators();
    let app: RunningApp | undefined;
    let browser: Browser | undefined;
    try {
      app = await startWebApp(emulators);
      browser = await launchChromium();
      const harborContext = await browser.newContext({ viewport: { width: 1100, height: 800 } });
      harborContext.setDefaultTimeout(pageTimeoutMs);
      const page = await harborContext.newPage();
      this.#parts = { emulators, app, browser, harborContext, page };
    } catch (error) {
      // Whatever did start is closed, or its open sockets would keep the test process alive.
      await browser?.close();
      await app?.close();
      await emulators.close();
      throw error;
    }
  }

  async stop(): Promise<void> {
    const parts = this.#parts;
    if (!parts) return;
    await parts.browser.close();
    await parts.app.close();
    await parts.emulators.close();
  }

  get emulators(): ServedEmulators {
    return this.#get().emulators;
  }

  get app(): RunningApp {
    return this.#get().app;
  }

  get browser(): Browser {
    return this.#get().browser;
  }

  get harborContext(): BrowserContext {
    return this.#get().harborContext;
  }

  /** The first merchant's tab, kept from one step to the next like a person's window. */
  get page(): Page {
    return this.#get().page;
  }

  /** The address of a BIN page. */
  url(path: string): string {
    return `${this.#get().app.url}${path}`;
  }

  #get(): Parts {
    if (!this.#parts) throw new Error('the browser suite has not started');
    return this.#parts;
  }
}
