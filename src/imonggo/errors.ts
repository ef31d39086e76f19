import type { ApiDialect, TransportResponse } from '../http/transport.ts';
import { decodeXml } from './xml.ts';

/**
 * Attributes whose Rails full messages ("Stock no has already been taken") the client maps back
 * to field names, so callers get `fieldErrors.stock_no`.
 */
const knownFields = [
  'alternate_code',
  'stock_no',
  'retail_price',
  'cost',
  'name',
  'first_name',
  'last_name',
  'email',
  'reference',
  'product',
  'invoice_lines',
  'invoice_date',
  'quantity',
  'payment_type',
  'amount',
  'branch',
  'discount_text',
  'tag_list',
  'reason',
];

function humanize(field: string): string {
  const words = field.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Longest names first, so "Retail price …" is not read as a message about "name". */
const fieldPrefixes = knownFields
  .map((field) => ({ field, prefix: `${humanize(field)} ` }))
  .sort((a, b) => b.prefix.length - a.prefix.length);

function fieldErrorsOf(messages: string[]): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  for (const message of messages) {
    const known = fieldPrefixes.find(({ prefix }) => message.startsWith(prefix));
    if (known && fields[known.field] === undefined) fields[known.field] = message;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/**
 * Error messages from either error shape: XML `<errors><error>…</error></errors>` and JSON
 * `{"error": "…"}` (or an `errors` array, which Rails can also send). Anything else that is short
 * plain text, such as Rails' "HTTP Basic: Access denied.", is taken as the message itself.
 */
function errorMessages(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];

  if (trimmed.startsWith('<')) {
    const decoded = decodeXml(trimmed);
    const value = decoded?.root === 'errors' ? decoded.value : undefined;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const errors = value.error;
      const list = Array.isArray(errors) ? errors : [errors];
      return list.filter((message): message is string => typeof message === 'string');
    }
    return [];
  }

  if (trimmed.startsWith('{')) return jsonMessages(trimmed);

  return trimmed.length <= 200 && !trimmed.includes('\n') ? [trimmed] : [];
}

function jsonMessages(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof value !== 'object' || value === null) return [];

  const { error, errors } = value as { error?: unknown; errors?: unknown };
  // Several messages may arrive joined into the one `error` string; each starts with a capital.
  if (typeof error === 'string') return error.split(/, (?=[A-Z])/);
  if (Array.isArray(errors)) return errors.filter((m): m is string => typeof m === 'string');
  return [];
}

/** What the shared transport needs to know about Imonggo. */
export function imonggoDialect(apiToken: string): ApiDialect {
  // Imonggo checks only the user name (the token); the password may be anything.
  const authorization = `Basic ${Buffer.from(`${apiToken}:X`).toString('base64')}`;

  return {
    side: 'imonggo',
    authHeaders: () => ({ authorization }),

    readErrorBody(response: TransportResponse) {
      const messages = errorMessages(response.text);
      if (messages.length === 0) return {};
      return { message: messages.join(', '), fieldErrors: fieldErrorsOf(messages) };
    },

    // Imonggo says "too many requests" with 503 and does not process the request.
    rateLimitStatuses: [503],

    isDuplicate: (status, message) =>
      status === 422 && message !== undefined && /has already been taken/i.test(message),

    // Imonggo reports no quota in its headers.
    readQuota: () => undefined,

    // Whether Imonggo sends Retry-After is unknown; it is honoured if it ever comes.
    readRetryAfterMs(headers) {
      const value = headers.get('retry-after');
      if (value === null || !/^\d+$/.test(value.trim())) return undefined;
      return Number(value) * 1000;
    },
  };
}
