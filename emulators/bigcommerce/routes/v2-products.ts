import { Hono } from 'hono';
import { v2Error, v2NotFound } from '../errors.ts';
import { pageOf } from '../paging.ts';
import {
  addProduct,
  applyProductUpdate,
  removeProduct,
  findProductConflict,
  newProduct,
  type ProductConflict,
} from '../products.ts';
import { takeId, type ProductRecord, type StoreRecord } from '../records.ts';
import { firstMissing, readV2Object } from '../v2-body.ts';
import { v2Bool, v2Date, V2FilterError, v2Int, v2Page, v2Paging } from '../v2-query.ts';
import {
  productToV2,
  v2ProductReadOnlyOnCreate,
  v2ProductReadOnlyOnUpdate,
  v2ProductRequired,
  v2ProductSchema,
  v2ProductToUpdate,
  type V2ProductWrite,
} from '../v2-shapes.ts';
import type { BcEnv, World } from '../world.ts';

type Query = (name: string) => string | undefined;

const CATEGORY_LIMIT = 1000;

/** `/v2/products` (deprecated by BigCommerce, still served; the collection DELETE is sunset). */
export function v2ProductRoutes(world: World): Hono<BcEnv> {
  const app = new Hono<BcEnv>();

  app.get('/products', (c) => {
    const query: Query = (name) => c.req.query(name);
    const paging = v2Paging(query);
    if (paging instanceof Response) return paging;

    const products = selectProducts(c.var.store, query);
    if (products instanceof Response) return products;

    return v2Page(pageOf(products, paging).map((p) => productToV2(p, c.var.apiBase)));
  });

  app.get('/products/count', (c) => {
    const products = selectProducts(c.var.store, (name) => c.req.query(name));
    if (products instanceof Response) return products;
    return c.json({ count: products.length });
  });

  app.post('/products', async (c) => {
    const write = await readWrite(c.req.raw, v2ProductReadOnlyOnCreate);
    if (write instanceof Response) return write;

    const missing = firstMissing(write, v2ProductRequired);
    if (missing) return missing;

    const { store } = c.var;
    const conflict = findProductConflict(store, {
      name: write.name ?? '',
      sku: write.sku ?? '',
      categories: write.categories ?? [],
    });
    if (conflict) return conflictResponse(conflict);

    // `is_visible` defaults to false on create, as the v2 products page documents.
    const product = newProduct(takeId(store, 'product'), world.now(), v2ProductToUpdate(write));
    addProduct(store, product);
    return c.json(productToV2(product, c.var.apiBase), 201);
  });

  app.get('/products/:product_id{[0-9]+}', (c) => {
    const product = c.var.store.products.get(Number(c.req.param('product_id')));
    if (!product) return v2NotFound();
    return c.json(productToV2(product, c.var.apiBase));
  });

  app.put('/products/:product_id{[0-9]+}', async (c) => {
    const { store } = c.var;
    const product = store.products.get(Number(c.req.param('product_id')));
    if (!product) return v2NotFound();

    const write = await readWrite(c.req.raw, v2ProductReadOnlyOnUpdate);
    if (write instanceof Response) return write;

    const conflict = findProductConflict(store, {
      id: product.id,
      name: write.name ?? product.name,
      sku: write.sku ?? product.sku,
      categories: write.categories ?? product.categories,
    });
    if (conflict) return conflictResponse(conflict);

    applyProductUpdate(store, product, v2ProductToUpdate(write), world.now());
    return c.json(productToV2(product, c.var.apiBase));
  });

  app.delete('/products/:product_id{[0-9]+}', (c) => {
    const removed = removeProduct(c.var.store, Number(c.req.param('product_id')));
    return removed ? c.body(null, 204) : v2NotFound();
  });

  return app;
}

/**
 * Reads a v2 product body. The v2 page says read-only fields and invalid values are refused with
 * 400; more than 1,000 categories is a 403.
 */
async function readWrite(
  request: Request,
  readOnly: readonly string[],
): Promise<V2ProductWrite | Response> {
  const write = await readV2Object(request, v2ProductSchema, readOnly);
  if (write instanceof Response) return write;

  if ((write.categories?.length ?? 0) > CATEGORY_LIMIT) {
    return v2Error(403, `A product can belong to at most ${CATEGORY_LIMIT} categories.`);
  }
  return write;
}

/**
 * v2 has no documented duplicate body. The catalog behind v2 and v3 is one, so the emulator gives
 * the v3 statuses (409) with the v3 titles as v2 messages.
 */
function conflictResponse(conflict: ProductConflict): Response {
  switch (conflict.kind) {
    case 'name':
      return v2Error(409, 'The product name is a duplicate');
    case 'sku':
      return v2Error(409, 'The product sku is a duplicate');
    case 'category':
      return v2Error(409, `Category ${conflict.categoryId} does not exist`);
  }
}

function selectProducts(store: StoreRecord, query: Query): ProductRecord[] | Response {
  try {
    const minId = v2Int(query, 'min_id');
    const maxId = v2Int(query, 'max_id');
    const name = query('name')?.toLowerCase();
    const sku = query('sku')?.toLowerCase();
    const keyword = query('keyword_filter')?.toLowerCase();
    const minCreated = v2Date(query, 'min_date_created');
    const maxCreated = v2Date(query, 'max_date_created');
    const minModified = v2Date(query, 'min_date_modified');
    const maxModified = v2Date(query, 'max_date_modified');
    const visible = v2Bool(query, 'is_visible');
    const category = v2Int(query, 'category');
    const minInventory = v2Int(query, 'min_inventory_level');
    const maxInventory = v2Int(query, 'max_inventory_level');

    return [...store.products.values()]
      .filter(
        (p) =>
          (minId === undefined || p.id >= minId) &&
          (maxId === undefined || p.id <= maxId) &&
          (name === undefined || p.name.toLowerCase() === name) &&
          (sku === undefined || p.sku.toLowerCase() === sku) &&
          (keyword === undefined || `${p.name} ${p.sku}`.toLowerCase().includes(keyword)) &&
          (minCreated === undefined || p.date_created >= minCreated) &&
          (maxCreated === undefined || p.date_created <= maxCreated) &&
          (minModified === undefined || p.date_modified >= minModified) &&
          (maxModified === undefined || p.date_modified <= maxModified) &&
          (visible === undefined || p.is_visible === visible) &&
          (category === undefined || p.categories.includes(category)) &&
          (minInventory === undefined || p.inventory_level >= minInventory) &&
          (maxInventory === undefined || p.inventory_level <= maxInventory),
      )
      .sort((a, b) => a.id - b.id);
  } catch (error) {
    if (error instanceof V2FilterError) return error.toResponse();
    throw error;
  }
}
