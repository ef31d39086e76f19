import {
  fiftyAPage,
  inquiry,
  isActiveOnly,
  keptInIdOrder,
  pageOf,
  updatedFilter,
} from '../listing.ts';
import { presentProduct } from '../present.ts';
import type { Account, ProductRecord } from '../records.ts';
import { listQueryKey, matchingRecords } from '../list-cache.ts';
import { stampedSince } from '../stamp-index.ts';
import { nextId } from '../records.ts';
import { errors, list, notFound, record } from '../reply.ts';
import { findById, type ApiRequest, type ResourceRoutes } from '../request.ts';
import { isoSeconds } from '../timestamps.ts';
import {
  hasAtMostTwoDecimals,
  Problems,
  readBoolean,
  readDecimal,
  readTagList,
  readText,
  type Attributes,
} from '../values.ts';

type ProductChanges = Partial<Omit<ProductRecord, 'id' | 'status'>>;

const textFields = ['stock_no', 'name', 'description', 'barcode_list'] as const;
const flagFields = [
  'allow_decimal_quantities',
  'disable_discount',
  'disable_inventory',
  'enable_open_price',
  'tax_exempt',
] as const;
const priceFields = ['retail_price', 'cost'] as const;

function readChanges(attrs: Attributes, problems: Problems): ProductChanges {
  const changes: ProductChanges = {};

  for (const field of textFields) {
    const value = readText(attrs, field, problems);
    if (value !== undefined) changes[field] = field === 'name' ? value.trim() : value;
  }

  for (const field of flagFields) {
    const value = readBoolean(attrs, field, problems);
    if (value !== undefined) changes[field] = value;
  }

  for (const field of priceFields) {
    const value = readDecimal(attrs, field, problems);
    if (value === undefined) continue;
    if (value === null) changes[field] = 0;
    else if (value < 0) problems.add(field, 'must be greater than or equal to 0');
    else if (!hasAtMostTwoDecimals(value))
      problems.add(field, 'must have at most 2 decimal places');
    else changes[field] = value;
  }

  const tags = readTagList(attrs, 'tag_list', problems);
  if (tags !== undefined) changes.tag_list = tags;

  return changes;
}

/**
 * Name and stock_no are unique within the account. Deleted products keep holding theirs, and
 * names compare without case (Imonggo runs on MySQL, whose default collation ignores case); both
 * are the stricter reading of an undocumented rule.
 */
function checkUnique(product: ProductRecord, account: Account, problems: Problems): void {
  if (product.name === '') problems.add('name', "can't be blank");

  const others = account.products.filter((p) => p.id !== product.id);
  const name = product.name.toLowerCase();
  if (name !== '' && others.some((p) => p.name.toLowerCase() === name)) {
    problems.add('name', 'has already been taken');
  }

  const stockNo = product.stock_no.trim().toLowerCase();
  if (stockNo !== '' && others.some((p) => p.stock_no.trim().toLowerCase() === stockNo)) {
    problems.add('stock_no', 'has already been taken');
  }
}

function blankProduct(id: number, stamp: string): ProductRecord {
  return {
    id,
    stock_no: '',
    name: '',
    cost: 0,
    retail_price: 0,
    description: '',
    allow_decimal_quantities: false,
    disable_discount: false,
    disable_inventory: false,
    enable_open_price: false,
    tax_exempt: false,
    tag_list: [],
    barcode_list: '',
    thumbnail_url: null,
    status: null,
    utc_created_at: stamp,
    utc_updated_at: stamp,
  };
}

async function save(request: ApiRequest, existing: ProductRecord | undefined) {
  const body = await request.body('product');
  if (!body.ok) return errors([body.message]);

  const { account } = request;
  const stamp = isoSeconds(request.now());
  const problems = new Problems();
  const changes = readChanges(body.attrs, problems);
  const base = existing ?? blankProduct(nextId(account.products), stamp);
  const product: ProductRecord = { ...base, ...changes, utc_updated_at: stamp };

  checkUnique(product, account, problems);
  if (problems.any) return errors(problems.messages);

  if (existing) {
    Object.assign(existing, product);
    return record('product', presentProduct(existing, request.format));
  }
  account.products.push(product);
  return record('product', presentProduct(product, request.format), 201);
}

export const productRoutes: ResourceRoutes = {
  list(request) {
    const filter = updatedFilter(request.query);
    if ('refused' in filter) return filter.refused;

    const activeOnly = isActiveOnly(request.query);
    const keep = (p: ProductRecord) => (!activeOnly || p.status === null) && filter.keep(p);
    const { account } = request;
    const matching = matchingRecords(account, listQueryKey('products', request.query), () =>
      keptInIdOrder(stampedSince(account, account.products, filter.since), keep, (p) => p.id),
    );
    const inquired = inquiry(request.query, matching);
    if (inquired) return inquired;

    const page = pageOf(matching, request.query, fiftyAPage);
    return list(
      'products',
      page.map((p) => presentProduct(p, request.format)),
    );
  },

  show(request) {
    const product = findById(request.account.products, request.id);
    return product ? record('product', presentProduct(product, request.format)) : notFound();
  },

  create: (request) => save(request, undefined),

  update(request) {
    const product = findById(request.account.products, request.id);
    return product ? save(request, product) : notFound();
  },

  /** Deletes are soft: the product stays readable with status "D". */
  destroy(request) {
    const product = findById(request.account.products, request.id);
    if (!product) return notFound();

    product.status = 'D';
    product.utc_updated_at = isoSeconds(request.now());
    return record('product', presentProduct(product, request.format));
  },
};
