import type { Schema, SpecOperation, SpecResponse } from './spec.ts';

/**
 * Reads the prose page of the v2 products API (no OpenAPI file exists for it any more) into the
 * same operations the YAML files give: each `## Section` holding a line like
 * "> `GET /stores/{store_hash}/v2/products`" is an operation. Its query names are those the section
 * shows in example URLs (`?min_id={value}`, `?include=`); the product object is the
 * "Product Object – Properties" table; create and update bodies are that object without the
 * section's "Read-only Properties", and create requires the section's "Requirements". Statuses are
 * those quoted in the section's code blocks (`204 No Content`), plus 200 for reads and writes
 * that answer with a body, which the page shows by example rather than by number.
 */
export function parseV2ProductsMdx(source: string, text: string): SpecOperation[] {
  const sections = text.split(/^## /m).slice(1);
  const product = productSchema(sections);
  const operations: SpecOperation[] = [];

  for (const section of sections) {
    const line = /^> `(GET|POST|PUT|DELETE) \/stores\/\{store_hash\}\/v2(\/[^`]*)`/m.exec(section);
    if (!line?.[1] || !line[2]) continue;

    const method = line[1];
    const template = line[2].replace(/\{id\}/g, '{product_id}');
    operations.push({
      source,
      version: 'v2',
      method,
      template,
      query: queryNames(section),
      requestBody: requestBodyOf(method, section, product),
      responses: responsesOf(method, template, section, product),
      deprecated: /Deprecated/i.test(section),
      root: {},
      fromProse: true,
    });
  }
  return operations;
}

function queryNames(section: string): Set<string> {
  // Only API URLs and the "?include=" bullets: image URLs in the examples carry queries too.
  const pattern = /(?:\/api\/v2\/products[^\s?`]*|^[*-] `?)\?([a-z_]+)=/gim;
  const names = [...section.matchAll(pattern)].map((match) => match[1]?.toLowerCase());
  return new Set(names.filter((name): name is string => name !== undefined));
}

const proseTypes: Record<string, Schema> = {
  int: { type: 'integer' },
  // v2 writes decimals as strings ("29.99") and answers them as strings ("29.9900").
  decimal: { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' },
  string: { type: 'string' },
  text: { type: 'string' },
  date: { type: 'string' },
  'dateTime or date': { type: 'string' },
  boolean: { type: 'boolean' },
  array: { type: 'array' },
  object: { type: 'object' },
  // Sub-resources are `{url, resource}` links.
  resource: {
    type: 'object',
    properties: { url: { type: 'string' }, resource: { type: 'string' } },
  },
};

function productSchema(sections: string[]): Schema {
  const table = sections.find((section) => section.startsWith('Products'));
  const properties: Record<string, Schema> = {};

  for (const row of (table ?? '').matchAll(/^\| ([a-z_0-9]+) \| ([^|]+) \| ([^\n]*)\|$/gm)) {
    const [, name, rawType, description] = row;
    if (!name || !rawType) continue;

    const type = rawType.trim();
    const schema: Schema = { ...(proseTypes[type] ?? {}), 'x-prose-type': type };
    if (type === 'enum') Object.assign(schema, enumOf(description ?? ''));
    properties[name] = schema;
  }
  return { type: 'object', properties, required: mandatoryFields(sections) };
}

/** "The following fields are always present on product API requests, and cannot be excluded". */
function mandatoryFields(sections: string[]): string[] {
  const part = sections.join('## ').split('### Mandatory Fields')[1]?.split(/^##/m)[0] ?? '';
  return [...part.matchAll(/^- `([a-z_]+)`/gm)]
    .map((match) => match[1])
    .filter((name): name is string => name !== undefined);
}

/** Enum values the description lists as "`value` – meaning" or "values: `A`, `B`". */
function enumOf(description: string): Schema {
  const listed = [...description.matchAll(/`([^`]+)` –/g)].map((match) => match[1]);
  const inline = /values(?: are)?:([^.]*)/i.exec(description)?.[1] ?? '';
  const named = [...inline.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
  const values = (listed.length > 0 ? listed : named).filter((value) => value !== undefined);
  return values.length > 0 ? { type: 'string', enum: values } : { type: 'string' };
}

function requestBodyOf(method: string, section: string, product: Schema): Schema | undefined {
  if (method !== 'POST' && method !== 'PUT') return undefined;

  const readOnly = bulletsUnder(section, 'Read-only Properties');
  const required = bulletsUnder(section, 'Requirements');
  const all = product.properties as Record<string, Schema>;
  const writable = Object.fromEntries(
    Object.entries(all).filter(([name]) => !readOnly.includes(name)),
  );
  return { type: 'object', properties: writable, required };
}

function bulletsUnder(section: string, heading: string): string[] {
  const part = section.split(`### ${heading}`)[1]?.split(/^### /m)[0] ?? '';
  return [...part.matchAll(/^\*\s+([a-z_]+)\s*$/gm)]
    .map((match) => match[1])
    .filter((name): name is string => name !== undefined);
}

function responsesOf(
  method: string,
  template: string,
  section: string,
  product: Schema,
): Map<string, SpecResponse> {
  const responses = new Map<string, SpecResponse>();
  const quoted = [...section.matchAll(/^(\d{3}) [A-Z][^\n]*$/gm)];
  for (const [line, status] of quoted) {
    if (status) responses.set(status, { description: line, schema: undefined });
  }

  if (method === 'DELETE') return responses;

  const body: Schema = template.endsWith('/count')
    ? { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] }
    : template === '/products' && method === 'GET'
      ? { type: 'array', items: product }
      : product;
  responses.set('200', { description: 'shown by example', schema: body });
  return responses;
}
