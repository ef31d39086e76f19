import type { Context } from 'hono';
import type { ZodType } from 'zod';

export type BodyResult = { ok: true; value: unknown } | { ok: false };

/** The request body as JSON, or a failure when it is empty or not JSON at all. */
export async function readJsonBody(c: Context): Promise<BodyResult> {
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Field path to message for every zod issue, the shape of v3's `errors` map. */
export function fieldErrors(
  issues: readonly { path: PropertyKey[]; message: string }[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || 'body';
    // zod words a missing field as a type error; say it the way a person would.
    errors[key] ??= issue.message.endsWith('received undefined') ? 'is required' : issue.message;
  }
  return errors;
}

export function parseBody<T>(
  schema: ZodType<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; errors: Record<string, string> } {
  const result = schema.safeParse(value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrors(result.error.issues) };
}
