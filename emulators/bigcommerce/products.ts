import { z } from 'zod';
import { isoDate } from './dates.ts';
import type { ProductRecord, StoreRecord } from './records.ts';

const money = z.number().min(0);
const shortText = z.string().max(255);

/**
 * The writable fields of a v3 catalog product, with the types and limits of the products spec.
 * Read-only fields (`id` on create, `calculated_price`, dates) are not listed and so are dropped.
 */
export const productWriteShape = {
  name: z.string().min(1).max(250),
  type: z.enum(['physical', 'digital']),
  sku: z.string().max(255),
  description: z.string(),
  weight: z.number().min(0),
  width: z.number().min(0),
  depth: z.number().min(0),
  height: z.number().min(0),
  price: money,
  cost_price: money,
  retail_price: money,
  sale_price: money,
  map_price: money,
  tax_class_id: z.number().int().min(0),
  categories: z.array(z.number().int()).max(1000),
  brand_id: z.number().int().min(0),
  inventory_level: z.number().int(),
  inventory_warning_level: z.number().int(),
  inventory_tracking: z.enum(['none', 'product', 'variant']),
  is_visible: z.boolean(),
  is_featured: z.boolean(),
  availability: z.enum(['available', 'disabled', 'preorder']),
  condition: z.enum(['New', 'Used', 'Refurbished']),
  upc: shortText,
  mpn: shortText,
  gtin: shortText,
  search_keywords: shortText,
  page_title: shortText,
  meta_keywords: z.array(z.string()),
  meta_description: z.string(),
  sort_order: z.number().int(),
};

export const productUpdateSchema = z.object(productWriteShape).partial();

export const productCreateSchema = productUpdateSchema.required({
  name: true,
  type: true,
  weight: true,
  price: true,
});

export type ProductUpdate = z.infer<typeof productUpdateSchema>;

/**
 * A new product with the fields the create left out. `is_visible` defaults to false: the v3 spec
 * does not say what it is, v2 documents false, and a product that stays hidden until BIN shows it
 * on purpose is the stricter guess (a client that relies on the default gets caught in tests).
 */
export function newProduct(id: number, now: number, fields: ProductUpdate): ProductRecord {
  return {
    id,
    name: '',
    type: 'physical',
    sku: '',
    description: '',
    weight: 0,
    width: 0,
    depth: 0,
    height: 0,
    price: 0,
    cost_price: 0,
    retail_price: 0,
    sale_price: 0,
    map_price: 0,
    tax_class_id: 0,
    categories: [],
    brand_id: 0,
    inventory_level: 0,
    inventory_warning_level: 0,
    inventory_tracking: 'none',
    is_visible: false,
    is_featured: false,
    availability: 'available',
    condition: 'New',
    upc: '',
    mpn: '',
    gtin: '',
    search_keywords: '',
    page_title: '',
    meta_keywords: [],
    meta_description: '',
    sort_order: 0,
    total_sold: 0,
    view_count: 0,
    date_created: now,
    date_modified: now,
    ...withoutUndefined(fields),
  };
}

/**
 * Lower-cased names and SKUs to product ids, kept beside each store, so that a conflict check does
 * not scan the whole catalog: with 20,000 products a scan per write made the emulator the
 * bottleneck of the benchmark. Built on first use; every write below keeps it current.
 */
interface IdentityIndex {
  names: Map<string, Set<number>>;
  skus: Map<string, Set<number>>;
  keys: Map<number, { name: string; sku: string }>;
}

const identityIndexes = new WeakMap<StoreRecord, IdentityIndex>();

function identityIndex(store: StoreRecord): IdentityIndex {
  let index = identityIndexes.get(store);
  if (!index) {
    index = { names: new Map(), skus: new Map(), keys: new Map() };
    for (const product of store.products.values()) indexProduct(index, product);
    identityIndexes.set(store, index);
  }
  return index;
}

function indexProduct(index: IdentityIndex, product: ProductRecord): void {
  const keys = { name: product.name.toLowerCase(), sku: product.sku.toLowerCase() };
  index.keys.set(product.id, keys);
  addTo(index.names, keys.name, product.id);
  if (keys.sku !== '') addTo(index.skus, keys.sku, product.id);
}

function unindexProduct(index: IdentityIndex, id: number): void {
  const keys = index.keys.get(id);
  if (!keys) return;
  index.keys.delete(id);
  index.names.get(keys.name)?.delete(id);
  index.skus.get(keys.sku)?.delete(id);
}

function addTo(map: Map<string, Set<number>>, key: string, id: number): void {
  const ids = map.get(key) ?? new Set<number>();
  ids.add(id);
  map.set(key, ids);
}

export function addProduct(store: StoreRecord, product: ProductRecord): void {
  store.products.set(product.id, product);
  const index = identityIndexes.get(store);
  if (index) indexProduct(index, product);
}

export function removeProduct(store: StoreRecord, id: number): boolean {
  const index = identityIndexes.get(store);
  if (index) unindexProduct(index, id);
  return store.products.delete(id);
}

export function applyProductUpdate(
  store: StoreRecord,
  product: ProductRecord,
  fields: ProductUpdate,
  now: number,
): void {
  const index = identityIndexes.get(store);
  if (index) unindexProduct(index, product.id);
  Object.assign(product, withoutUndefined(fields), { date_modified: now });
  if (index) indexProduct(index, product);
}

/** The conflict a write would cause, or undefined; both rules ignore letter case. */
export type ProductConflict =
  | { kind: 'name'; name: string }
  | { kind: 'sku'; sku: string }
  | { kind: 'category'; categoryId: number };

/**
 * Checks names and SKUs against every other product, and categories against the store. `pending`
 * are the other writes of the same batch, so two items of one batch cannot take the same name.
 */
export function findProductConflict(
  store: StoreRecord,
  candidate: { id?: number; name: string; sku: string; categories: readonly number[] },
  pending: readonly { id: number; name: string; sku: string }[] = [],
): ProductConflict | undefined {
  const index = identityIndex(store);
  const name = candidate.name.toLowerCase();
  const sku = candidate.sku.toLowerCase();
  const others = pending.filter((p) => p.id !== candidate.id);
  const takenBy = (ids: Set<number> | undefined) =>
    [...(ids ?? [])].some((id) => id !== candidate.id);

  if (takenBy(index.names.get(name)) || others.some((p) => p.name.toLowerCase() === name)) {
    return { kind: 'name', name: candidate.name };
  }
  if (
    sku !== '' &&
    (takenBy(index.skus.get(sku)) || others.some((p) => p.sku.toLowerCase() === sku))
  ) {
    return { kind: 'sku', sku: candidate.sku };
  }

  const missing = candidate.categories.find((id) => !store.categories.has(id));
  return missing === undefined ? undefined : { kind: 'category', categoryId: missing };
}

/** A product in the v3 catalog shape, with the derived read-only fields. */
export function productToV3(product: ProductRecord): Record<string, unknown> {
  return {
    ...product,
    calculated_price: calculatedPrice(product),
    base_variant_id: product.id,
    custom_url: { url: `/${slug(product.name)}/`, is_customized: false },
    date_created: isoDate(product.date_created),
    date_modified: isoDate(product.date_modified),
  };
}

export function calculatedPrice(product: ProductRecord): number {
  return product.sale_price > 0 ? product.sale_price : product.price;
}

export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function withoutUndefined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
