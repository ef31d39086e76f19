/**
 * The two error body styles of BigCommerce: v2 answers a JSON array of `{status, message}`, v3 an
 * object `{status, title, type, errors}` whose `type` points at the status-code page.
 */
export type ApiStyle = 'v2' | 'v3';

export const STATUS_CODES_TYPE = '/api-docs/getting-started/api-status-codes';

export function jsonResponse(body: unknown, status = 200): Response {
  const response = new Response(JSON.stringify(body), { status });
  response.headers.set('content-type', 'application/json');
  return response;
}

export function v2Error(status: number, message: string): Response {
  return jsonResponse([{ status, message }], status);
}

export function v3Error(
  status: number,
  title: string,
  errors: Record<string, string> = {},
): Response {
  return jsonResponse({ status, title, type: STATUS_CODES_TYPE, errors }, status);
}

/** The generic answer of a style, for faults and unknown routes where there is no field to name. */
export function styledError(style: ApiStyle, status: number, message: string): Response {
  return style === 'v2' ? v2Error(status, message) : v3Error(status, message);
}

export function v2NotFound(): Response {
  return v2Error(404, 'The requested resource was not found.');
}

export function v3NotFound(what: string): Response {
  return v3Error(404, `The requested ${what} was not found.`);
}

/** Messages of the injected 5xx faults, by status, close to what the status-code page describes. */
export function failureMessage(status: number): string {
  switch (status) {
    case 500:
      return 'Internal Server Error';
    case 502:
      return 'Bad Gateway';
    case 503:
      return 'Service Unavailable: the store is down for maintenance or being upgraded.';
    case 504:
      return 'Gateway Timeout';
    default:
      return `Server error ${status}`;
  }
}
