import type { Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Run } from '../../store/schema.ts';
import type { RunEvent } from '../../sync/job-runner.ts';
import { buildReport, type RunReport } from '../../sync/report.ts';
import type { Progress } from '../../sync/runner.ts';
import { reportCsv } from '../csv.ts';
import type { WebEnv } from '../env.ts';
import { isWritingJob, notesOf, runOptions } from '../jobs.ts';
import { HistoryPage, PreviewPage, ResultsPage, RunningPage } from '../pages/runs.tsx';
import { page } from '../render.ts';
import type { Services } from '../services.ts';
import { runningRun } from './jobs.tsx';

const runId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The run of this id if it belongs to the signed-in merchant. Another merchant's run answers
 * exactly as a run that does not exist, so ids tell nothing about other connections.
 */
async function ownRun(
  c: Context<WebEnv>,
  services: Services,
  id: string,
): Promise<Run | undefined> {
  if (!runId.test(id)) return undefined;
  const run = await services.runs.get(id);
  const session = c.get('session');
  if (!run || !session || run.connection_id !== session.connectionId) return undefined;
  return run;
}

async function reportOf(services: Services, run: Run): Promise<RunReport> {
  return buildReport(run, await services.runs.items(run.id), notesOf(run));
}

export function mountRuns(app: Hono<WebEnv>, services: Services): void {
  app.get('/history', async (c) => {
    const session = c.get('session')!;
    const runs = await services.runs.list(session.connectionId, 100);
    return page(c, HistoryPage({ csrf: session.csrfToken, runs }));
  });

  app.get('/runs/:id', async (c) => {
    const session = c.get('session')!;
    const param = c.req.param('id');
    const csv = param.endsWith('.csv');
    const run = await ownRun(c, services, csv ? param.slice(0, -4) : param);
    if (!run) return c.notFound();

    if (csv) {
      const report = await reportOf(services, run);
      return c.body(reportCsv(report), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="bin-${run.job}-${run.started_at.slice(0, 10)}-${run.id.slice(0, 8)}.csv"`,
      });
    }
    if (run.status === 'running') {
      return page(
        c,
        RunningPage({
          csrf: session.csrfToken,
          run,
          progress: services.deps.runner.progress(run.id),
        }),
      );
    }
    const report = await reportOf(services, run);
    return page(
      c,
      run.dry_run === 1
        ? PreviewPage({ csrf: session.csrfToken, run, report })
        : ResultsPage({ csrf: session.csrfToken, run, report }),
    );
  });

  app.get('/runs/:id/events', async (c) => {
    const run = await ownRun(c, services, c.req.param('id'));
    if (!run) return c.text('no such run', 404);
    c.header('Cache-Control', 'no-store');

    return streamSSE(c, async (stream) => {
      let closed = false;
      let latest: Progress | undefined = services.deps.runner.progress(run.id);
      let ended: string | undefined;
      let wake: (() => void) | undefined;
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      const stop = services.deps.runner.follow(run.id, (event: RunEvent) => {
        if (event.type === 'progress') latest = event.progress;
        else ended = event.type === 'finished' ? event.report.status : 'failed';
        wake?.();
      });

      try {
        let sent: Progress | undefined;
        while (!closed) {
          if (latest && latest !== sent) {
            sent = latest;
            await stream.writeSSE({ event: 'progress', data: JSON.stringify(latest) });
          }
          // The database has the last word: the run may belong to another process or be over.
          if (!ended) {
            const fresh = await services.runs.get(run.id);
            if (fresh && fresh.status !== 'running') ended = fresh.status;
          }
          if (ended) {
            await stream.writeSSE({ event: 'finished', data: JSON.stringify({ status: ended }) });
            break;
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 1_000);
            wake = () => {
              clearTimeout(timer);
              // A short pause lets a burst of progress collapse into one event.
              setTimeout(resolve, 150);
            };
          });
          wake = undefined;
        }
      } finally {
        stop();
      }
    });
  });

  app.post('/runs/:id/apply', async (c) => {
    const session = c.get('session')!;
    const preview = await ownRun(c, services, c.req.param('id'));
    if (!preview || preview.dry_run !== 1 || !isWritingJob(preview.job)) return c.notFound();

    const running = await runningRun(services, session.connectionId);
    if (running) return c.redirect(`/runs/${running.id}`, 303);

    const options = runOptions(preview);
    const { context } = await services.merchant(session);
    const started = await services.deps.runner.start(context, {
      job: preview.job,
      tags: options.tags,
      ...(options.only ? { only: options.only } : {}),
    });
    return c.redirect(`/runs/${started.runId}`, 303);
  });

  app.post('/runs/:id/retry', async (c) => {
    const session = c.get('session')!;
    const run = await ownRun(c, services, c.req.param('id'));
    if (!run || run.dry_run === 1 || !isWritingJob(run.job)) return c.notFound();

    const failedKeys = (await services.runs.items(run.id))
      .filter((item) => item.outcome === 'failed')
      .map((item) => item.natural_key);
    if (failedKeys.length === 0) return c.redirect(`/runs/${run.id}`, 303);

    const { context } = await services.merchant(session);
    const started = await services.deps.runner.start(context, {
      job: run.job,
      tags: runOptions(run).tags,
      only: [...new Set(failedKeys)],
    });
    return c.redirect(`/runs/${started.runId}`, 303);
  });
}
