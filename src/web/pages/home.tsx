import type { Run } from '../../store/schema.ts';
import { jobButtons, jobTitle, showTime, statusWords } from '../jobs.ts';
import { CsrfField, Layout } from './layout.tsx';

export interface HomePageProps {
  csrf: string;
  accountId: string;
  store: string;
  /** The latest real (not preview) run of each button, by button text. */
  lastRuns: Map<string, Run>;
  running: Run | undefined;
}

function LastRun(props: { run: Run | undefined }) {
  const { run } = props;
  if (!run) return <p class="last-run">Never run.</p>;
  return (
    <p class="last-run">
      Last run <a href={`/runs/${run.id}`}>{showTime(run.started_at)}</a>: {statusWords[run.status]}
    </p>
  );
}

/** The landing page after login: the buttons of the guide's table 2. */
export function HomePage(props: HomePageProps) {
  return (
    <Layout title="Home" csrf={props.csrf}>
      <h1>Home</h1>
      <p class="who">
        Imonggo account <strong>{props.accountId}</strong> with the store{' '}
        <strong>{props.store}</strong>.
      </p>
      {props.running ? (
        <p class="notice" role="status">
          {jobTitle(props.running)} is running. <a href={`/runs/${props.running.id}`}>Follow it</a>.
        </p>
      ) : null}
      <ul class="jobs">
        {jobButtons.map((button) => (
          <li class="job">
            {button.job === 'products' ? (
              <a class="button" href={button.byTags ? '/jobs/products/tags' : '/jobs/products/all'}>
                {button.button}
              </a>
            ) : (
              <form method="post" action={`/jobs/${button.job}/preview`}>
                <CsrfField token={props.csrf} />
                <button type="submit" class="button">
                  {button.button}
                </button>
              </form>
            )}
            <p class="explanation">{button.explanation}</p>
            <LastRun run={props.lastRuns.get(button.button)} />
          </li>
        ))}
        <li class="job">
          <form method="post" action="/logout">
            <CsrfField token={props.csrf} />
            <button type="submit" class="button secondary">
              LOGOUT
            </button>
          </form>
          <p class="explanation">Log out of BIN on this browser.</p>
        </li>
      </ul>
    </Layout>
  );
}
