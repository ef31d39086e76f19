import type { z } from 'zod';
import type { Side } from './errors.ts';
import { malformed, type TransportResponse } from './transport.ts';

/**
 * Checks a decoded answer against its schema. The error names the first field that is wrong and
 * what was expected there, e.g. `field "data.0.sku" should be string`.
 */
export function parseWith<T extends z.ZodType>(
  side: Side,
  response: TransportResponse,
  schema: T,
  value: unknown,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;

  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(body)';
  const expected = issue && 'expected' in issue ? String(issue.expected) : issue?.message;
  throw malformed(side, response, { field, expected, cause: result.error });
}

/** Decodes a JSON answer and checks it; HTML pages and cut-off JSON become malformed errors. */
export function parseJsonBody<T extends z.ZodType>(
  side: Side,
  response: TransportResponse,
  schema: T,
): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(response.text);
  } catch (cause) {
    throw malformed(side, response, { expected: 'a JSON document', cause });
  }
  return parseWith(side, response, schema, value);
}
