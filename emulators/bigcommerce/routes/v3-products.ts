import { Hono } from 'hono';
import { z } from 'zod';
import { v3Error, v3NotFound } from '../errors.ts';
import { pageOf, paginationMeta, readPaging, MAX_LIMIT } from '../paging.ts';
import {
  addProduct,
  applyProductUpdate,
  removeProduct,
  findProductConflict,
  newProduct,
  productCreateSchema,
  productToV3,
  productUpdateSchema,
  type ProductConflict,
  type ProductUpdate,
} from '../products.ts';
import { takeId, type ProductRecord, type StoreRecord } from '../records.ts';
import { includedResources, readIncludes } from '../product-includes.ts';
import { parseBody, readJsonBody } from '../request-body.ts';
import { v3BadPaging, v3Invalid, v3InvalidJson, withFilters } from '../v3-replies.ts';
import { bool, date, FilterError, int, intList, selectFields, stringList } from '../v3-query.ts';
import type { BcEnv, World } from '../world.ts';

const BATCH_LIMIT = 10;

type Query = (name: string) => string | undefined;

const productIdSchema = z.number().int().min(1);
// Built once: zod compiles a schema on its first parse, so a schema built per request costs a
// compile on every batch.
export const productBatchUpdateSchema = productUpdateSchema.extend({ id: productIdSchema }).array();

const invalidJson = v3InvalidJson;
const invalidProduct = v3Invalid;

/** `/v3/catalog/products`: list, create one, batch update, batch delete, and by id. */
export function v3ProductRoutes(world: World): Hono<BcEnv> {
  const app = new Hono<BcEnv>();

  app.get('/', (c) => {
    const paging = readPaging((name) => c.req.query(name));
    if (!paging.ok) return v3BadPaging(paging.field, paging.tooLarge);

    const query: Query = (name) => c.req.query(name);
    const found = withFilters(() => ({
      products: listProducts(c.var.store, query),
      includes: readIncludes(query),
    }));
    if (found instanceof Response) return found;

    const { products, includes } = found;
    const page = pageOf(products, paging.paging);
    const data = page.map((product) => presentProduct(product, includes, query));
    return c.json({ data, meta: paginationMeta(products.length, page.length, paging.paging) });
  });

  app.post('/', async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return invalidJson();

    const fields = parseBody(productCreateSchema, body.value);
    if (!fields.ok) return invalidProduct(fields.errors);

    const { store } = c.var;
    const conflict = findProductConflict(store, {
      name: fields.value.name,
      sku: fields.value.sku ?? '',
      categories: fields.value.categories ?? [],
    });
    if (conflict) return conflictResponse(conflict);

    const product = newProduct(takeId(store, 'product'), world.now(), fields.value);
    addProduct(store, product);
    return c.json({ data: productToV3(product), meta: {} });
  });

  app.put('/', async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return invalidJson();
    if (!Array.isArray(body.value))
      return invalidProduct({ body: 'expected an array of products' });
    if (body.value.length > BATCH_LIMIT) {
      return v3Error(
        413,
        'The request payload is too large. The maximum items allowed in the array is 10.',
      );
    }

    const batch = parseBody(productBatchUpdateSchema, body.value);
    if (!batch.ok) return invalidProduct(batch.errors);

    const failure = checkBatch(c.var.store, batch.value);
    if (failure) return failure;

    const now = world.now();
    const updated = batch.value.map(({ id, ...fields }) => {
      const product = c.var.store.products.get(id) as ProductRecord;
      applyProductUpdate(c.var.store, product, fields, now);
      return productToV3(product);
    });
    return c.json({ data: updated, meta: {} });
  });

  app.delete('/', (c) => {
    const query = (name: string) => c.req.query(name);
    const filterNames = Object.keys(c.req.query()).filter(
      (name) => !['page', 'limit'].includes(name),
    );
    if (filterNames.length === 0) {
      // The spec requires a filter on a batch delete; refusing a bare DELETE keeps a client bug
      // from emptying a catalog, which is what we assume the live API guards against too.
      return v3Error(422, 'A filter is required to delete products.', { filter: 'missing' });
    }

    const products = withFilters(() => listProducts(c.var.store, query));
    if (products instanceof Response) return products;
    if ((intList(query, 'id:in') ?? []).length > MAX_LIMIT) {
      return v3Error(413, `At most ${MAX_LIMIT} products can be deleted in one request.`);
    }

    for (const product of products) removeProduct(c.var.store, product.id);
    return c.body(null, 204);
  });

  app.get('/:product_id{[0-9]+}', (c) => {
    const product = c.var.store.products.get(Number(c.req.param('product_id')));
    if (!product) return v3NotFound('product');

    const query: Query = (name) => c.req.query(name);
    const includes = withFilters(() => readIncludes(query));
    if (includes instanceof Response) return includes;
    return c.json({ data: presentProduct(product, includes, query), meta: {} });
  });

  app.put('/:product_id{[0-9]+}', async (c) => {
    const { store } = c.var;
    const product = store.products.get(Number(c.req.param('product_id')));
    if (!product) return v3NotFound('product');

    const body = await readJsonBody(c);
    if (!body.ok) return invalidJson();

    const fields = parseBody(productUpdateSchema, body.value);
    if (!fields.ok) return invalidProduct(fields.errors);

    const conflict = findProductConflict(store, mergedIdentity(product, fields.value));
    if (conflict) return conflictResponse(conflict);

    applyProductUpdate(store, product, fields.value, world.now());
    return c.json({ data: productToV3(product), meta: {} });
  });

  app.delete('/:product_id{[0-9]+}', (c) => {
    const removed = removeProduct(c.var.store, Number(c.req.param('product_id')));
    return removed ? c.body(null, 204) : v3NotFound('product');
  });

  return app;
}

/**
 * Checks every item of a batch before any is applied: the spec lists 207 only for side effects
 * (inventory, URLs) the emulator does not have, so a batch either applies whole or not at all.
 * An unknown id is a 404, one of the two statuses (404, 422) the spec lists for this call.
 */
function checkBatch(
  store: StoreRecord,
  batch: (ProductUpdate & { id: number })[],
): Response | undefined {
  const pending: { id: number; name: string; sku: string }[] = [];

  for (const item of batch) {
    const product = store.products.get(item.id);
    if (!product)
      return v3Error(404, `Product ${item.id} was not found.`, {
        [`${batch.indexOf(item)}.id`]: 'not found',
      });

    const identity = mergedIdentity(product, item);
    const conflict = findProductConflict(store, identity, pending);
    if (conflict) return conflictResponse(conflict);
    pending.push(identity);
  }
  return undefined;
}

function mergedIdentity(product: ProductRecord, fields: ProductUpdate) {
  return {
    id: product.id,
    name: fields.name ?? product.name,
    sku: fields.sku ?? product.sku,
    categories: fields.categories ?? product.categories,
  };
}

/**
 * 409 bodies. The duplicate name and SKU titles are the ones widely seen from the live API; the
 * `errors` keys and the category message are our guesses (the spec lists the cases, not bodies).
 */
function conflictResponse(conflict: ProductConflict): Response {
  switch (conflict.kind) {
    case 'name':
      return v3Error(409, 'The product name is a duplicate', {
        name: 'The product name is a duplicate',
      });
    case 'sku':
      return v3Error(409, 'The product sku is a duplicate', {
        sku: 'The product sku is a duplicate',
      });
    case 'category':
      return v3Error(409, `Category ${conflict.categoryId} does not exist`, {
        categories: `Category ${conflict.categoryId} does not exist`,
      });
  }
}

/**
 * The products a list or batch delete selects. Name and SKU filters ignore letter case, like the
 * uniqueness rules they are used to check against (a guess: the spec does not say).
 */
function listProducts(store: StoreRecord, query: Query): ProductRecord[] {
  const id = int(query, 'id');
  const idIn = intList(query, 'id:in');
  const idNotIn = intList(query, 'id:not_in');
  const idMin = int(query, 'id:min');
  const idMax = int(query, 'id:max');
  const idGreater = int(query, 'id:greater');
  const idLess = int(query, 'id:less');
  const name = query('name')?.toLowerCase();
  const nameLike = query('name:like')?.toLowerCase();
  const sku = query('sku')?.toLowerCase();
  const skuIn = stringList(query, 'sku:in')?.map((value) => value.toLowerCase());
  const modified = date(query, 'date_modified');
  const modifiedMin = date(query, 'date_modified:min');
  const modifiedMax = date(query, 'date_modified:max');
  const visible = bool(query, 'is_visible');
  const type = query('type');
  const categoriesIn = intList(query, 'categories:in');
  const inventoryMin = int(query, 'inventory_level:min');
  const inventoryMax = int(query, 'inventory_level:max');
  const keyword = query('keyword')?.toLowerCase();

  const products = [...store.products.values()].filter(
    (p) =>
      (id === undefined || p.id === id) &&
      (idIn === undefined || idIn.includes(p.id)) &&
      (idNotIn === undefined || !idNotIn.includes(p.id)) &&
      (idMin === undefined || p.id >= idMin) &&
      (idMax === undefined || p.id <= idMax) &&
      (idGreater === undefined || p.id > idGreater) &&
      (idLess === undefined || p.id < idLess) &&
      (name === undefined || p.name.toLowerCase() === name) &&
      (nameLike === undefined || p.name.toLowerCase().includes(nameLike)) &&
      (sku === undefined || p.sku.toLowerCase() === sku) &&
      (skuIn === undefined || skuIn.includes(p.sku.toLowerCase())) &&
      (modified === undefined || p.date_modified === modified) &&
      (modifiedMin === undefined || p.date_modified >= modifiedMin) &&
      (modifiedMax === undefined || p.date_modified <= modifiedMax) &&
      (visible === undefined || p.is_visible === visible) &&
      (type === undefined || p.type === type) &&
      (categoriesIn === undefined || p.categories.some((cat) => categoriesIn.includes(cat))) &&
      (inventoryMin === undefined || p.inventory_level >= inventoryMin) &&
      (inventoryMax === undefined || p.inventory_level <= inventoryMax) &&
      (keyword === undefined ||
        `${p.name} ${p.sku} ${p.description}`.toLowerCase().includes(keyword)),
  );

  return sortProducts(products, query('sort') ?? 'id', query('direction') ?? 'asc');
}

const sortKeys = [
  'id',
  'name',
  'sku',
  'price',
  'date_modified',
  'inventory_level',
  'is_visible',
  'total_sold',
] as const;

function sortProducts(products: ProductRecord[], sort: string, direction: string): ProductRecord[] {
  const key = sortKeys.find((candidate) => candidate === sort);
  if (!key) throw new FilterError('sort');
  if (direction !== 'asc' && direction !== 'desc') throw new FilterError('direction');

  const sign = direction === 'asc' ? 1 : -1;
  return products.sort((a, b) => {
    const left = a[key];
    const right = b[key];
    const order = left < right ? -1 : left > right ? 1 : a.id - b.id;
    return order * sign;
  });
}

function presentProduct(
  product: ProductRecord,
  includes: Parameters<typeof includedResources>[1],
  query: Query,
): Record<string, unknown> {
  return selectFields({ ...productToV3(product), ...includedResources(product, includes) }, query);
}
