import type { RunReport } from '../sync/report.ts';
import { failedFirst } from './failed-first.ts';

/**
 * A cell of a spreadsheet-safe CSV. Names come from the remote APIs, so a value that a
 * spreadsheet would run as a formula (= + - @, tab, return) is prefixed with a quote.
 */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every record of a run, failed ones first as on the results page. */
export function reportCsv(report: RunReport): string {
  const header = [
    'seq',
    'record',
    'key',
    'entity',
    'action',
    'outcome',
    'reason',
    'error',
    'imonggo_id',
    'bigcommerce_id',
  ];
  const rows = failedFirst(report.items).map((item) => [
    item.seq,
    item.label,
    item.key,
    item.entity,
    item.action,
    item.outcome,
    item.reason,
    item.error,
    item.imonggoId,
    item.bigcommerceId,
  ]);
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
