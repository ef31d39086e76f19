import { z } from 'zod';
import { parseWith } from '../http/parse.ts';
import { malformed, type TransportResponse } from '../http/transport.ts';
import { decodeXml, encodeXml, type XmlValue } from './xml.ts';

export type Format = 'json' | 'xml';

const side = 'imonggo';

function decode(response: TransportResponse, format: Format): { root?: string; value: unknown } {
  if (format === 'json') {
    try {
      return { value: JSON.parse(response.text) as unknown };
    } catch (cause) {
      throw malformed(side, response, { expected: 'a JSON document', cause });
    }
  }

  const decoded = decodeXml(response.text);
  if (!decoded) throw malformed(side, response, { expected: 'a well-formed XML document' });
  return decoded;
}

function expectRoot(response: TransportResponse, root: string | undefined, wanted: string): void {
  // Rails dasherises the root of multi-word lists (`<payment-types>`); accept both spellings.
  if (root !== undefined && root.replace(/-/g, '_') !== wanted) {
    throw malformed(side, response, { field: `<${root}>`, expected: `a <${wanted}> document` });
  }
}

/** One record: an unwrapped JSON object, or an XML document whose root is the resource. */
export function readRecord<T extends z.ZodType>(
  response: TransportResponse,
  format: Format,
  name: string,
  schema: T,
): z.output<T> {
  const { root, value } = decode(response, format);
  expectRoot(response, root, name);
  return parseWith(side, response, schema, value);
}

/**
 * One page of a list: a top-level JSON array, or an XML `type="array"` root (self-closed when
 * empty). A 204 or an empty body also means an empty page, as older Imonggo servers answered.
 */
export function readList<T extends z.ZodType>(
  response: TransportResponse,
  format: Format,
  plural: string,
  schema: T,
): z.output<T>[] {
  if (response.status === 204 || response.text.trim() === '') return [];

  const { root, value } = decode(response, format);
  expectRoot(response, root, plural);
  const items = format === 'xml' && value === '' ? [] : value;
  if (!Array.isArray(items)) {
    throw malformed(side, response, { field: '(body)', expected: `a list of ${plural}` });
  }
  return parseWith(side, response, z.array(schema), items);
}

/** A `<hash>` answer (counts, tokens) or its JSON object. */
export function readHash<T extends z.ZodType>(
  response: TransportResponse,
  format: Format,
  schema: T,
): z.output<T> {
  const { root, value } = decode(response, format);
  expectRoot(response, root, 'hash');
  return parseWith(side, response, schema, value);
}

export const mediaTypes: Record<Format, string> = {
  json: 'application/json',
  xml: 'application/xml',
};

/** A request body wrapped in its singular resource: `{"product": {…}}` or `<product>…</product>`. */
export function encodeBody(format: Format, name: string, attrs: Record<string, unknown>): string {
  if (format === 'json') return JSON.stringify({ [name]: attrs });
  return encodeXml(name, toXmlValue(attrs));
}

/** XML sends `tag_list` as one comma-separated string; everything else maps directly. */
function toXmlValue(value: unknown, key?: string): XmlValue {
  if (value === undefined || value === null) return null;
  if (key === 'tag_list' && Array.isArray(value)) return value.map(String).join(', ');
  if (Array.isArray(value)) return value.map((item) => toXmlValue(item));
  if (typeof value === 'object') {
    const fields: Record<string, XmlValue> = {};
    for (const [field, item] of Object.entries(value)) {
      if (item !== undefined) fields[field] = toXmlValue(item, field);
    }
    return fields;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return null;
}
