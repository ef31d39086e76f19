import { asObject, resolve, type Schema } from './spec.ts';

export type Direction = 'request' | 'response';

export interface SchemaIssue {
  severity: 'error' | 'warning';
  /** Where in the body: `data[].sku`; array positions are folded to `[]`. */
  at: string;
  message: string;
}

/**
 * Checks a JSON value against an OpenAPI 3.0 schema: types, `nullable`, `enum`, `required`,
 * lengths and bounds, `allOf` merged, `oneOf`/`anyOf` by their best-fitting branch. A property the
 * schema does not declare is an error in a request (we must send only what the API knows) and a
 * warning in a response (the API may add fields; a client must tolerate them). `readOnly`
 * properties are not required in requests, nor `writeOnly` ones in responses.
 */
export function validate(
  value: unknown,
  schema: Schema,
  root: unknown,
  direction: Direction,
): SchemaIssue[] {
  const issues = new Validator(root, direction).check(value, schema, '');
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.severity} ${issue.at} ${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A schema with its `$ref`s followed and its `allOf` parts folded into one. */
interface Flat {
  types: string[];
  nullable: boolean;
  properties: Map<string, Schema>;
  required: Set<string>;
  /** `undefined` when the schema says nothing, `true`/`false`, or a schema for the values. */
  additional: boolean | Schema | undefined;
  items: Schema | undefined;
  enumValues: unknown[] | undefined;
  alternatives: Schema[][];
  bounds: Schema;
  readOnly: boolean;
  writeOnly: boolean;
  fromProse: boolean;
}

const boundKeys = ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'];

class Validator {
  readonly #root: unknown;
  readonly #direction: Direction;

  constructor(root: unknown, direction: Direction) {
    this.#root = root;
    this.#direction = direction;
  }

  check(value: unknown, schema: Schema, at: string): SchemaIssue[] {
    const flat = this.#flatten(schema);
    if (flat.alternatives.length > 0) return this.#checkAlternatives(value, flat, at);
    return this.#checkFlat(value, flat, at);
  }

  #checkAlternatives(value: unknown, flat: Flat, at: string): SchemaIssue[] {
    const [first, ...rest] = flat.alternatives;
    const base: Flat = { ...flat, alternatives: rest };
    let best: SchemaIssue[] | undefined;

    for (const branch of first ?? []) {
      const merged = this.#mergeInto(structuredClone(base), branch);
      const issues =
        merged.alternatives.length > 0
          ? this.#checkAlternatives(value, merged, at)
          : this.#checkFlat(value, merged, at);
      if (best === undefined || score(issues, at) < score(best, at)) best = issues;
    }
    return best ?? [];
  }

  #checkFlat(value: unknown, flat: Flat, at: string): SchemaIssue[] {
    if (value === null) {
      if (flat.nullable || flat.types.length === 0 || flat.enumValues?.includes(null)) return [];
      // A prose table has no way to say "may be null", so its silence is not a verdict.
      if (flat.fromProse) return [warning(at, 'is null; the prose page does not say if it may be')];
      return [error(at, `is null; the spec declares ${flat.types.join('|')} without nullable`)];
    }

    const actual = jsonType(value);
    const expected = flat.types;
    const fits = expected.length === 0 || expected.some((type) => typeFits(type, actual, value));
    if (!fits) return [error(at, `is ${actual}; the spec declares ${expected.join('|')}`)];

    if (flat.enumValues && !flat.enumValues.includes(value)) {
      const allowed = flat.enumValues.map((item) => JSON.stringify(item)).join(', ');
      return [error(at, `is ${JSON.stringify(value)}; the spec allows ${allowed}`)];
    }

    const issues = boundIssues(value, flat.bounds, at);
    if (Array.isArray(value) && flat.items) {
      for (const item of value) issues.push(...this.check(item, flat.items, `${at}[]`));
    }
    if (actual === 'object') {
      issues.push(...this.#checkObject(value as Record<string, unknown>, flat, at));
    }
    return issues;
  }

  #checkObject(value: Record<string, unknown>, flat: Flat, at: string): SchemaIssue[] {
    const issues: SchemaIssue[] = [];

    for (const name of flat.required) {
      if (name in value) continue;
      const property = flat.properties.get(name);
      const exempt = property && this.#exemptFromRequired(property);
      if (!exempt) issues.push(error(join(at, name), 'is required by the spec but missing'));
    }

    for (const [name, item] of Object.entries(value)) {
      const property = flat.properties.get(name);
      if (property) {
        // BigCommerce marks `id` read-only yet requires it in batch updates; required wins.
        const readOnly = this.#flatten(property).readOnly && !flat.required.has(name);
        if (this.#direction === 'request' && readOnly) {
          issues.push(warning(join(at, name), 'is read-only in the spec but sent'));
        }
        issues.push(...this.check(item, property, join(at, name)));
      } else if (typeof flat.additional === 'object') {
        issues.push(...this.check(item, flat.additional, join(at, name)));
      } else if (flat.additional !== true && flat.properties.size > 0) {
        issues.push(
          this.#direction === 'request'
            ? error(join(at, name), 'is not a property the spec declares')
            : warning(join(at, name), 'is not declared by the spec (extra property)'),
        );
      }
    }
    return issues;
  }

  #exemptFromRequired(property: Schema): boolean {
    const flat = this.#flatten(property);
    return this.#direction === 'request' ? flat.readOnly : flat.writeOnly;
  }

  #flatten(schema: Schema): Flat {
    const flat: Flat = {
      types: [],
      nullable: false,
      properties: new Map(),
      required: new Set(),
      additional: undefined,
      items: undefined,
      enumValues: undefined,
      alternatives: [],
      bounds: {},
      readOnly: false,
      writeOnly: false,
      fromProse: false,
    };
    return this.#mergeInto(flat, schema);
  }

  #mergeInto(flat: Flat, raw: Schema): Flat {
    const schema = asObject(resolve(this.#root, raw));

    if (typeof schema.type === 'string' && flat.types.length === 0) flat.types = [schema.type];
    if (schema.nullable === true || schema['x-nullable'] === true) flat.nullable = true;
    if (schema.readOnly === true) flat.readOnly = true;
    if (schema.writeOnly === true) flat.writeOnly = true;
    if (typeof schema['x-prose-type'] === 'string') flat.fromProse = true;
    if (Array.isArray(schema.enum)) flat.enumValues = schema.enum as unknown[];
    if (schema.items !== undefined) flat.items = asObject(schema.items);
    if (schema.additionalProperties !== undefined) {
      const extra = schema.additionalProperties;
      flat.additional = typeof extra === 'boolean' ? extra : asObject(extra);
    }

    for (const [name, property] of Object.entries(asObject(schema.properties))) {
      flat.properties.set(name, asObject(property));
    }
    if (Array.isArray(schema.required)) {
      for (const name of schema.required) if (typeof name === 'string') flat.required.add(name);
    }
    for (const key of boundKeys) if (key in schema) flat.bounds[key] = schema[key];
    if (typeof schema.pattern === 'string') flat.bounds.pattern = schema.pattern;

    for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
      this.#mergeInto(flat, asObject(part));
    }
    for (const key of ['oneOf', 'anyOf']) {
      const branches = schema[key];
      if (Array.isArray(branches)) flat.alternatives.push(branches.map((item) => asObject(item)));
    }

    if (flat.types.length === 0 && flat.properties.size > 0) flat.types = ['object'];
    return flat;
  }
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function typeFits(expected: string, actual: string, value: unknown): boolean {
  if (expected === 'number') return typeof value === 'number';
  return expected === actual;
}

function boundIssues(value: unknown, bounds: Schema, at: string): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const limit = (key: string) => (typeof bounds[key] === 'number' ? bounds[key] : undefined);

  if (typeof value === 'string') {
    const min = limit('minLength');
    const max = limit('maxLength');
    if (min !== undefined && value.length < min) issues.push(error(at, `is shorter than ${min}`));
    if (max !== undefined && value.length > max) issues.push(error(at, `is longer than ${max}`));
    if (typeof bounds.pattern === 'string' && !matches(value, bounds.pattern)) {
      issues.push(error(at, `${JSON.stringify(value)} does not match /${bounds.pattern}/`));
    }
  }
  if (typeof value === 'number') {
    const min = limit('minimum');
    const max = limit('maximum');
    if (min !== undefined && value < min) issues.push(error(at, `${value} is below ${min}`));
    if (max !== undefined && value > max) issues.push(error(at, `${value} is above ${max}`));
  }
  if (Array.isArray(value)) {
    const min = limit('minItems');
    const max = limit('maxItems');
    if (min !== undefined && value.length < min) issues.push(error(at, `has fewer than ${min}`));
    if (max !== undefined && value.length > max) issues.push(error(at, `has more than ${max}`));
  }
  return issues;
}

/** Patterns the JavaScript engine cannot compile are not held against the value. */
function matches(value: string, pattern: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

/** Errors count most, and an error at the branch's own level (wrong type) most of all. */
function score(issues: SchemaIssue[], at: string): number {
  const here = at || '(body)';
  return issues.reduce((total, issue) => {
    if (issue.severity !== 'error') return total + 1;
    return total + (issue.at === here ? 100_000 : 1_000);
  }, 0);
}

function join(at: string, name: string): string {
  return at === '' ? name : `${at}.${name}`;
}

function error(at: string, message: string): SchemaIssue {
  return { severity: 'error', at: at || '(body)', message };
}

function warning(at: string, message: string): SchemaIssue {
  return { severity: 'warning', at: at || '(body)', message };
}
