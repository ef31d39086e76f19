import type { Hono } from 'hono';
import type { Run } from '../../store/schema.ts';
import { listTags } from '../../sync/products/tags.ts';
import type { WebEnv } from '../env.ts';
import { isWritingJob, jobTitle } from '../jobs.ts';
import { HomePage } from '../pages/home.tsx';
import { ErrorPage } from '../pages/layout.tsx';
import { AllProductsPage, TagsPage } from '../pages/products.tsx';
import { page } from '../render.ts';
import type { Services } from '../services.ts';

/** The writing run this connection has going, if any (from the database, so any process's). */
export async function runningRun(
  services: Services,
  connectionId: string,
): Promise<Run | undefined> {
  const runs = await services.runs.list(connectionId, 20);
  return runs.find((run) => run.status === 'running' && run.dry_run === 0);
}

function formList(value: string | File | (string | File)[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').slice(0, 200);
}

export function mountJobs(app: Hono<WebEnv>, services: Services): void {
  app.get('/home', async (c) => {
    const session = c.get('session')!;
    const { connection } = await services.merchant(session);
    const runs = await services.runs.list(connection.id, 200);
    const lastRuns = new Map<string, Run>();
    for (const run of runs) {
      if (run.dry_run === 1) continue;
      const title = jobTitle(run);
      if (!lastRuns.has(title)) lastRuns.set(title, run);
    }
    return page(
      c,
      HomePage({
        csrf: session.csrfToken,
        accountId: connection.imonggoAccountId,
        store: connection.bigcommerceStore,
        lastRuns,
        running: runs.find((run) => run.status === 'running' && run.dry_run === 0),
      }),
    );
  });

  app.get('/jobs/products/all', (c) =>
    page(c, AllProductsPage({ csrf: c.get('session')!.csrfToken })),
  );

  app.get('/jobs/products/tags', async (c) => {
    const session = c.get('session')!;
    const { context } = await services.merchant(session);
    try {
      const tags = await listTags(context.imonggo);
      return await page(c, TagsPage({ csrf: session.csrfToken, tags }));
    } catch (error) {
      context.logger.warn(
        { error: error instanceof Error ? error.name : 'unknown' },
        'tags failed',
      );
      return page(
        c,
        ErrorPage({
          title: 'POST MULTIPLE PRODUCTS',
          message: 'Imonggo could not be reached to list your tags. Try again in a moment.',
          csrf: session.csrfToken,
        }),
        502,
      );
    }
  });

  /** Every button leads here first: a preview, or the running job when one is going. */
  app.post('/jobs/:job/preview', async (c) => {
    const session = c.get('session')!;
    const job = c.req.param('job');
    if (!isWritingJob(job)) return c.notFound();

    const running = await runningRun(services, session.connectionId);
    if (running) return c.redirect(`/runs/${running.id}`, 303);

    const form = await c.req.parseBody({ all: true });
    const tags = job === 'products' ? formList(form.tags) : [];
    const { context } = await services.merchant(session);
    if (job === 'products' && form.scope === 'tags' && tags.length === 0) {
      const available = await listTags(context.imonggo);
      return page(
        c,
        TagsPage({ csrf: session.csrfToken, tags: available, error: 'Choose at least one tag.' }),
        400,
      );
    }

    const started = await services.deps.runner.start(context, { job, dryRun: true, tags });
    return c.redirect(`/runs/${started.runId}`, 303);
  });
}
