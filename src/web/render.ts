import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Sends a page rendered by hono/jsx (which escapes every value) as a full HTML document. */
export async function page(
  c: Context,
  node: unknown,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const body = String(await node);
  return c.html(`<!doctype html>${body}`, status);
}
