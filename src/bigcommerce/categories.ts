import type { BigCommerceApi } from './api.ts';
import { categorySchema, v3Envelope } from './schemas.ts';
import type { Category, NewCategory } from './types.ts';

/**
 * Catalog categories: `/v3/catalog/categories` for OAuth accounts, `/v2/categories` for legacy
 * ones. The v3 path is marked deprecated in favour of category trees but is still served, and it
 * is the one that matches the v2 model of a single tree per store.
 */
export class Categories {
  readonly #api: BigCommerceApi;
  readonly #version: 'v2' | 'v3';

  constructor(api: BigCommerceApi, version: 'v2' | 'v3') {
    this.#api = api;
    this.#version = version;
  }

  iterateCategories(): AsyncGenerator<Category[]> {
    return this.#version === 'v3'
      ? this.#api.pagesV3('/v3/catalog/categories', categorySchema)
      : this.#api.pagesV2('/v2/categories', categorySchema);
  }

  async createCategory(category: NewCategory): Promise<Category> {
    const body = { ...category, parent_id: category.parent_id ?? 0 };

    if (this.#version === 'v2') {
      return this.#api.write('POST', '/v2/categories', body, categorySchema);
    }

    const answer = await this.#api.write(
      'POST',
      '/v3/catalog/categories',
      body,
      v3Envelope(categorySchema),
    );
    return answer.data;
  }
}
