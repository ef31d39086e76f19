import { xmlDocument, xmlList, type XmlValue } from './xml.ts';

export type Format = 'xml' | 'json';

export type WireObject = { [key: string]: XmlValue };

/** What a route answers, before it is written in the format the request asked for. */
export type Reply =
  | { kind: 'record'; status: number; name: string; value: WireObject }
  | { kind: 'list'; status: number; name: string; values: WireObject[] }
  | { kind: 'hash'; status: number; value: WireObject }
  | { kind: 'errors'; status: number; messages: string[] }
  | { kind: 'empty'; status: number }
  | { kind: 'text'; status: number; text: string; headers?: Record<string, string> };

export const record = (name: string, value: WireObject, status = 200): Reply => ({
  kind: 'record',
  status,
  name,
  value,
});

export const list = (name: string, values: WireObject[]): Reply => ({
  kind: 'list',
  status: 200,
  name,
  values,
});

export const hash = (value: WireObject): Reply => ({ kind: 'hash', status: 200, value });

export const errors = (messages: string[], status = 422): Reply => ({
  kind: 'errors',
  status,
  messages,
});

export const notFound = (): Reply => errors(['Not Found'], 404);

const contentTypes: Record<Format, string> = {
  xml: 'application/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function render(reply: Reply, format: Format): Response {
  if (reply.kind === 'empty') return new Response(null, { status: reply.status });

  if (reply.kind === 'text') {
    return new Response(reply.text, {
      status: reply.status,
      headers: { 'content-type': 'text/plain; charset=utf-8', ...reply.headers },
    });
  }

  const body = format === 'xml' ? xmlBody(reply) : jsonBody(reply);
  return new Response(body, {
    status: reply.status,
    headers: { 'content-type': contentTypes[format] },
  });
}

function xmlBody(reply: Exclude<Reply, { kind: 'empty' | 'text' }>): string {
  switch (reply.kind) {
    case 'record':
      return xmlDocument(reply.name, reply.value);
    case 'list':
      return xmlList(reply.name, reply.values);
    case 'hash':
      return xmlDocument('hash', reply.value, { typed: true });
    case 'errors':
      return xmlList('errors', reply.messages).replace(' type="array"', '');
  }
}

/**
 * JSON errors: the only known JSON consumer (Nueca's SDK) reads one top-level `error` string, so
 * several messages are joined into that string rather than sent as an array it would not read.
 */
function jsonBody(reply: Exclude<Reply, { kind: 'empty' | 'text' }>): string {
  switch (reply.kind) {
    case 'record':
    case 'hash':
      return JSON.stringify(reply.value);
    case 'list':
      return JSON.stringify(reply.values);
    case 'errors':
      return JSON.stringify({ error: reply.messages.join(', ') });
  }
}
