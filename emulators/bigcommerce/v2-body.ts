import type { ZodType } from 'zod';
import { v2Error } from './errors.ts';

/**
 * Reads a v2 JSON object body: 400 for bad JSON, for a read-only field (naming it, as the v2
 * pages describe) and for a value of the wrong type or shape.
 */
export async function readV2Object<T>(
  request: Request,
  schema: ZodType<T>,
  readOnly: readonly string[],
): Promise<T | Response> {
  let value: unknown;
  try {
    value = JSON.parse(await request.text()) as unknown;
  } catch {
    return v2Error(400, 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return v2Error(400, 'The request body must be a JSON object.');
  }

  const forbidden = Object.keys(value).find((key) => readOnly.includes(key));
  if (forbidden !== undefined) {
    return v2Error(
      400,
      `The field '${forbidden}' cannot be written to. Please remove it from your request before trying again.`,
    );
  }

  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    return v2Error(
      400,
      `The field '${parsed.error.issues[0]?.path.join('.') ?? 'body'}' is invalid.`,
    );
  }
  return parsed.data;
}

export function firstMissing<T extends object>(
  value: T,
  required: readonly (keyof T)[],
): Response | undefined {
  const missing = required.find((field) => value[field] === undefined);
  return missing === undefined
    ? undefined
    : v2Error(400, `The required field '${String(missing)}' was not supplied.`);
}
