import type { Exchange } from './recorder.ts';
import { findOperation, fitsTemplate, splitApiPath, type ServedRoute } from './routes.ts';
import type { ApiVersion, Spec, SpecOperation, SpecResponse } from './spec.ts';
import { validate } from './validate.ts';

export type Severity = 'error' | 'accepted' | 'warning' | 'info';

export type CheckName = 'route' | 'query' | 'request body' | 'status' | 'response body';

export interface Finding {
  severity: Severity;
  /** `v3 GET /catalog/products/{product_id}`, in the spec's own template when it has one. */
  route: string;
  check: CheckName;
  detail: string;
  /** Where it was seen, e.g. `client oauth: listProducts()`; a few examples, not all. */
  seenIn: string[];
  /** Why an error is accepted (see accepted.ts). */
  reason?: string;
}

/** One row of the coverage table: a route, who serves or calls it, and what came back. */
export interface RouteRow {
  route: string;
  spec: string;
  served: Set<string>;
  calledBy: Set<string>;
  queryNames: Set<string>;
  statuses: Set<number>;
  exchanges: number;
}

/**
 * Statuses every operation may give without declaring them: the status-code and rate-limit guides
 * document them for the whole API (auth 401/403, unknown id or route 404, quota 429 on the current
 * API and 509 on the legacy one, and 5xx outages).
 */
const genericStatuses = new Set([401, 403, 404, 429, 500, 502, 503, 504, 509]);

export class Checker {
  readonly findings: Finding[] = [];
  readonly rows = new Map<string, RouteRow>();
  readonly #spec: Spec;
  readonly #served: readonly ServedRoute[];

  constructor(spec: Spec, served: readonly ServedRoute[]) {
    this.#spec = spec;
    this.#served = served;
  }

  checkServedRoute(route: ServedRoute): void {
    const match = findOperation(this.#spec, route.version, route.method, route.template);
    const key = this.#routeKey(route.version, route.method, route.template, match);
    const row = this.#row(key, match.kind === 'operation' ? match.operation : undefined);
    row.served.add(route.mount);

    if (match.kind === 'operation') return;
    if (match.kind === 'method-missing') {
      const methods = match.methods.join(', ');
      this.#add('error', key, 'route', `served, but the spec has only ${methods} for this path`);
    } else if (this.#covers(route.version, route.template)) {
      this.#add('error', key, 'route', 'served, but the spec has no such path');
    } else {
      this.#add('warning', key, 'route', 'no spec file given covers this resource; not checked');
    }
  }

  checkExchange(exchange: Exchange): void {
    const where = `${exchange.sender} ${exchange.account}: ${exchange.step}`;
    const path = splitApiPath(exchange.path);
    if (!path) {
      this.#add('error', exchange.path, 'route', 'not a BigCommerce API path', where);
      return;
    }

    const match = findOperation(this.#spec, path.version, exchange.method, path.rest);
    const operation = match.kind === 'operation' ? match.operation : undefined;
    const key = this.#routeKey(path.version, exchange.method, path.rest, match);
    const row = this.#row(key, operation);
    row.exchanges += 1;
    row.statuses.add(exchange.status);
    for (const name of exchange.query) row.queryNames.add(name);
    if (exchange.sender === 'client') row.calledBy.add(exchange.account);

    if (!operation) {
      this.#unmatched(exchange, key, path.version, path.rest, where);
      return;
    }

    this.#checkQuery(exchange, operation, key, where);
    if (exchange.sender === 'client') this.#checkRequestBody(exchange, operation, key, where);
    this.#checkAnswer(exchange, operation, key, where);
  }

  #unmatched(exchange: Exchange, key: string, version: ApiVersion, rest: string, where: string) {
    const served = this.#served.some(
      (route) => route.version === version && fitsTemplate(route.template, rest),
    );

    if (!served && (exchange.status === 404 || exchange.status === 405)) {
      const detail = `no such route here or in the spec; answered ${exchange.status}`;
      this.#add('info', key, 'route', detail, where);
    } else if (!this.#covers(version, rest)) {
      const detail = 'no spec file given covers this resource; not checked';
      this.#add('warning', key, 'route', detail, where);
    } else {
      const detail = `not in the spec, yet answered ${exchange.status}`;
      this.#add('error', key, 'route', detail, where);
    }
  }

  #checkQuery(exchange: Exchange, operation: SpecOperation, key: string, where: string): void {
    for (const name of exchange.query) {
      if (operation.query.has(name)) continue;
      this.#add('error', key, 'query', `parameter \`${name}\` is not declared`, where);
    }
  }

  #checkRequestBody(
    exchange: Exchange,
    operation: SpecOperation,
    key: string,
    where: string,
  ): void {
    if (exchange.requestBody === undefined) return;
    if (!operation.requestBody) {
      this.#add('error', key, 'request body', 'a body is sent; the spec declares none', where);
      return;
    }

    for (const issue of validate(
      exchange.requestBody,
      operation.requestBody,
      operation.root,
      'request',
    )) {
      this.#add(issue.severity, key, 'request body', `\`${issue.at}\` ${issue.message}`, where);
    }
  }

  #checkAnswer(exchange: Exchange, operation: SpecOperation, key: string, where: string): void {
    const declared = declaredResponse(operation, exchange.status);
    const status = exchange.status;

    if (!declared) {
      this.#undeclaredStatus(exchange, operation, key, where);
      return;
    }
    if (declared.viaImplied && status !== 200) {
      const detail = `${status}: the prose page gives no number for this answer; the v2 OpenAPI files declare 200 for their creates and updates`;
      this.#add('warning', key, 'status', detail, where);
    }

    const schema = declared.response.schema;
    if (status === 204 && exchange.responseText !== '') {
      this.#add('error', key, 'response body', '204 answered with a body', where);
    }
    if (!schema) return;
    if (exchange.responseBody === undefined) {
      const detail = `${status} is declared with a JSON body, but the answer is not JSON`;
      this.#add('error', key, 'response body', detail, where);
      return;
    }

    for (const issue of validate(exchange.responseBody, schema, operation.root, 'response')) {
      const detail = `${status} \`${issue.at}\` ${issue.message}`;
      this.#add(issue.severity, key, 'response body', detail, where);
    }
  }

  #undeclaredStatus(
    exchange: Exchange,
    operation: SpecOperation,
    key: string,
    where: string,
  ): void {
    const status = exchange.status;
    const declared = [...operation.responses.keys()].join(', ');

    if (genericStatuses.has(status)) {
      this.#add('info', key, 'status', `${status} (generic, documented API-wide)`, where);
    } else if (status === 204 && isV2Listing(operation, exchange)) {
      const detail = '204 past the last page (v2 convention; the page declares only 200)';
      this.#add('info', key, 'status', detail, where);
    } else if (status >= 400 && status < 500) {
      const detail = `${status} is not declared for this operation (declared: ${declared})`;
      this.#add('warning', key, 'status', detail, where);
    } else {
      const detail = `${status} is not declared for this operation (declared: ${declared})`;
      this.#add('error', key, 'status', detail, where);
    }
  }

  /** Whether any operation of the spec lives under the path's first segment. */
  #covers(version: ApiVersion, rest: string): boolean {
    const first = rest.split('/').filter(Boolean)[0];
    return this.#spec.operations.some(
      (operation) => operation.version === version && operation.template.split('/')[1] === first,
    );
  }

  #routeKey(
    version: ApiVersion,
    method: string,
    rest: string,
    match: ReturnType<typeof findOperation>,
  ): string {
    if (match.kind === 'operation') return `${version} ${method} ${match.operation.template}`;
    if (match.kind === 'method-missing') return `${version} ${method} ${match.template}`;

    // Without a spec template, name the path as the emulator's route does.
    const served = this.#served.find(
      (route) =>
        route.version === version && route.method === method && fitsTemplate(route.template, rest),
    );
    return `${version} ${method} ${served?.template ?? rest}`;
  }

  #row(key: string, operation: SpecOperation | undefined): RouteRow {
    let row = this.rows.get(key);
    if (!row) {
      const spec = operation
        ? `${operation.source}${operation.deprecated ? ' (deprecated)' : ''}`
        : '—';
      row = {
        route: key,
        spec,
        served: new Set(),
        calledBy: new Set(),
        queryNames: new Set(),
        statuses: new Set(),
        exchanges: 0,
      };
      this.rows.set(key, row);
    }
    return row;
  }

  #add(severity: Severity, route: string, check: CheckName, detail: string, where?: string) {
    const same = this.findings.find(
      (finding) =>
        finding.severity === severity &&
        finding.route === route &&
        finding.check === check &&
        finding.detail === detail,
    );
    const finding = same ?? { severity, route, check, detail, seenIn: [] };
    if (!same) this.findings.push(finding);
    if (where && finding.seenIn.length < 3 && !finding.seenIn.includes(where)) {
      finding.seenIn.push(where);
    }
  }
}

/** The response the spec declares for a status: exact, then `4XX`-style ranges, then default. */
function declaredResponse(
  operation: SpecOperation,
  status: number,
): { response: SpecResponse; viaImplied: boolean } | undefined {
  const exact = operation.responses.get(String(status));
  if (exact) return { response: exact, viaImplied: false };

  const range = operation.responses.get(`${String(status)[0]}XX`);
  if (range) return { response: range, viaImplied: false };

  // The prose page shows reads and writes answering the product by example, without a number.
  const implied = operation.fromProse ? operation.responses.get('200') : undefined;
  if (implied && status >= 200 && status < 300 && status !== 204) {
    return { response: implied, viaImplied: true };
  }

  const fallback = operation.responses.get('default');
  return fallback ? { response: fallback, viaImplied: false } : undefined;
}

function isV2Listing(operation: SpecOperation, exchange: Exchange): boolean {
  return operation.version === 'v2' && exchange.method === 'GET' && !/\}$/.test(operation.template);
}
