import { store, type Emulator } from '../../src/bigcommerce/test-support.ts';
import type { AccountKind, Recorder } from './recorder.ts';

interface Probe {
  method: string;
  /** Below the version root, e.g. `/v3/catalog/products/1`. */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Sent as is, for malformed-input probes. */
  raw?: string;
}

/**
 * Requests the client never makes but the emulator serves: reads by id, counts, deletes, category
 * and order updates, and the refusals (bad JSON, missing fields, too big a batch, unknown route,
 * quota, outage), so every served route and the statuses it can give are seen at least once.
 */
export async function probeEmulator(
  emulator: Emulator,
  recorder: Recorder,
  kind: AccountKind,
): Promise<void> {
  const fetch = recorder.wrap(emulator.fetch);
  recorder.sender = 'probe';
  recorder.account = kind;

  const send = async (step: string, probe: Probe): Promise<unknown> => {
    recorder.step = step;
    const response = await fetch(urlOf(kind, probe), requestInit(kind, probe));
    const text = await response.text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  };

  if (kind === 'oauth') await probeV3(send);
  await probeV2(send);
  await probeLimits(emulator, send);
}

type Send = (step: string, probe: Probe) => Promise<unknown>;

async function probeV3(send: Send): Promise<void> {
  const products = '/v3/catalog/products';
  await send('list products, some fields, a small page', {
    method: 'GET',
    path: products,
    query: { include_fields: 'name,sku,price', page: '1', limit: '5', sort: 'name' },
  });
  await send('product with sub-resources', {
    method: 'GET',
    path: `${products}/1`,
    query: { include: 'variants,images,custom_fields,primary_image' },
  });
  await send('create product, wrong type', {
    method: 'POST',
    path: products,
    body: { name: 'Bad', type: 'physical', weight: 'heavy', price: 1 },
  });
  await send('create product, bad JSON', { method: 'POST', path: products, raw: '{"name":' });
  await send('batch update of 11', {
    method: 'PUT',
    path: products,
    body: Array.from({ length: 11 }, (_, index) => ({ id: index + 1, price: 3 })),
  });
  await send('update unknown product', { method: 'PUT', path: `${products}/9999`, body: {} });
  await send('batch delete', { method: 'DELETE', path: products, query: { 'id:in': '12' } });
  await send('delete product', { method: 'DELETE', path: `${products}/11` });
  await send('delete product again', { method: 'DELETE', path: `${products}/11` });

  const categories = '/v3/catalog/categories';
  await send('category by id', { method: 'GET', path: `${categories}/1` });
  await send('unknown category', { method: 'GET', path: `${categories}/999` });
  await send('rename category', {
    method: 'PUT',
    path: `${categories}/2`,
    body: { name: 'Shirts and Tees' },
  });
  await send('create category, missing name', {
    method: 'POST',
    path: categories,
    body: { parent_id: 0 },
  });
  await send('delete category', { method: 'DELETE', path: `${categories}/2` });
  await send('batch delete categories', {
    method: 'DELETE',
    path: categories,
    query: { 'id:in': '1' },
  });

  const customers = '/v3/customers';
  await send('customers with sort and email filter', {
    method: 'GET',
    path: customers,
    query: { 'email:in': 'buyer1@example.com', sort: 'last_name:asc', include: 'addresses' },
  });
  await send('create customer, missing last name', {
    method: 'POST',
    path: customers,
    body: [{ email: 'x@example.com', first_name: 'X' }],
  });
  await send('create 11 customers', {
    method: 'POST',
    path: customers,
    body: Array.from({ length: 11 }, (_, index) => ({
      email: `many${index}@example.com`,
      first_name: 'M',
      last_name: 'N',
    })),
  });
  await send('batch delete customers', {
    method: 'DELETE',
    path: customers,
    query: { 'id:in': '3' },
  });
  await send('unknown v3 route', { method: 'GET', path: '/v3/catalog/brands' });
}

async function probeV2(send: Send): Promise<void> {
  await send('v2 products page with include', {
    method: 'GET',
    path: '/v2/products',
    query: { page: '1', limit: '5', include: '@summary' },
  });
  await send('v2 product by id', { method: 'GET', path: '/v2/products/1' });
  await send('v2 unknown product', { method: 'GET', path: '/v2/products/999' });
  await send('v2 product count', { method: 'GET', path: '/v2/products/count' });
  await send('v2 create product, missing price', {
    method: 'POST',
    path: '/v2/products',
    body: {
      name: 'No price',
      type: 'physical',
      weight: '1',
      categories: [1],
      availability: 'available',
    },
  });
  await send('v2 update product, read-only field', {
    method: 'PUT',
    path: '/v2/products/1',
    body: { number_sold: 99 },
  });
  await send('v2 delete product', { method: 'DELETE', path: '/v2/products/10' });
  await send('v2 past the last page', {
    method: 'GET',
    path: '/v2/products',
    query: { page: '9', limit: '250' },
  });

  await send('v2 category by id', { method: 'GET', path: '/v2/categories/1' });
  await send('v2 category count', { method: 'GET', path: '/v2/categories/count' });
  await send('v2 rename category', {
    method: 'PUT',
    path: '/v2/categories/1',
    body: { name: 'Mugs and Cups' },
  });
  await send('v2 delete category', { method: 'DELETE', path: '/v2/categories/1' });

  await send('v2 customer by id', { method: 'GET', path: '/v2/customers/1' });
  await send('v2 customer count', { method: 'GET', path: '/v2/customers/count' });
  await send('v2 create customer, missing email', {
    method: 'POST',
    path: '/v2/customers',
    body: { first_name: 'No', last_name: 'Mail' },
  });
  await send('v2 delete customer', { method: 'DELETE', path: '/v2/customers/2' });

  const lines = await send('v2 order lines', { method: 'GET', path: '/v2/orders/1/products' });
  const lineId = Array.isArray(lines) ? (lines[0] as { id?: number } | undefined)?.id : undefined;
  await send('v2 order line by id', { method: 'GET', path: `/v2/orders/1/products/${lineId}` });
  await send('v2 order with sort and filters', {
    method: 'GET',
    path: '/v2/orders',
    query: { sort: 'date_created:desc', customer_id: '1', email: 'buyer1@example.com' },
  });
  await send('v2 change order status', {
    method: 'PUT',
    path: '/v2/orders/2',
    body: { status_id: 10, staff_notes: 'shipped' },
  });
  await send('v2 order, read-only field', {
    method: 'PUT',
    path: '/v2/orders/2',
    body: { total_inc_tax: 1 },
  });
  await send('v2 archive order', { method: 'DELETE', path: '/v2/orders/3' });
  await send('v2 order status by id', { method: 'GET', path: '/v2/order_statuses/11' });
  await send('v2 unknown order status', { method: 'GET', path: '/v2/order_statuses/99' });
  await send('v2 unknown route', { method: 'GET', path: '/v2/brands' });
}

/** A quota of one request, then a store down for maintenance. */
async function probeLimits(emulator: Emulator, send: Send): Promise<void> {
  emulator.faults.set({ quota: { requests: 1, window_ms: 60_000 } });
  await send('within quota', { method: 'GET', path: '/v2/order_statuses' });
  await send('over quota', { method: 'GET', path: '/v2/order_statuses' });

  emulator.faults.set({ error_rate: 1, error_status: 503 });
  await send('store down', { method: 'GET', path: '/v2/order_statuses' });
  emulator.faults.clear();
}

function urlOf(kind: AccountKind, probe: Probe): string {
  const root =
    kind === 'oauth'
      ? `https://api.bigcommerce.com/stores/${store.hash}`
      : `https://${store.domain}/api`;
  const url = new URL(root + probe.path);
  for (const [name, value] of Object.entries(probe.query ?? {})) url.searchParams.set(name, value);
  return url.toString();
}

function requestInit(kind: AccountKind, probe: Probe): RequestInit {
  const headers = new Headers({ Accept: 'application/json' });
  if (kind === 'oauth') headers.set('X-Auth-Token', store.accessToken);
  else {
    const pair = `${store.username}:${store.apiToken}`;
    headers.set('Authorization', `Basic ${Buffer.from(pair).toString('base64')}`);
  }

  const body = probe.raw ?? (probe.body === undefined ? undefined : JSON.stringify(probe.body));
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  return { method: probe.method, headers, ...(body === undefined ? {} : { body }) };
}
