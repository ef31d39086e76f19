/**
 * Checks every BigCommerce route the emulator serves and every request the client makes against
 * BigCommerce's official OpenAPI files, read only from the folder named on the command line (a
 * user's clone does not have them, so nothing else reads them):
 *
 *   node --import tsx scripts/check-openapi.ts ../shared/reference/bigcommerce-openapi
 *
 * Prints a route table and the findings, writes docs/openapi-check.md, and exits 1 when an error
 * remains (2 on bad usage). Not part of `npm test`.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { applyAcceptances } from './openapi/accepted.ts';
import { Checker } from './openapi/checks.ts';
import { consoleReport, countsOf, markdownReport } from './openapi/report.ts';
import { runSession } from './openapi/session.ts';
import { loadSpec } from './openapi/spec.ts';

const reportPath = fileURLToPath(new URL('../docs/openapi-check.md', import.meta.url));

async function main(argv: readonly string[]): Promise<number> {
  const dir = argv[0];
  if (argv.length !== 1 || dir === undefined || !existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error('usage: node --import tsx scripts/check-openapi.ts <openapi-dir>');
    return 2;
  }

  const spec = loadSpec(dir);
  if (spec.operations.length === 0) {
    console.error(`no OpenAPI operations found in ${dir}`);
    return 2;
  }

  const session = await runSession();
  const checker = new Checker(spec, session.served);
  for (const route of session.served) checker.checkServedRoute(route);
  for (const exchange of session.exchanges) checker.checkExchange(exchange);
  applyAcceptances(checker.findings);

  const result = {
    command: `node --import tsx scripts/check-openapi.ts ${dir}`,
    date: new Date().toISOString().slice(0, 10),
    files: spec.files,
    rows: [...checker.rows.values()],
    findings: checker.findings,
    exchanges: session.exchanges,
  };
  console.log(consoleReport(result));

  mkdirSync(dirname(reportPath), { recursive: true });
  // Formatted as `npm run lint` expects, so a fresh report never fails the lint.
  const options = (await resolveConfig(reportPath)) ?? {};
  const markdown = await format(markdownReport(result), { ...options, filepath: reportPath });
  writeFileSync(reportPath, markdown);
  console.log(`\nreport written to ${reportPath}`);

  return countsOf(result.findings).error > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
