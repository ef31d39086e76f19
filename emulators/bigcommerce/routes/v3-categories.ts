import { Hono } from 'hono';
import {
  applyCategoryUpdate,
  categoryCreateSchema,
  categoryNameTaken,
  categoryToV3,
  categoryUpdateSchema,
  newCategory,
} from '../categories.ts';
import { v3Error, v3NotFound } from '../errors.ts';
import { pageOf, paginationMeta, readPaging } from '../paging.ts';
import { takeId, type CategoryRecord, type StoreRecord } from '../records.ts';
import { parseBody, readJsonBody } from '../request-body.ts';
import { v3BadPaging, v3Invalid, v3InvalidJson, withFilters } from '../v3-replies.ts';
import { bool, int, intList, selectFields } from '../v3-query.ts';
import type { BcEnv } from '../world.ts';

type Query = (name: string) => string | undefined;

const duplicateName = () =>
  v3Error(409, 'The category name is a duplicate', { name: 'The category name is a duplicate' });

/** `/v3/catalog/categories` (deprecated by BigCommerce, still served). */
export function v3CategoryRoutes(): Hono<BcEnv> {
  const app = new Hono<BcEnv>();

  app.get('/', (c) => {
    const query: Query = (name) => c.req.query(name);
    const paging = readPaging(query);
    if (!paging.ok) return v3BadPaging(paging.field, paging.tooLarge);

    const categories = withFilters(() => selectCategories(c.var.store, query));
    if (categories instanceof Response) return categories;

    const page = pageOf(categories, paging.paging);
    const data = page.map((category) => selectFields(categoryToV3(category), query));
    return c.json({ data, meta: paginationMeta(categories.length, page.length, paging.paging) });
  });

  app.post('/', async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return v3InvalidJson();

    const fields = parseBody(categoryCreateSchema, body.value);
    if (!fields.ok) return v3Invalid(fields.errors);

    const { store } = c.var;
    const failure = checkCategory(store, fields.value.parent_id, fields.value.name);
    if (failure) return failure;

    const category = newCategory(takeId(store, 'category'), fields.value);
    store.categories.set(category.id, category);
    return c.json({ data: categoryToV3(category), meta: {} });
  });

  app.delete('/', (c) => {
    const query: Query = (name) => c.req.query(name);
    if (Object.keys(c.req.query()).length === 0) {
      return v3Error(422, 'A filter is required to delete categories.', { filter: 'missing' });
    }

    const categories = withFilters(() => selectCategories(c.var.store, query));
    if (categories instanceof Response) return categories;

    for (const category of categories) removeCategory(c.var.store, category.id);
    return c.body(null, 204);
  });

  app.get('/:category_id{[0-9]+}', (c) => {
    const category = c.var.store.categories.get(Number(c.req.param('category_id')));
    if (!category) return v3NotFound('category');
    return c.json({ data: categoryToV3(category), meta: {} });
  });

  app.put('/:category_id{[0-9]+}', async (c) => {
    const { store } = c.var;
    const category = store.categories.get(Number(c.req.param('category_id')));
    if (!category) return v3NotFound('category');

    const body = await readJsonBody(c);
    if (!body.ok) return v3InvalidJson();

    const fields = parseBody(categoryUpdateSchema, body.value);
    if (!fields.ok) return v3Invalid(fields.errors);

    const parentId = fields.value.parent_id ?? category.parent_id;
    const name = fields.value.name ?? category.name;
    const failure = checkCategory(store, parentId, name, category.id);
    if (failure) return failure;

    applyCategoryUpdate(category, fields.value);
    return c.json({ data: categoryToV3(category), meta: {} });
  });

  app.delete('/:category_id{[0-9]+}', (c) => {
    const id = Number(c.req.param('category_id'));
    if (!c.var.store.categories.has(id)) return v3NotFound('category');

    removeCategory(c.var.store, id);
    return c.body(null, 204);
  });

  return app;
}

/** A parent must exist, may not be the category itself, and siblings may not share a name. */
function checkCategory(
  store: StoreRecord,
  parentId: number,
  name: string,
  selfId?: number,
): Response | undefined {
  if (parentId !== 0 && (parentId === selfId || !store.categories.has(parentId))) {
    return v3Invalid({ parent_id: `Category ${parentId} cannot be the parent` });
  }
  if (categoryNameTaken(store.categories.values(), parentId, name, selfId)) return duplicateName();
  return undefined;
}

/** Removing a category also takes it off its products, as the control panel does. */
function removeCategory(store: StoreRecord, id: number): void {
  store.categories.delete(id);
  for (const product of store.products.values()) {
    product.categories = product.categories.filter((categoryId) => categoryId !== id);
  }
}

function selectCategories(store: StoreRecord, query: Query): CategoryRecord[] {
  const id = int(query, 'id');
  const idIn = intList(query, 'id:in');
  const idNotIn = intList(query, 'id:not_in');
  const parentId = int(query, 'parent_id');
  const parentIn = intList(query, 'parent_id:in');
  const name = query('name')?.toLowerCase();
  const nameLike = query('name:like')?.toLowerCase();
  const visible = bool(query, 'is_visible');

  return [...store.categories.values()]
    .filter(
      (category) =>
        (id === undefined || category.id === id) &&
        (idIn === undefined || idIn.includes(category.id)) &&
        (idNotIn === undefined || !idNotIn.includes(category.id)) &&
        (parentId === undefined || category.parent_id === parentId) &&
        (parentIn === undefined || parentIn.includes(category.parent_id)) &&
        (name === undefined || category.name.toLowerCase() === name) &&
        (nameLike === undefined || category.name.toLowerCase().includes(nameLike)) &&
        (visible === undefined || category.is_visible === visible),
    )
    .sort((a, b) => a.id - b.id);
}
