import type { Job } from './job.ts';
import { postCustomersJob, updateCustomersJob } from './customers/job.ts';
import { pullInvoicesJob } from './invoices/job.ts';
import { postProductsJob } from './products/job.ts';

export type WritingJobName = 'products' | 'customers-post' | 'customers-update' | 'invoices-pull';

/** Every job a merchant can run, by name; each call makes a fresh job for one run. */
export const jobFactories: Record<WritingJobName, () => Job<never>> = {
  products: postProductsJob as () => Job<never>,
  'customers-post': postCustomersJob as () => Job<never>,
  'customers-update': updateCustomersJob as () => Job<never>,
  'invoices-pull': pullInvoicesJob as () => Job<never>,
};
