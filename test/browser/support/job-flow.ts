import type { Page } from 'playwright-core';
import {
  pressAndWait,
  readCounts,
  readItems,
  runIdOf,
  waitForHeading,
  type ItemRow,
} from './pages.ts';
import { screenshot } from './screenshots.ts';

export interface JobOutcome {
  previewId: string;
  previewActions: Record<string, number>;
  previewItems: ItemRow[];
  runId: string;
  outcomes: Record<string, number>;
  results: ItemRow[];
}

export interface JobFlowOptions {
  /** Base name of the screenshots of this job's pages. */
  name: string;
  /** Runs on the finished preview, before CONTINUE. */
  beforeContinue?: (page: Page) => Promise<void>;
  /** Runs while the job's progress page is up, before the results are awaited. */
  whileRunning?: (page: Page) => Promise<void>;
  /** Copy the results screenshot to docs/screenshots under this name. */
  readme?: string;
}

/**
 * Follows a job from the page its button led to: the preview (waited for, as the page turns
 * into it by itself), CONTINUE, the progress page, and the results it turns into.
 */
export async function followJob(page: Page, options: JobFlowOptions): Promise<JobOutcome> {
  await waitForHeading(page, /: preview$/);
  const previewId = runIdOf(page);
  const previewActions = await readCounts(page, 'action-counts');
  const previewItems = await readItems(page);
  await screenshot(page, `${options.name}-preview`);
  if (options.beforeContinue) await options.beforeContinue(page);

  await pressAndWait(page, page.getByRole('button', { name: 'CONTINUE', exact: true }));
  const runId = runIdOf(page);
  if (options.whileRunning) await options.whileRunning(page);

  await waitForHeading(page, /: results$/);
  const outcomes = await readCounts(page, 'outcome-counts');
  const results = await readItems(page);
  await screenshot(page, `${options.name}-results`, options.readme);
  return { previewId, previewActions, previewItems, runId, outcomes, results };
}

/** How many records a preview plans for each action word, from its counts table. */
export function planned(outcome: JobOutcome, action: string): number {
  return outcome.previewActions[action] ?? 0;
}
