import type { Finding } from './checks.ts';

/**
 * Errors against the letter of a spec file that the spec itself, or the reference notes, explain
 * away. Each stays in the report as "accepted" with its reason, so nothing is hidden; anything
 * not listed here keeps failing the check.
 */
interface Acceptance {
  route: string;
  check: Finding['check'];
  detail: RegExp;
  reason: string;
}

const acceptances: readonly Acceptance[] = [
  {
    route: 'v2 GET /customers',
    check: 'query',
    detail: /^parameter `(page|limit)` /,
    reason:
      'customers.v2.yml lists no paging parameters for this path, yet documents `page`/`limit` ' +
      '(250 max, 50 default) for the addresses of the same resource, and the official clients ' +
      'page every v2 collection with `page` and `limit=250` (reference notes §3.2, §5.1).',
  },
  {
    route: 'v2 POST /customers',
    check: 'request body',
    detail: /^`email` is not a property/,
    reason:
      "the inline request schema omits `email`, while the same operation's description lists " +
      '`email` under "Required Fields" and `customer_Base` requires it.',
  },
  {
    route: 'v3 (GET|POST|PUT) /customers',
    check: 'response body',
    detail: /`data\[\]\.channel_ids` is null/,
    reason:
      'customers.v3.yml types `channel_ids` as an array without `nullable`, but its create notes ' +
      'say "provide `channel_ids: null`" for a customer with access to every channel, which is ' +
      'what the emulated customers have.',
  },
];

/** Marks the findings an acceptance covers, adding its reason to the detail. */
export function applyAcceptances(findings: Finding[]): void {
  for (const finding of findings) {
    if (finding.severity !== 'error') continue;

    const acceptance = acceptances.find(
      (candidate) =>
        new RegExp(`^${candidate.route}$`).test(finding.route) &&
        candidate.check === finding.check &&
        candidate.detail.test(finding.detail),
    );
    if (!acceptance) continue;

    finding.severity = 'accepted';
    finding.reason = acceptance.reason;
  }
}
