import type { Run } from '../../store/schema.ts';
import type { PlanAction } from '../../sync/plan.ts';
import type { ReportItem, RunReport } from '../../sync/report.ts';
import { failedFirst } from '../failed-first.ts';
import type { Progress } from '../../sync/runner.ts';
import { jobTitle, showTime, statusWords } from '../jobs.ts';
import { CsrfField, Layout } from './layout.tsx';

const actionWords: Record<PlanAction, string> = {
  create: 'Create',
  update: 'Update',
  hide: 'Hide',
  show: 'Show again',
  link: 'Link to existing',
  skip: 'Leave alone',
  reject: 'Refused',
};

const outcomeWords: Record<ReportItem['outcome'], string> = {
  planned: 'not done',
  done: 'done',
  failed: 'failed',
  skipped: 'skipped',
};

function Notes(props: { notes: string[] }) {
  if (props.notes.length === 0) return null;
  return (
    <ul class="notes" data-testid="notes">
      {props.notes.map((note) => (
        <li>{note}</li>
      ))}
    </ul>
  );
}

/** A run still working: the progress bar the script keeps up to date from the event stream. */
export function RunningPage(props: { csrf: string; run: Run; progress: Progress | undefined }) {
  const { run, progress } = props;
  const preview = run.dry_run === 1;
  const planning = !progress || progress.phase === 'planning';
  return (
    <Layout title={jobTitle(run)} csrf={props.csrf}>
      <h1>
        {jobTitle(run)}: {preview ? 'preparing the preview' : 'running'}
      </h1>
      <section
        id="run"
        class="run"
        data-events={`/runs/${run.id}/events`}
        data-testid="run-progress"
        aria-live="polite"
      >
        <progress
          id="run-bar"
          max={progress && progress.total > 0 ? progress.total : 1}
          value={progress && !planning ? progress.done : undefined}
          aria-label="Progress"
        ></progress>
        <p>
          <span id="run-phase">{planning ? 'Reading both sides and deciding…' : 'Posting…'}</span>{' '}
          <span id="run-done">{progress?.done ?? 0}</span> of{' '}
          <span id="run-total">{progress?.total ?? 0}</span> done,{' '}
          <span id="run-failed">{progress?.failed ?? 0}</span> failed so far.
        </p>
        <p>
          Current record: <span id="run-current">{progress?.current ?? '—'}</span>
        </p>
        <p class="hint">
          Started {showTime(run.started_at)}. You may close or reload this page: the job goes on,
          and this page shows where it is. <a href={`/runs/${run.id}`}>Reload</a>
        </p>
      </section>
    </Layout>
  );
}

function ActionCounts(props: { report: RunReport }) {
  const rows = Object.entries(props.report.counts.actions).filter(([, count]) => count > 0);
  return (
    <table class="counts" data-testid="action-counts">
      <caption>Records per action</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Records</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([action, count]) => (
          <tr>
            <th scope="row">{actionWords[action as PlanAction]}</th>
            <td>{count}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Total</th>
          <td>{props.report.items.length}</td>
        </tr>
      </tbody>
    </table>
  );
}

function searchText(item: ReportItem): string {
  return [item.label, item.key, item.reason, item.error ?? '', actionWords[item.action]]
    .join(' ')
    .toLowerCase();
}

function ItemTable(props: { items: ReportItem[]; withOutcome: boolean }) {
  return (
    <div class="table-wrap">
      <table class="items" id="items" data-testid="items">
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col">Key</th>
            <th scope="col">Action</th>
            {props.withOutcome ? <th scope="col">Outcome</th> : null}
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => (
            <tr data-search={searchText(item)} class={`outcome-${item.outcome}`}>
              <td>{item.label}</td>
              <td>{item.key}</td>
              <td>{actionWords[item.action]}</td>
              {props.withOutcome ? <td>{outcomeWords[item.outcome]}</td> : null}
              <td>
                {item.reason}
                {item.error && item.error !== item.reason ? (
                  <span class="error-text"> — {item.error}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SearchBox() {
  return (
    <div class="field search">
      <label for="search">Search the records</label>
      <input id="search" type="search" data-filter="items" autocomplete="off" />
    </div>
  );
}

/** A finished preview: what the job would do, and CONTINUE to do it. */
export function PreviewPage(props: { csrf: string; run: Run; report: RunReport }) {
  const { run, report } = props;
  const failed = run.status === 'failed';
  const writes = report.items.filter((i) => i.action !== 'skip' && i.action !== 'reject').length;
  return (
    <Layout title={`${jobTitle(run)}: preview`} csrf={props.csrf}>
      <h1>{jobTitle(run)}: preview</h1>
      {failed ? (
        <p class="alert" role="alert" data-testid="run-error">
          The preview could not be made: {run.error ?? 'unknown error'}
        </p>
      ) : (
        <>
          <p>Nothing has been written yet. This is what the job would do now:</p>
          <Notes notes={report.notes} />
          <ActionCounts report={report} />
          <form method="post" action={`/runs/${run.id}/apply`} class="confirm">
            <CsrfField token={props.csrf} />
            <button type="submit" class="primary" disabled={writes === 0 ? true : undefined}>
              CONTINUE
            </button>{' '}
            <a href="/home">Cancel</a>
            {writes === 0 ? <p class="hint">There is nothing to post.</p> : null}
          </form>
          <SearchBox />
          <ItemTable items={report.items} withOutcome={false} />
        </>
      )}
    </Layout>
  );
}

/** A finished run: counts, every record with its outcome (failed first), CSV, retry. */
export function ResultsPage(props: { csrf: string; run: Run; report: RunReport }) {
  const { run, report } = props;
  const items = failedFirst(report.items);
  const failed = report.counts.outcomes.failed;
  return (
    <Layout title={`${jobTitle(run)}: results`} csrf={props.csrf}>
      <h1>{jobTitle(run)}: results</h1>
      <p data-testid="run-status">
        Started {showTime(run.started_at)}, finished {showTime(run.finished_at)}:{' '}
        <strong>{statusWords[run.status]}</strong>.
      </p>
      {run.error ? (
        <p class="alert" role="alert" data-testid="run-error">
          {run.error}
        </p>
      ) : null}
      <Notes notes={report.notes} />
      <table class="counts" data-testid="outcome-counts">
        <caption>Records per outcome</caption>
        <tbody>
          <tr>
            <th scope="row">Done</th>
            <td>{report.counts.outcomes.done}</td>
          </tr>
          <tr>
            <th scope="row">Failed</th>
            <td>{failed}</td>
          </tr>
          <tr>
            <th scope="row">Skipped</th>
            <td>{report.counts.outcomes.skipped}</td>
          </tr>
          {report.counts.outcomes.planned > 0 ? (
            <tr>
              <th scope="row">Not done</th>
              <td>{report.counts.outcomes.planned}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <p class="actions">
        <a class="button secondary" href={`/runs/${run.id}.csv`} download>
          Download CSV
        </a>
      </p>
      {failed > 0 && run.status !== 'running' ? (
        <form method="post" action={`/runs/${run.id}/retry`}>
          <CsrfField token={props.csrf} />
          <button type="submit" class="primary">
            Retry failed records
          </button>
        </form>
      ) : null}
      <SearchBox />
      <ItemTable items={items} withOutcome={true} />
    </Layout>
  );
}

/** Past runs of this connection, newest first. */
export function HistoryPage(props: { csrf: string; runs: Run[] }) {
  return (
    <Layout title="History" csrf={props.csrf}>
      <h1>History</h1>
      {props.runs.length === 0 ? (
        <p>No job has run yet.</p>
      ) : (
        <div class="table-wrap">
          <table class="items" data-testid="history">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Job</th>
                <th scope="col">Kind</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {props.runs.map((run) => (
                <tr>
                  <td>
                    <a href={`/runs/${run.id}`}>{showTime(run.started_at)}</a>
                  </td>
                  <td>{jobTitle(run)}</td>
                  <td>{run.dry_run === 1 ? 'preview' : 'run'}</td>
                  <td>{statusWords[run.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
