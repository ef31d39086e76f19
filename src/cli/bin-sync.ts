import { Command, Option } from 'commander';
import type { Logger } from 'pino';
import { createLogger, openRuntime, type Runtime } from '../config/runtime.ts';
import { RemoteError, sideLabel } from '../http/errors.ts';
import { ImonggoClient } from '../imonggo/client.ts';
import { RunInProgressError } from '../store/runs.ts';
import { connect } from '../sync/connect.ts';
import type { SyncContext } from '../sync/context.ts';
import type { Job } from '../sync/job.ts';
import { jobFactories, type WritingJobName } from '../sync/jobs.ts';
import { listTags } from '../sync/products/tags.ts';
import { runJob } from '../sync/runner.ts';
import { readEnvironment, UsageError, type EnvironmentSettings } from './environment.ts';
import { progressView } from './progress.ts';
import { formatReport } from './report-text.ts';

/** Exit codes: 0 all done or skipped by rule, 1 some record failed, 2 usage or connection trouble. */
const exit = { ok: 0, itemsFailed: 1, trouble: 2 } as const;

interface JobFlags {
  dryRun?: boolean;
  json?: boolean;
  full?: boolean;
  wait?: boolean;
  tags?: string;
}

function withJobFlags(command: Command): Command {
  return command
    .option('--dry-run', 'show the plan only; write nothing')
    .option('--json', 'print a machine-readable report on standard output')
    .option('--full', 'read everything instead of only what changed since the last run')
    .option('--wait', 'wait for another run of this connection to finish instead of refusing');
}

async function main(argv: string[]): Promise<number> {
  let code: number = exit.ok;
  const program = new Command('bin-sync')
    .description('Keep an Imonggo account and a BigCommerce store in step')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command('tags')
    .description('list the Imonggo product tags, with how many products carry each')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      code = await withSession(async ({ context }) => {
        const tags = await listTags(context.imonggo);
        if (flags.json) process.stdout.write(`${JSON.stringify({ tags }, null, 2)}\n`);
        else if (tags.length === 0) console.log('Your Imonggo products have no tags yet.');
        else for (const { tag, products } of tags) console.log(`${tag}  (${products})`);
        return exit.ok;
      });
    });

  withJobFlags(
    program
      .command('products')
      .description('post products from Imonggo to the store (all, or those with the given tags)')
      .addOption(new Option('--tags <tags>', 'comma-separated tags; products with any of them')),
  ).action(async (flags: JobFlags) => {
    code = await runCommand('products', flags);
  });

  const customers = program.command('customers').description('customer jobs');
  withJobFlags(customers.command('post').description('post store customers to Imonggo')).action(
    async (flags: JobFlags) => {
      code = await runCommand('customers-post', flags);
    },
  );
  withJobFlags(
    customers.command('update').description('push Imonggo customer changes to the store'),
  ).action(async (flags: JobFlags) => {
    code = await runCommand('customers-update', flags);
  });

  const invoices = program.command('invoices').description('invoice jobs');
  withJobFlags(
    invoices.command('pull').description('turn paid store orders into Imonggo invoices'),
  ).action(async (flags: JobFlags) => {
    code = await runCommand('invoices-pull', flags);
  });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    const commanderError = error as { exitCode?: number; code?: string };
    if (
      commanderError.code === 'commander.helpDisplayed' ||
      commanderError.code === 'commander.version'
    ) {
      return exit.ok;
    }
    return exit.trouble;
  }
  return code;
}

async function runCommand(job: WritingJobName, flags: JobFlags): Promise<number> {
  return withSession(async ({ context, logger }) => {
    const tags = (flags.tags ?? '')
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    const factory = jobFactories[job];
    const view = flags.json ? undefined : progressView(process.stderr);

    const report = await runWithLock(context, logger, factory(), {
      dryRun: flags.dryRun ?? false,
      full: flags.full ?? false,
      tags,
      wait: flags.wait ?? false,
      onProgress: view ? (progress) => view.update(progress) : undefined,
    }).finally(() => view?.stop());

    if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else console.log(formatReport(report));
    return report.counts.outcomes.failed > 0 ? exit.itemsFailed : exit.ok;
  });
}

async function runWithLock(
  context: SyncContext,
  logger: Logger,
  job: Job,
  options: Parameters<typeof runJob>[2] & { wait: boolean },
) {
  for (;;) {
    try {
      return await runJob(context, job, options);
    } catch (error) {
      if (!(error instanceof RunInProgressError) || !options.wait) throw error;
      logger.info({ runId: error.runId }, 'waiting for the other run to finish');
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

interface Session {
  context: SyncContext;
  logger: Logger;
}

/** Opens the runtime and the connection, runs `work`, and turns failures into exit codes. */
async function withSession(work: (session: Session) => Promise<number>): Promise<number> {
  const logger = createLogger(process.env.BIN_LOG_LEVEL ?? 'warn');
  let runtime: Runtime | undefined;
  try {
    const settings = readEnvironment(process.env);
    runtime = await openRuntime(process.env);
    const apiToken = await imonggoToken(settings, logger);
    const context = await connect({
      store: runtime.store,
      box: runtime.box,
      credentials: {
        imonggo: { accountId: settings.imonggo.accountId, apiToken },
        bigcommerce: settings.bigcommerce,
      },
      logger,
      imonggoBaseUrl: settings.imonggoBaseUrl,
      bigcommerceBaseUrl: settings.bigcommerceBaseUrl,
    });
    return await work({ context, logger });
  } catch (error) {
    console.error(`bin-sync: ${explain(error)}`);
    return error instanceof RemoteError && error.kind === 'validation'
      ? exit.itemsFailed
      : exit.trouble;
  } finally {
    await runtime?.store.close();
  }
}

async function imonggoToken(settings: EnvironmentSettings, logger: Logger): Promise<string> {
  const { accountId, apiToken, email, password } = settings.imonggo;
  if (apiToken) return apiToken;
  return ImonggoClient.exchangeToken({
    accountId,
    email: email ?? '',
    password: password ?? '',
    baseUrl: settings.imonggoBaseUrl,
    logger,
  });
}

/** What went wrong and what to do, naming the side; never a credential. */
function explain(error: unknown): string {
  if (error instanceof UsageError || error instanceof RunInProgressError) return error.message;
  if (error instanceof RemoteError) {
    const side = sideLabel[error.side];
    switch (error.kind) {
      case 'authentication':
        return error.side === 'imonggo'
          ? `${side} refused the credentials: check IMONGGO_ACCOUNT_ID and IMONGGO_API_TOKEN (or IMONGGO_EMAIL and IMONGGO_PASSWORD)`
          : `${side} refused the credentials: check BIGCOMMERCE_STORE_HASH and BIGCOMMERCE_ACCESS_TOKEN (or the legacy BIGCOMMERCE_STORE, BIGCOMMERCE_USERNAME, BIGCOMMERCE_API_TOKEN)`;
      case 'network':
      case 'remote_failure':
      case 'rate_limited':
      case 'malformed_response':
        return `${side} could not be reached (${error.message}); check ${
          error.side === 'imonggo' ? 'IMONGGO_BASE_URL' : 'BIGCOMMERCE_BASE_URL'
        } and your network, then run again`;
      case 'not_found':
      case 'validation':
      case 'conflict':
        return error.message;
    }
  }
  return error instanceof Error ? error.message : String(error);
}

process.exitCode = await main(process.argv);
