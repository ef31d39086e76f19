/** One API request as the emulator received it, for `GET /__admin/requests`. */
export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  body: unknown;
}

/**
 * Every API request an emulator answered, in order of arrival. Benchmarks count calls with it and
 * tests prove with it that nothing was written twice. Admin requests are not logged.
 */
export class RequestLog {
  #entries: LoggedRequest[] = [];
  /**
   * Whether entries keep the request bodies. Tests read them; the benchmark only counts calls, and
   * 20,000 product bodies kept in its process would be counted in BIN's memory.
   */
  readonly keepsBodies: boolean;

  constructor(options: { keepBodies?: boolean } = {}) {
    this.keepsBodies = options.keepBodies ?? true;
  }

  add(entry: LoggedRequest): void {
    this.#entries.push(entry);
  }

  list(): readonly LoggedRequest[] {
    return this.#entries;
  }

  clear(): void {
    this.#entries = [];
  }
}

/** Reads a request body for the log without consuming the original request. */
export async function readBodyForLog(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return null;

  const text = await request.clone().text();
  if (text === '') return null;

  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
