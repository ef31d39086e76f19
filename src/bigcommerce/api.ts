import type { z } from 'zod';
import { parseJsonBody } from '../http/parse.ts';
import type { HttpMethod, HttpTransport, TransportRequest } from '../http/transport.ts';
import { v3Collection } from './schemas.ts';

export type Query = TransportRequest['query'];

/** The largest page both API versions serve. */
export const pageLimit = 250;

/** The page size every v2 list uses when not asked for another. */
const v2DefaultPage = 50;

/**
 * Requests to one store, below its API root (`/v2/...`, `/v3/...`), with every answer checked
 * against its schema. The resource modules build on it.
 */
export class BigCommerceApi {
  readonly #transport: HttpTransport;

  constructor(transport: HttpTransport) {
    this.#transport = transport;
  }

  async get<T extends z.ZodType>(path: string, schema: T, query?: Query): Promise<z.output<T>> {
    const response = await this.#transport.send({ method: 'GET', path, query });
    return parseJsonBody('bigcommerce', response, schema);
  }

  async write<T extends z.ZodType>(
    method: Exclude<HttpMethod, 'GET'>,
    path: string,
    body: unknown,
    schema: T,
    query?: Query,
  ): Promise<z.output<T>> {
    const response = await this.#transport.send({
      method,
      path,
      query,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return parseJsonBody('bigcommerce', response, schema);
  }

  /**
   * Every page of a v2 collection. v2 has no paging metadata and answers 204 with no body past the
   * last page. A page shorter than 50 is the last one too: 50 is every v2 list's default size, so
   * even a resource that ignored our `limit` of 250 would fill its pages to 50 before the last.
   * That saves the extra request for the 204 on every short list (an order's lines, mostly).
   */
  async *pagesV2<T extends z.ZodType>(
    path: string,
    item: T,
    query: Query = {},
  ): AsyncGenerator<z.output<T>[]> {
    const schema = arrayOf(item);

    for (let page = 1; ; page += 1) {
      const response = await this.#transport.send({
        method: 'GET',
        path,
        query: { ...query, page, limit: pageLimit },
      });
      if (response.status === 204) return;

      const items = parseJsonBody('bigcommerce', response, schema);
      if (items.length === 0) return;
      yield items;
      if (items.length < v2DefaultPage) return;
    }
  }

  /**
   * Every page of a v3 collection, following `meta.pagination`. The pages are read one after
   * another although the first gives their count: see ImonggoClient's page reader for the record
   * that pages read at once can lose when the list changes under them.
   */
  async *pagesV3<T extends z.ZodType>(
    path: string,
    item: T,
    query: Query = {},
  ): AsyncGenerator<z.output<T>[]> {
    const schema = v3Collection(item);

    for (let page = 1; ; page += 1) {
      const body = await this.get(path, schema, { ...query, page, limit: pageLimit });
      const { current_page: current, total_pages: total } = body.meta.pagination;

      if (body.data.length > 0) yield body.data;
      if (body.data.length === 0 || current >= total) return;
    }
  }
}

function arrayOf<T extends z.ZodType>(item: T): z.ZodArray<T> {
  return item.array();
}

/** Drains an async generator of pages into one list. */
export async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

/** Splits a list for filters that take comma-separated values, to keep URLs short. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

/** RFC-2822 in UTC, the date format every v2 filter documents. */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

/** ISO-8601 without milliseconds, as the v3 `date_modified:min` examples show. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
