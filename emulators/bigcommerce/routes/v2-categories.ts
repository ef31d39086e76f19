import { Hono } from 'hono';
import { z } from 'zod';
import {
  applyCategoryUpdate,
  categoryNameTaken,
  categoryWriteShape,
  newCategory,
} from '../categories.ts';
import { v2Error, v2NotFound } from '../errors.ts';
import { pageOf } from '../paging.ts';
import { takeId, type CategoryRecord, type StoreRecord } from '../records.ts';
import { firstMissing, readV2Object } from '../v2-body.ts';
import { v2Bool, V2FilterError, v2Int, v2Page, v2Paging } from '../v2-query.ts';
import type { BcEnv } from '../world.ts';

type Query = (name: string) => string | undefined;

export const v2CategorySchema = z
  .object(categoryWriteShape)
  .omit({ meta_keywords: true })
  .extend({ meta_keywords: z.string() })
  .partial();

const readOnly = ['id', 'parent_category_list', 'url'];

/** `/v2/categories` (deprecated by BigCommerce, still served). */
export function v2CategoryRoutes(): Hono<BcEnv> {
  const app = new Hono<BcEnv>();

  app.get('/categories', (c) => {
    const query: Query = (name) => c.req.query(name);
    const paging = v2Paging(query);
    if (paging instanceof Response) return paging;

    const categories = selectCategories(c.var.store, query);
    if (categories instanceof Response) return categories;

    return v2Page(
      pageOf(categories, paging).map((category) => categoryToV2(c.var.store, category)),
    );
  });

  app.get('/categories/count', (c) => {
    const categories = selectCategories(c.var.store, (name) => c.req.query(name));
    if (categories instanceof Response) return categories;
    return c.json({ count: categories.length });
  });

  app.post('/categories', async (c) => {
    const write = await readV2Object(c.req.raw, v2CategorySchema, readOnly);
    if (write instanceof Response) return write;

    const missing = firstMissing(write, ['name']);
    if (missing) return missing;

    const { store } = c.var;
    const { meta_keywords, ...fields } = write;
    const parentId = fields.parent_id ?? 0;
    const failure = checkCategory(store, parentId, fields.name ?? '');
    if (failure) return failure;

    const category = newCategory(takeId(store, 'category'), { ...fields, parent_id: parentId });
    if (meta_keywords !== undefined) category.meta_keywords = splitKeywords(meta_keywords);
    store.categories.set(category.id, category);
    return c.json(categoryToV2(store, category), 201);
  });

  app.get('/categories/:category_id{[0-9]+}', (c) => {
    const category = c.var.store.categories.get(Number(c.req.param('category_id')));
    if (!category) return v2NotFound();
    return c.json(categoryToV2(c.var.store, category));
  });

  app.put('/categories/:category_id{[0-9]+}', async (c) => {
    const { store } = c.var;
    const category = store.categories.get(Number(c.req.param('category_id')));
    if (!category) return v2NotFound();

    const write = await readV2Object(c.req.raw, v2CategorySchema, readOnly);
    if (write instanceof Response) return write;

    const { meta_keywords, ...fields } = write;
    const failure = checkCategory(
      store,
      fields.parent_id ?? category.parent_id,
      fields.name ?? category.name,
      category.id,
    );
    if (failure) return failure;

    applyCategoryUpdate(category, fields);
    if (meta_keywords !== undefined) category.meta_keywords = splitKeywords(meta_keywords);
    return c.json(categoryToV2(store, category));
  });

  app.delete('/categories/:category_id{[0-9]+}', (c) => {
    const { store } = c.var;
    const id = Number(c.req.param('category_id'));
    if (!store.categories.delete(id)) return v2NotFound();

    for (const product of store.products.values()) {
      product.categories = product.categories.filter((categoryId) => categoryId !== id);
    }
    return c.body(null, 204);
  });

  return app;
}

/** The v2 category page says the name "Must be unique"; we check it among siblings, like v3. */
function checkCategory(
  store: StoreRecord,
  parentId: number,
  name: string,
  selfId?: number,
): Response | undefined {
  if (parentId !== 0 && (parentId === selfId || !store.categories.has(parentId))) {
    return v2Error(400, `The field 'parent_id' is invalid.`);
  }
  if (categoryNameTaken(store.categories.values(), parentId, name, selfId)) {
    return v2Error(409, 'The category name is a duplicate');
  }
  return undefined;
}

function splitKeywords(text: string): string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

function categoryToV2(store: StoreRecord, category: CategoryRecord): Record<string, unknown> {
  const parents: number[] = [];
  for (let id = category.parent_id; id !== 0 && !parents.includes(id);) {
    parents.unshift(id);
    id = store.categories.get(id)?.parent_id ?? 0;
  }

  return {
    id: category.id,
    parent_id: category.parent_id,
    name: category.name,
    description: category.description,
    sort_order: category.sort_order,
    page_title: category.page_title,
    meta_keywords: category.meta_keywords.join(','),
    meta_description: category.meta_description,
    layout_file: category.layout_file,
    parent_category_list: [...parents, category.id],
    image_file: category.image_url,
    is_visible: category.is_visible,
    search_keywords: category.search_keywords,
    url: `/${category.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`,
  };
}

function selectCategories(store: StoreRecord, query: Query): CategoryRecord[] | Response {
  try {
    const parentId = v2Int(query, 'parent_id');
    const minId = v2Int(query, 'min_id');
    const maxId = v2Int(query, 'max_id');
    const visible = v2Bool(query, 'is_visible');
    const name = query('name')?.toLowerCase();

    return [...store.categories.values()]
      .filter(
        (category) =>
          (parentId === undefined || category.parent_id === parentId) &&
          (minId === undefined || category.id >= minId) &&
          (maxId === undefined || category.id <= maxId) &&
          (visible === undefined || category.is_visible === visible) &&
          (name === undefined || category.name.toLowerCase() === name),
      )
      .sort((a, b) => a.id - b.id);
  } catch (error) {
    if (error instanceof V2FilterError) return error.toResponse();
    throw error;
  }
}
