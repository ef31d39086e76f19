/**
 * Reading request attributes the way the Rails API does: text and numbers arrive as strings in
 * XML and as JSON values in JSON, and every problem becomes a Rails full message such as
 * "Retail price is not a number".
 */
export type Attributes = Record<string, unknown>;

export function humanize(attribute: string): string {
  const words = attribute.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export class Problems {
  readonly messages: string[] = [];

  add(attribute: string, message: string): void {
    const full = `${humanize(attribute)} ${message}`;
    if (!this.messages.includes(full)) this.messages.push(full);
  }

  get any(): boolean {
    return this.messages.length > 0;
  }
}

export function has(attrs: Attributes, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(attrs, key);
}

/** Text, with numbers kept as their digits ("007" stays "007" because XML sends text). */
export function readText(attrs: Attributes, key: string, problems: Problems): string | undefined {
  if (!has(attrs, key)) return undefined;

  const value = attrs[key];
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);

  problems.add(key, 'is invalid');
  return undefined;
}

const decimalRe = /^\s*-?\d+(\.\d+)?\s*$/;

/** A decimal; blank becomes null, anything else that is not a number is a problem. */
export function readDecimal(
  attrs: Attributes,
  key: string,
  problems: Problems,
): number | null | undefined {
  if (!has(attrs, key)) return undefined;

  const value = attrs[key];
  if (value === null || value === '') return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && decimalRe.test(value)) return Number(value);

  problems.add(key, 'is not a number');
  return undefined;
}

export function readInteger(
  attrs: Attributes,
  key: string,
  problems: Problems,
): number | null | undefined {
  const value = readDecimal(attrs, key, problems);
  if (value === undefined || value === null) return value;
  if (Number.isInteger(value)) return value;

  problems.add(key, 'must be an integer');
  return undefined;
}

const booleanTexts: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };

export function readBoolean(
  attrs: Attributes,
  key: string,
  problems: Problems,
): boolean | undefined {
  if (!has(attrs, key)) return undefined;

  const value = attrs[key];
  if (typeof value === 'boolean') return value;
  if (value === null || value === '') return false;
  const known =
    typeof value === 'string' || typeof value === 'number'
      ? booleanTexts[String(value).trim()]
      : undefined;
  if (known !== undefined) return known;

  problems.add(key, 'is invalid');
  return undefined;
}

/** `tag_list`: a comma-separated string (XML) or an array of strings (JSON); both are accepted. */
export function readTagList(
  attrs: Attributes,
  key: string,
  problems: Problems,
): string[] | undefined {
  if (!has(attrs, key)) return undefined;

  const value = attrs[key];
  if (value === null) return [];
  if (typeof value === 'string') return splitTags(value);
  if (Array.isArray(value) && value.every((tag) => typeof tag === 'string')) {
    return value.map((tag) => tag.trim()).filter((tag) => tag !== '');
  }

  problems.add(key, 'is invalid');
  return undefined;
}

export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** Whether a decimal has at most two places, as Imonggo requires of prices. */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
}

/** The list of objects under `key` (`invoice_lines`, `payments`), or a problem. */
export function readObjects(attrs: Attributes, key: string, problems: Problems): Attributes[] {
  if (!has(attrs, key) || attrs[key] === null || attrs[key] === '') return [];

  const value = attrs[key];
  if (Array.isArray(value) && value.every(isObject)) return value;

  problems.add(key, 'is invalid');
  return [];
}

export function isObject(value: unknown): value is Attributes {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
