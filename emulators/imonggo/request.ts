import type { Account } from './records.ts';
import type { Format, Reply } from './reply.ts';
import { parseXml } from './xml.ts';
import { isObject, type Attributes } from './values.ts';

/** One API request after routing, authentication and fault injection, as the routes see it. */
export interface ApiRequest {
  account: Account;
  format: Format;
  /** The id segment of `/api/{resource}/{id}`, as text. */
  id: string | undefined;
  query: URLSearchParams;
  now(): number;
  /** The resource's attributes from the body, unwrapped from its singular root. */
  body(singular: string): Promise<BodyResult>;
}

export type BodyResult = { ok: true; attrs: Attributes } | { ok: false; message: string };

/**
 * Reads a request body in the format its Content-Type names (the URL suffix only picks the answer
 * format: a real client posts XML to a `.json` URL). A body without the resource's wrapper reads
 * as no attributes, so validation reports what is missing, as Rails' params would.
 */
export async function readResourceBody(
  request: Request,
  format: Format,
  singular: string,
): Promise<BodyResult> {
  const text = await request.text();
  if (text.trim() === '') return { ok: true, attrs: {} };

  const type = request.headers.get('content-type') ?? '';
  const isXml = type.includes('xml') || (!type.includes('json') && format === 'xml');
  return isXml ? readXmlBody(text, singular) : readJsonBody(text, singular);
}

function readXmlBody(text: string, singular: string): BodyResult {
  const parsed = parseXml(text);
  if (!parsed) return { ok: false, message: 'Request body is not well-formed XML' };

  const root = parsed.root.replace(/-/g, '_');
  if (root !== singular || parsed.value === '' || parsed.value === null)
    return { ok: true, attrs: {} };
  if (!isObject(parsed.value)) return { ok: false, message: `${singular} is invalid` };
  return { ok: true, attrs: parsed.value };
}

function readJsonBody(text: string, singular: string): BodyResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Request body is not valid JSON' };
  }

  if (!isObject(value)) return { ok: false, message: 'Request body is not valid JSON' };
  const attrs = value[singular];
  if (attrs === undefined || attrs === null) return { ok: true, attrs: {} };
  if (!isObject(attrs)) return { ok: false, message: `${singular} is invalid` };
  return { ok: true, attrs };
}

/** The record whose id the path names; a non-numeric id finds nothing, as in Rails. */
export function findById<T extends { id: number }>(
  records: readonly T[],
  id: string | undefined,
): T | undefined {
  if (id === undefined || !/^\d+$/.test(id)) return undefined;
  const wanted = Number(id);
  return records.find((record) => record.id === wanted);
}

export type Handler = (request: ApiRequest) => Reply | Promise<Reply>;

/** The Rails-style actions of one resource; a missing action answers the API's 404. */
export interface ResourceRoutes {
  list?: Handler;
  show?: Handler;
  create?: Handler;
  update?: Handler;
  destroy?: Handler;
}
