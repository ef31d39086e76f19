import { z } from 'zod';
import { RemoteError } from '../http/errors.ts';
import { chunk, isoSeconds, type BigCommerceApi, type Query } from './api.ts';
import {
  matchesFilter,
  sameSku,
  settle,
  type ProductCatalog,
  type ProductUpdateResult,
} from './products.ts';
import { v3Envelope, v3ProductFields, v3ProductSchema } from './schemas.ts';
import type { NewProduct, Product, ProductFilter, ProductPatch, ProductUpdate } from './types.ts';

const collectionPath = '/v3/catalog/products';

/** "Batches are limited to 10 products"; an 11th item gets 413 for the whole batch. */
export const v3BatchSize = 10;

/** Ids or SKUs per `id:in` / `sku:in` request, to keep the URL well under common limits. */
const filterChunk = 50;

const fields: Query = { include_fields: v3ProductFields };
const single = v3Envelope(v3ProductSchema);
const batch = v3Envelope(z.array(v3ProductSchema));

/** The v3 catalog, served to OAuth (store-level) API accounts only. */
export class V3Products implements ProductCatalog {
  readonly #api: BigCommerceApi;

  constructor(api: BigCommerceApi) {
    this.#api = api;
  }

  async *iterateProducts(filter: ProductFilter = {}): AsyncGenerator<Product[]> {
    if (filter.ids?.length === 0 || filter.skus?.length === 0) return;

    const base: Query = {
      ...fields,
      'date_modified:min': filter.modifiedSince ? isoSeconds(filter.modifiedSince) : undefined,
    };

    for (const query of filterQueries(base, filter)) {
      for await (const page of this.#api.pagesV3(collectionPath, v3ProductSchema, query)) {
        const kept = page.filter((product) => matchesFilter(product, filter));
        if (kept.length > 0) yield kept;
      }
    }
  }

  async getProduct(id: number): Promise<Product> {
    const body = await this.#api.get(`${collectionPath}/${id}`, single, fields);
    return body.data;
  }

  async findProductBySku(sku: string): Promise<Product | undefined> {
    for await (const page of this.#api.pagesV3(collectionPath, v3ProductSchema, {
      ...fields,
      sku,
    })) {
      const found = page.find((product) => sameSku(product.sku, sku));
      if (found) return found;
    }
    return undefined;
  }

  async createProduct(product: NewProduct): Promise<Product> {
    const body = await this.#api.write('POST', collectionPath, toV3(product), single, fields);
    return body.data;
  }

  async updateProduct(id: number, patch: ProductPatch): Promise<Product> {
    const body = await this.#api.write('PUT', `${collectionPath}/${id}`, patch, single, fields);
    return body.data;
  }

  async updateProducts(updates: readonly ProductUpdate[]): Promise<ProductUpdateResult[]> {
    const batches = chunk(updates, v3BatchSize);
    const results = await Promise.all(batches.map((items) => this.#updateBatch(items)));
    return results.flat();
  }

  async #updateBatch(items: ProductUpdate[]): Promise<ProductUpdateResult[]> {
    let updated: Product[];
    try {
      const body = await this.#api.write('PUT', collectionPath, items, batch, fields);
      updated = body.data;
    } catch (error) {
      return this.#afterBatchFailure(items, error);
    }

    // A 207 answer lists only the products that were saved; the rest are tried one by one so
    // each gets its own error.
    return Promise.all(
      items.map(async (item) => {
        const product = updated.find((candidate) => candidate.id === item.id);
        if (product) return { id: item.id, ok: true as const, product };
        return settle(item.id, () => this.updateProduct(item.id, withoutId(item)));
      }),
    );
  }

  async #afterBatchFailure(items: ProductUpdate[], error: unknown): Promise<ProductUpdateResult[]> {
    if (!(error instanceof RemoteError)) throw error;

    if (error.status === 413 && items.length > 1) {
      const half = Math.ceil(items.length / 2);
      const parts = await Promise.all([
        this.#updateBatch(items.slice(0, half)),
        this.#updateBatch(items.slice(half)),
      ]);
      return parts.flat();
    }

    // The API refuses a whole batch for one bad item; repeating the items singly tells the good
    // ones from the bad. Trouble that is not about the items (auth, outage) is not multiplied.
    const aboutTheItems =
      error.kind === 'validation' || error.kind === 'conflict' || error.kind === 'not_found';
    if (aboutTheItems && items.length > 1) {
      return Promise.all(
        items.map((item) => settle(item.id, () => this.updateProduct(item.id, withoutId(item)))),
      );
    }

    return items.map((item) => ({ id: item.id, ok: false as const, error }));
  }
}

/**
 * One query per chunk of ids or SKUs. A SKU holding a comma cannot travel in `sku:in`, so it is
 * asked for alone with `sku`.
 */
function filterQueries(base: Query, filter: ProductFilter): Query[] {
  if (filter.ids) {
    const skus = filter.skus?.every((sku) => !sku.includes(',')) ? filter.skus : undefined;
    return chunk(filter.ids, filterChunk).map((ids) => ({
      ...base,
      'id:in': ids.join(','),
      'sku:in': skus?.join(','),
    }));
  }

  if (filter.skus) {
    const plain = filter.skus.filter((sku) => !sku.includes(','));
    const awkward = filter.skus.filter((sku) => sku.includes(','));
    return [
      ...chunk(plain, filterChunk).map((skus) => ({ ...base, 'sku:in': skus.join(',') })),
      ...awkward.map((sku) => ({ ...base, sku })),
    ];
  }

  return [base];
}

function toV3(product: NewProduct): Record<string, unknown> {
  return {
    type: 'physical',
    ...product,
    // v3 does not document the visibility of a product created without `is_visible`; v2 hides it.
    // Sending it always makes both versions behave alike.
    is_visible: product.is_visible ?? true,
  };
}

function withoutId({ id: _id, ...patch }: ProductUpdate): ProductPatch {
  return patch;
}
