import { after, before, describe } from 'node:test';
import { jobSteps } from './steps/jobs.ts';
import { loginSteps } from './steps/login.ts';
import { merchantSteps } from './steps/merchants.ts';
import { BrowserSuite } from './support/harness.ts';

/**
 * BIN in Debian's Chromium, against both emulators on loopback: one browser and one world for
 * the whole suite, so the steps run in order and each starts where the one before it ended.
 * Screenshots of every page land in test-artifacts/screenshots/.
 */
describe('BIN web app in Chromium', { timeout: 110_000 }, () => {
  const suite = new BrowserSuite();
  before(() => suite.start());
  after(() => suite.stop());

  loginSteps(suite);
  jobSteps(suite);
  merchantSteps(suite);
});
