import { Command, InvalidArgumentError } from 'commander';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { formatText } from './report.ts';
import { floorParameters, runScenario } from './scenario.ts';
import type { AccountKind } from './world.ts';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError('expected a whole number of at least 1');
  }
  return parsed;
}

function accountKind(value: string): AccountKind {
  if (value !== 'oauth' && value !== 'legacy') {
    throw new InvalidArgumentError('expected "oauth" or "legacy"');
  }
  return value;
}

const program = new Command('bench')
  .description(
    'Times the product and invoice jobs against both emulators in process, with 20 ms of latency ' +
      'and a store quota of 150 requests per 3 s.',
  )
  .requiredOption('--products <n>', 'Imonggo products to sync', positiveInteger)
  .option('--orders <m>', 'store orders to pull', positiveInteger, 1000)
  .option('--kind <kind>', 'store API account: oauth (v3) or legacy (v2)', accountKind, 'oauth')
  .option('--json', 'print one JSON object instead of text')
  .action(async (options: { products: number; orders: number; kind: AccountKind; json?: true }) => {
    // What the process holds before any world exists (Node, tsx and the loaded modules).
    const baselineRssMb = Math.round(process.memoryUsage().rss / 1024 ** 2);
    const machine = {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
      // The V8 flags the figures depend on (npm run bench passes BIN's memory flags).
      nodeFlags: process.execArgv.filter((flag) => flag.startsWith('--') && flag !== '--import'),
    };
    const runs = await runScenario({
      products: options.products,
      orders: options.orders,
      kind: options.kind,
      onRunStart: (name) => process.stderr.write(`bench: ${name}…\n`),
    });

    if (options.json) {
      const document = {
        products: options.products,
        orders: options.orders,
        kind: options.kind,
        machine,
        baselineRssMb,
        parameters: floorParameters,
        runs,
      };
      process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return;
    }
    const header = {
      products: options.products,
      orders: options.orders,
      'store account': options.kind,
      machine: `${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}`,
      'node flags': machine.nodeFlags.join(' '),
      'RSS before the runs': `${baselineRssMb} MB`,
      faults: `latency ${floorParameters.latencyMs} ms both sides; store quota ${floorParameters.quota.requests} per ${floorParameters.quota.windowMs} ms`,
    };
    process.stdout.write(`${formatText(header, runs)}\n`);
  });

await program.parseAsync();
