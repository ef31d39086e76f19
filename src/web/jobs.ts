import type { WritingJobName } from '../sync/jobs.ts';
import type { Run } from '../store/schema.ts';

export interface JobButton {
  /** Button text, exactly as the user guide's table 2. */
  button: string;
  explanation: string;
  job: WritingJobName;
  /** Products only: whether the button chooses tags. */
  byTags?: boolean;
}

export const jobButtons: JobButton[] = [
  {
    button: 'POST ALL PRODUCTS',
    explanation: 'Post all products regardless of their tags to your BigCommerce store.',
    job: 'products',
    byTags: false,
  },
  {
    button: 'POST MULTIPLE PRODUCTS',
    explanation: 'Choose tags, then post only the products that carry them.',
    job: 'products',
    byTags: true,
  },
  {
    button: 'POST CUSTOMERS',
    explanation: 'Post your store customers to Imonggo.',
    job: 'customers-post',
  },
  {
    button: 'UPDATE CUSTOMERS',
    explanation: 'Update your customers on BigCommerce with the changes made in Imonggo.',
    job: 'customers-update',
  },
  {
    button: 'PULL INVOICES',
    explanation: 'Pull paid orders from your store and post them to Imonggo as invoices.',
    job: 'invoices-pull',
  },
];

export const writingJobs: readonly WritingJobName[] = [
  'products',
  'customers-post',
  'customers-update',
  'invoices-pull',
];

export function isWritingJob(value: string): value is WritingJobName {
  return (writingJobs as readonly string[]).includes(value);
}

export interface RunOptions {
  tags: string[];
  full: boolean;
  only: string[] | null;
}

export function runOptions(run: Run): RunOptions {
  try {
    const parsed = JSON.parse(run.options) as Partial<RunOptions>;
    return {
      tags: Array.isArray(parsed.tags) ? parsed.tags.filter((t) => typeof t === 'string') : [],
      full: parsed.full === true,
      only: Array.isArray(parsed.only) ? parsed.only.filter((k) => typeof k === 'string') : null,
    };
  } catch {
    return { tags: [], full: false, only: null };
  }
}

/** The run's job named as the merchant pressed it. */
export function jobTitle(run: Pick<Run, 'job' | 'options'>): string {
  if (run.job === 'products') {
    return runOptions(run as Run).tags.length > 0 ? 'POST MULTIPLE PRODUCTS' : 'POST ALL PRODUCTS';
  }
  return jobButtons.find((button) => button.job === run.job)?.button ?? run.job;
}

export function notesOf(run: Run): string[] {
  if (!run.counts) return [];
  try {
    const parsed = JSON.parse(run.counts) as { notes?: unknown };
    return Array.isArray(parsed.notes) ? parsed.notes.filter((n) => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

/** ISO time as the pages show it; UTC so that every merchant reads the same clock. */
export function showTime(iso: string | null): string {
  if (!iso) return '';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export const statusWords: Record<Run['status'], string> = {
  running: 'running',
  succeeded: 'succeeded',
  partial: 'finished with failures',
  failed: 'failed',
  abandoned: 'stopped before it finished',
};
