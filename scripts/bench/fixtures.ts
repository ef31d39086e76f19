import { defaultPaidStatusIds } from '../../src/sync/settings.ts';

/** The merchant the benchmark syncs: one Imonggo account and one store with both API accounts. */
export const benchMerchant = {
  accountId: 'bench',
  email: 'owner@bench.test',
  password: 'bench-password',
  apiToken: 'c'.repeat(40),
  storeHash: 'bench01',
  domain: 'bench.mybigcommerce.com',
  accessToken: 'bench-access-token',
  legacyUsername: 'bench-legacy',
  legacyToken: 'd'.repeat(40),
} as const;

const tags = ['Tea', 'Coffee', 'Snacks', 'Gifts', 'Seasonal'];

/** Store customers who place the registered orders; each is also an Imonggo customer. */
export const benchCustomerCount = 200;

export interface BenchProduct {
  id: number;
  stock_no: string;
  name: string;
  retail_price: number;
  cost: number;
  description: string;
  tag_list: string[];
  status: null;
  utc_created_at: string;
  utc_updated_at: string;
}

export interface BenchInventory {
  product_id: number;
  branch_id: number;
  quantity: number;
  utc_updated_at: string;
}

export interface ImonggoCatalog {
  products: BenchProduct[];
  inventories: BenchInventory[];
}

/** The stamp of the n-th catalog product: a minute apart from 2025-01-01, in whole seconds. */
export function pastStamp(n: number): string {
  return isoSeconds(Date.UTC(2025, 0, 1) + n * 60_000);
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function customerEmail(k: number): string {
  return `buyer${k}@bench.test`;
}

/** `count` Imonggo products, all in stock, changed a minute apart in the past, with a few tags. */
export function imonggoCatalog(count: number): ImonggoCatalog {
  const products: BenchProduct[] = [];
  const inventories: BenchInventory[] = [];
  for (let n = 1; n <= count; n += 1) {
    const when = pastStamp(n);
    products.push({
      id: n,
      stock_no: `BN-${String(n).padStart(6, '0')}`,
      name: `Bench product ${n}`,
      retail_price: 5 + (n % 400) / 4,
      cost: 2,
      description: `Description of bench product ${n}`,
      tag_list: [tags[n % tags.length] ?? 'Tea', ...(n % 7 === 0 ? ['Featured'] : [])],
      status: null,
      utc_created_at: when,
      utc_updated_at: when,
    });
    inventories.push({ product_id: n, branch_id: 1, quantity: 1 + (n % 50), utc_updated_at: when });
  }
  return { products, inventories };
}

/**
 * The catalog after one product in a hundred (the first, the 101st, …) got a new price and more
 * stock, both stamped `now` so the incremental reads see them. Returns how many changed.
 */
export function changeOnePercent(
  catalog: ImonggoCatalog,
  now: number,
): { catalog: ImonggoCatalog; changed: number } {
  const stamp = isoSeconds(now);
  let changed = 0;
  const products = catalog.products.map((product, index) => {
    if (index % 100 !== 0) return product;
    changed += 1;
    return { ...product, retail_price: product.retail_price + 1, utc_updated_at: stamp };
  });
  const inventories = catalog.inventories.map((row, index) =>
    index % 100 === 0 ? { ...row, quantity: row.quantity + 5, utc_updated_at: stamp } : row,
  );
  return { catalog: { products, inventories }, changed };
}

export function imonggoStateDoc(catalog: ImonggoCatalog) {
  const customers = Array.from({ length: benchCustomerCount }, (_, index) => ({
    id: index + 1,
    first_name: 'Buyer',
    last_name: `Number ${index + 1}`,
    email: customerEmail(index + 1),
    utc_created_at: pastStamp(0),
    utc_updated_at: pastStamp(0),
  }));
  return {
    accounts: [
      {
        account_id: benchMerchant.accountId,
        email: benchMerchant.email,
        password: benchMerchant.password,
        api_token: benchMerchant.apiToken,
        products: catalog.products,
        inventories: catalog.inventories,
        customers,
        invoices: [],
        branches: [{ id: 1, name: 'Main Branch' }],
        payment_types: [],
      },
    ],
  };
}

export function storeStateDoc() {
  const customers = Array.from({ length: benchCustomerCount }, (_, index) => ({
    id: index + 1,
    email: customerEmail(index + 1),
    first_name: 'Buyer',
    last_name: `Number ${index + 1}`,
  }));
  return {
    stores: [
      {
        store_hash: benchMerchant.storeHash,
        domain: benchMerchant.domain,
        legacy: { username: benchMerchant.legacyUsername, api_token: benchMerchant.legacyToken },
        access_token: benchMerchant.accessToken,
        products: [],
        categories: [],
        customers,
        orders: [],
      },
    ],
  };
}

export interface PostedProduct {
  id: number;
  sku: string;
  name: string;
  price: number;
}

/**
 * `count` paid orders of 1–3 lines of posted products, placed in the past, each with 5.00 of
 * shipping; three in four come from a registered customer, the rest from guests.
 */
export function storeOrders(count: number, posted: readonly PostedProduct[]) {
  if (posted.length === 0) throw new Error('the store has no products to order');
  const placed = Date.UTC(2026, 0, 1);

  return Array.from({ length: count }, (_, index) => {
    const id = index + 1;
    const customerId = id % 4 === 0 ? 0 : 1 + (id % benchCustomerCount);
    const when = new Date(placed + id * 60_000).toUTCString().replace('GMT', '+0000');
    const lines = Array.from({ length: 1 + (id % 3) }, (_, line) => {
      const product = posted[(id * 7 + line * 13) % posted.length] as PostedProduct;
      return {
        product_id: product.id,
        name: product.name,
        sku: product.sku,
        quantity: 1 + ((id + line) % 2),
        base_price: product.price,
      };
    });
    return {
      id,
      status_id: defaultPaidStatusIds[id % defaultPaidStatusIds.length] ?? 10,
      customer_id: customerId,
      date_created: when,
      date_modified: when,
      shipping_cost_ex_tax: 5,
      billing_address: {
        first_name: 'Buyer',
        last_name: customerId === 0 ? `Guest ${id}` : `Number ${customerId}`,
        street_1: `${id} Market Street`,
        city: 'Manila',
        country: 'Philippines',
        email: customerId === 0 ? `guest${id}@bench.test` : customerEmail(customerId),
      },
      products: lines,
    };
  });
}
