import type { ApiVersion, Spec, SpecOperation } from './spec.ts';

/** Which URL tree a route hangs on: the current API or the legacy `/api/v2` one. */
export type Mount = 'current' | 'legacy';

export interface ServedRoute {
  mount: Mount;
  version: ApiVersion;
  method: string;
  /** Below the version root, parameters written `{name}`: `/catalog/products/{product_id}`. */
  template: string;
}

/** A request path split into the version it addresses and the path below the version root. */
export interface ApiPath {
  mount: Mount;
  version: ApiVersion;
  rest: string;
}

/**
 * The API routes a Hono app registers (`app.routes`), without middleware (`ALL`) and without the
 * emulator's own `/__admin` routes.
 */
export function servedRoutes(routes: readonly { method: string; path: string }[]): ServedRoute[] {
  const seen = new Set<string>();
  const served: ServedRoute[] = [];

  for (const route of routes) {
    if (route.method === 'ALL' || route.path.startsWith('/__admin')) continue;

    const path = splitApiPath(route.path.replace(/:([A-Za-z_]+)(\{[^}]*\})?/g, '{$1}'));
    if (!path) continue;

    const key = `${path.mount} ${route.method} ${path.version}${path.rest}`;
    if (seen.has(key)) continue;
    seen.add(key);
    served.push({
      mount: path.mount,
      version: path.version,
      method: route.method,
      template: path.rest,
    });
  }
  return served;
}

export function splitApiPath(path: string): ApiPath | undefined {
  const current = /^\/stores\/[^/]+\/(v2|v3)(\/.*)?$/.exec(path);
  if (current?.[1]) {
    return { mount: 'current', version: current[1] as ApiVersion, rest: current[2] ?? '/' };
  }

  const legacy = /^\/api\/v2(\/.*)?$/.exec(path);
  if (legacy) return { mount: 'legacy', version: 'v2', rest: legacy[1] ?? '/' };
  return undefined;
}

export type Match =
  | { kind: 'operation'; operation: SpecOperation }
  | { kind: 'method-missing'; methods: string[]; template: string }
  | { kind: 'path-missing' };

/**
 * The spec operation for a path below the version root, concrete (`/orders/5`) or a template
 * (`/orders/{order_id}`). A `{param}` of ours matches only a parameter of the spec; a concrete
 * segment matches a literal first (`/orders/count` is not `/orders/{order_id}`).
 */
export function findOperation(
  spec: Spec,
  version: ApiVersion,
  method: string,
  rest: string,
): Match {
  const segments = rest.split('/').filter(Boolean);
  let best: { template: string; literals: number } | undefined;

  for (const operation of spec.operations) {
    if (operation.version !== version) continue;

    const literals = fit(operation.template.split('/').filter(Boolean), segments);
    if (literals === undefined) continue;
    if (!best || literals > best.literals) best = { template: operation.template, literals };
  }
  if (!best) return { kind: 'path-missing' };

  const template = best.template;
  const same = spec.operations.filter((op) => op.version === version && op.template === template);
  const operation = same.find((op) => op.method === method);
  if (operation) return { kind: 'operation', operation };
  return { kind: 'method-missing', methods: same.map((op) => op.method), template };
}

/** Whether a concrete path (`/categories/5`) fits one of our templates (`/categories/{id}`). */
export function fitsTemplate(template: string, rest: string): boolean {
  return fit(template.split('/').filter(Boolean), rest.split('/').filter(Boolean)) !== undefined;
}

/** How many literal segments agree, or `undefined` when the path does not fit the template. */
function fit(template: string[], segments: string[]): number | undefined {
  if (template.length !== segments.length) return undefined;

  let literals = 0;
  for (const [index, part] of template.entries()) {
    const segment = segments[index] ?? '';
    const specParam = /^\{[^}]+\}$/.test(part);
    const ourParam = /^\{[^}]+\}$/.test(segment);

    if (specParam) continue;
    if (ourParam || part !== segment) return undefined;
    literals += 1;
  }
  return literals;
}
