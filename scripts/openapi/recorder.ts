/** Who sent a request: the typed client, or the script itself probing a route the client skips. */
export type Sender = 'client' | 'probe';

export type AccountKind = 'oauth' | 'legacy';

/** One request and its answer, as seen on the wire between a sender and the emulator. */
export interface Exchange {
  sender: Sender;
  account: AccountKind;
  /** What the session was doing, e.g. `listProducts({ skus })`. */
  step: string;
  method: string;
  path: string;
  /** Query parameter names, each once, in order of appearance. */
  query: string[];
  /** The parsed JSON request body; `undefined` when there is none. */
  requestBody: unknown;
  /** The raw request body when it is not JSON (sent on purpose by a probe). */
  requestText: string | undefined;
  status: number;
  contentType: string;
  /** The parsed JSON answer; `undefined` for an empty or non-JSON answer. */
  responseBody: unknown;
  responseText: string;
}

/**
 * Wraps an emulator's fetch and keeps a copy of every exchange, bodies included: the emulator's
 * request log holds the request side only, and the answers are what the spec check needs most.
 */
export class Recorder {
  readonly exchanges: Exchange[] = [];
  sender: Sender = 'client';
  account: AccountKind = 'oauth';
  step = '';

  wrap(inner: typeof fetch): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      const sentText = request.body === null ? '' : await request.clone().text();
      const context = { sender: this.sender, account: this.account, step: this.step };

      const response = await inner(request);
      const text = await response.clone().text();
      const url = new URL(request.url);
      const sent = parseJson(sentText);

      this.exchanges.push({
        ...context,
        method: request.method,
        path: url.pathname,
        query: [...new Set(url.searchParams.keys())],
        requestBody: sent.ok ? sent.value : undefined,
        requestText: sentText !== '' && !sent.ok ? sentText : undefined,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        responseBody: parseJson(text).value,
        responseText: text,
      });
      return response;
    };
  }

  /** Runs a step under a label; a thrown error is expected (404, 409 …) and kept as the outcome. */
  async run(step: string, action: () => Promise<unknown>): Promise<void> {
    this.step = step;
    try {
      await action();
    } catch {
      // The exchange is recorded either way; what the client made of it is not under test here.
    }
  }
}

function parseJson(text: string): { ok: boolean; value: unknown } {
  if (text === '') return { ok: false, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, value: undefined };
  }
}
