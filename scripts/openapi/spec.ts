import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseV2ProductsMdx } from './mdx.ts';

/** A JSON-schema-like node of an OpenAPI 3.0 document, read loosely. */
export type Schema = Record<string, unknown>;

export type ApiVersion = 'v2' | 'v3';

export interface SpecResponse {
  description: string;
  /** The JSON body schema, when the operation declares one for this status. */
  schema: Schema | undefined;
}

export interface SpecOperation {
  /** The file the operation comes from, e.g. `customers.v3.yml`. */
  source: string;
  version: ApiVersion;
  method: string;
  /** The path as the spec writes it, below the version root: `/catalog/products/{product_id}`. */
  template: string;
  /** Declared query parameter names, path-level ones included. */
  query: Set<string>;
  requestBody: Schema | undefined;
  /** Keyed by status as written: `200`, `204`, `4XX`, `default`. */
  responses: Map<string, SpecResponse>;
  deprecated: boolean;
  /** The document `$ref`s resolve against. */
  root: unknown;
  /** True when the operation was read from prose rather than OpenAPI. */
  fromProse: boolean;
}

export interface Spec {
  files: string[];
  operations: SpecOperation[];
}

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Reads every `*.yml`/`*.yaml` file of the folder, plus `v2-products.mdx` when present. */
export function loadSpec(dir: string): Spec {
  const names = readdirSync(dir).sort();
  const operations: SpecOperation[] = [];
  const files: string[] = [];

  for (const name of names) {
    const path = join(dir, name);

    if (/\.ya?ml$/.test(name)) {
      files.push(name);
      operations.push(...operationsOf(name, parse(readFileSync(path, 'utf8')) as unknown));
    } else if (name === 'v2-products.mdx') {
      files.push(name);
      operations.push(...parseV2ProductsMdx(name, readFileSync(path, 'utf8')));
    }
  }

  return { files, operations };
}

function operationsOf(source: string, document: unknown): SpecOperation[] {
  const root = asObject(document);
  const version = versionOf(root);
  if (!version) return [];

  const operations: SpecOperation[] = [];
  for (const [template, rawItem] of Object.entries(asObject(root.paths))) {
    const item = asObject(resolve(root, rawItem));
    const shared = parametersOf(root, item.parameters);

    for (const method of methods) {
      if (!(method in item)) continue;

      const operation = asObject(resolve(root, item[method]));
      operations.push({
        source,
        version,
        method: method.toUpperCase(),
        template,
        query: new Set([...shared, ...parametersOf(root, operation.parameters)]),
        requestBody: jsonSchemaOf(root, operation.requestBody),
        responses: responsesOf(root, operation.responses),
        deprecated: operation.deprecated === true,
        root,
        fromProse: false,
      });
    }
  }
  return operations;
}

/** The version folder of the document's first server (`…/stores/{store_hash}/v3`). */
function versionOf(root: Record<string, unknown>): ApiVersion | undefined {
  const servers = Array.isArray(root.servers) ? root.servers : [];
  const url = asObject(servers[0]).url;
  const match = typeof url === 'string' ? /\/(v2|v3)\/?$/.exec(url) : null;
  return (match?.[1] as ApiVersion | undefined) ?? undefined;
}

function parametersOf(root: unknown, list: unknown): string[] {
  if (!Array.isArray(list)) return [];

  return list
    .map((entry) => asObject(resolve(root, entry)))
    .filter((parameter) => parameter.in === 'query' && typeof parameter.name === 'string')
    .map((parameter) => parameter.name as string);
}

function responsesOf(root: unknown, responses: unknown): Map<string, SpecResponse> {
  const found = new Map<string, SpecResponse>();

  for (const [status, raw] of Object.entries(asObject(responses))) {
    const response = asObject(resolve(root, raw));
    found.set(status, {
      description: typeof response.description === 'string' ? response.description : '',
      schema: jsonSchemaOf(root, response),
    });
  }
  return found;
}

/** The `application/json` (or any `…json`) schema of a request body or response. */
function jsonSchemaOf(root: unknown, holder: unknown): Schema | undefined {
  const content = asObject(asObject(resolve(root, holder)).content);
  const type = Object.keys(content).find((name) => /json/i.test(name));
  if (type === undefined) return undefined;

  const schema = asObject(content[type]).schema;
  return typeof schema === 'object' && schema !== null ? (schema as Schema) : undefined;
}

/** Follows local `$ref`s (`#/components/...`) until a node without one is reached. */
export function resolve(root: unknown, node: unknown): unknown {
  let current = node;

  for (let hops = 0; hops < 32; hops += 1) {
    const ref = asObject(current).$ref;
    if (typeof ref !== 'string') return current;
    if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);

    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((at, part) => asObject(at)[part], root);
    if (current === undefined) throw new Error(`unresolved $ref: ${ref}`);
  }
  throw new Error('$ref chain too long');
}

export function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
