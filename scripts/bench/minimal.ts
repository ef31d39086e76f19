import type { Side } from './calls.ts';
import type { AccountKind } from './world.ts';

/** Page sizes and batch limits the minimum is computed with (those of the two APIs). */
export const limits = {
  imonggoPage: 50,
  imonggoCustomerPage: 100,
  storePage: 250,
  storeBatch: 10,
} as const;

export interface MinimalCalls {
  /** Endpoint (as `endpointOf` writes it) → the fewest calls the job needs there. */
  byEndpoint: Record<string, number>;
  bySide: Record<Side, number>;
  total: number;
  /** The formula, in words, for the report. */
  formula: string;
}

/**
 * Pages of a list that ends on its first short page: an Imonggo list of exactly 100 items needs
 * a third, empty page to show it has ended. v2 store lists end the same way (a 204 past the end).
 */
export function pagesToShortPage(items: number, size: number): number {
  return Math.floor(items / size) + 1;
}

/** Pages of a v3 store list: `meta.pagination` says how many there are; an empty list is one. */
export function pagesWithTotal(items: number, size: number): number {
  return Math.max(1, Math.ceil(items / size));
}

function build(entries: [string, number][], formula: string): MinimalCalls {
  const byEndpoint: Record<string, number> = {};
  const bySide: Record<Side, number> = { imonggo: 0, bigcommerce: 0 };
  for (const [endpoint, calls] of entries) {
    if (calls === 0) continue;
    byEndpoint[endpoint] = (byEndpoint[endpoint] ?? 0) + calls;
    bySide[endpoint.startsWith('imonggo') ? 'imonggo' : 'bigcommerce'] += calls;
  }
  return { byEndpoint, bySide, total: bySide.imonggo + bySide.bigcommerce, formula };
}

function storePaths(kind: AccountKind) {
  return kind === 'oauth'
    ? {
        products: '/v3/catalog/products',
        product: '/v3/catalog/products/{id}',
        categories: '/v3/catalog/categories',
        orders: '/v2/orders',
        orderProducts: '/v2/orders/{id}/products',
      }
    : {
        products: '/api/v2/products',
        product: '/api/v2/products/{id}',
        categories: '/api/v2/categories',
        orders: '/api/v2/orders',
        orderProducts: '/api/v2/orders/{id}/products',
      };
}

/**
 * Run 1, first full sync of `products` Imonggo products, all in stock, to an empty store: the
 * stock branch, every product and stock row, the store's (empty) catalog, its categories, one
 * category create, and one create per product (the API has no batch create).
 */
export function firstSyncCalls(products: number, kind: AccountKind): MinimalCalls {
  const store = storePaths(kind);
  const page = limits.imonggoPage;
  const catalogPages =
    kind === 'oauth' ? pagesWithTotal(0, limits.storePage) : pagesToShortPage(0, limits.storePage);
  return build(
    [
      ['imonggo GET /api/branches.json', 1],
      ['imonggo GET /api/products.json', pagesToShortPage(products, page)],
      ['imonggo GET /api/inventories.json', pagesToShortPage(products, page)],
      [`bigcommerce GET ${store.products}`, catalogPages],
      [`bigcommerce GET ${store.categories}`, 1],
      [`bigcommerce POST ${store.categories}`, 1],
      [`bigcommerce POST ${store.products}`, products],
    ],
    `1 branches + 2 × (⌊N/${page}⌋+1) Imonggo pages + 1 catalog page + 1 category list + ` +
      `1 category create + N product creates`,
  );
}

/**
 * Run 2, nothing changed: one (nearly empty) page of each changed-since list. The stock branch
 * was found by the first run and is remembered, so it needs no request.
 */
export function unchangedCalls(): MinimalCalls {
  return build(
    [
      ['imonggo GET /api/products.json', 1],
      ['imonggo GET /api/inventories.json', 1],
    ],
    '1 page of products changed since + 1 page of stock changed since; no store call',
  );
}

/**
 * Run 3, `changed` products (the stock branch is remembered, as in run 2) with a new price and new stock: the changed-since pages of both
 * lists, and the store updates in batches of 10 (v3) or one by one (v2, which has no batch).
 */
export function onePercentCalls(changed: number, kind: AccountKind): MinimalCalls {
  const store = storePaths(kind);
  const page = limits.imonggoPage;
  const updates: [string, number] =
    kind === 'oauth'
      ? [`bigcommerce PUT ${store.products}`, Math.ceil(changed / limits.storeBatch)]
      : [`bigcommerce PUT ${store.product}`, changed];
  return build(
    [
      ['imonggo GET /api/products.json', pagesToShortPage(changed, page)],
      ['imonggo GET /api/inventories.json', pagesToShortPage(changed, page)],
      updates,
    ],
    `2 × (⌊c/${page}⌋+1) changed-since pages + ` +
      (kind === 'oauth' ? `⌈c/${limits.storeBatch}⌉ batch updates` : 'c single updates'),
  );
}

/**
 * Run 4, `orders` paid orders of posted products, none invoiced yet: the orders (v2 pages of 250
 * ending on a short page), each order's lines (one page each: no order has 250 lines), Imonggo's
 * branches, products, stock, customers and payment types, one create of the shipping product,
 * and one invoice per order (Imonggo has no batch create).
 */
export function pullCalls(
  orders: number,
  products: number,
  customers: number,
  kind: AccountKind,
): MinimalCalls {
  const store = storePaths(kind);
  const page = limits.imonggoPage;
  const customerPage = limits.imonggoCustomerPage;
  return build(
    [
      [`bigcommerce GET ${store.orders}`, pagesToShortPage(orders, limits.storePage)],
      [`bigcommerce GET ${store.orderProducts}`, orders],
      ['imonggo GET /api/branches.json', 1],
      ['imonggo GET /api/products.json', pagesToShortPage(products, page)],
      ['imonggo GET /api/inventories.json', pagesToShortPage(products, page)],
      ['imonggo GET /api/customers.json', pagesToShortPage(customers, customerPage)],
      ['imonggo GET /api/payment_types.json', 1],
      ['imonggo POST /api/products.json', 1],
      ['imonggo POST /api/invoices.json', orders],
    ],
    `(⌊M/${limits.storePage}⌋+1) order pages + M line reads + 1 branches + ` +
      `2 × (⌊N/${page}⌋+1) Imonggo pages + (⌊K/${customerPage}⌋+1) customer pages + ` +
      '1 payment types + 1 shipping product + M invoices',
  );
}
