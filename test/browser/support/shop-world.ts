/**
 * The small world of the browser suite: one shop whose merchant logs in through the pages, and a
 * second, unrelated merchant whose pages the first must never reach. Both live in the same two
 * emulators, as two Imonggo accounts and two stores.
 */

export interface MerchantLogin {
  accountId: string;
  email: string;
  password: string;
  apiToken: string;
  storeHash: string;
  domain: string;
  accessToken: string;
  username: string;
  legacyToken: string;
}

export const harbor: MerchantLogin = {
  accountId: 'harbor',
  email: 'owner@harbor.test',
  password: 'harbor-secret-pw',
  apiToken: 'h'.repeat(40),
  storeHash: 'harbor01',
  domain: 'harbor.mybigcommerce.com',
  accessToken: 'harbor-access-token',
  username: 'harbor-admin',
  legacyToken: 'c'.repeat(40),
};

export const lighthouse: MerchantLogin = {
  accountId: 'lighthouse',
  email: 'owner@lighthouse.test',
  password: 'lighthouse-secret-pw',
  apiToken: 'l'.repeat(40),
  storeHash: 'light01',
  domain: 'lighthouse.mybigcommerce.com',
  accessToken: 'lighthouse-access-token',
  username: 'lighthouse-admin',
  legacyToken: 'd'.repeat(40),
};

/** One wrong value per field of table 1; the Store ID one is an address BIN must never call. */
export const wrongValues = {
  'Account ID': 'harbour-typo',
  Email: 'someone.else@harbor.test',
  Password: 'not-the-harbor-password',
  Username: 'harbor-typo',
  'API Token': 'e'.repeat(40),
  'Store ID': '10.1.2.3',
} as const;

/** Every password and token the suite types or the world holds: none may reach a page or a log. */
export const typedSecrets = [
  harbor.password,
  harbor.apiToken,
  harbor.accessToken,
  harbor.legacyToken,
  lighthouse.password,
  lighthouse.apiToken,
  lighthouse.accessToken,
  lighthouse.legacyToken,
  wrongValues.Password,
  wrongValues['API Token'],
];

/** A product name that a page would turn into markup if it forgot to escape. */
export const trickyProductName = 'Mug <img src=x onerror="window.__escaped=false"> & "Co"';

const tags = ['Shirts', 'Shoes', 'Bags', 'Mugs'] as const;

/** Which tag product `n` (1-20) carries; the picker counts active products only: 6, 6, 4 and 3. */
function tagOf(n: number): string {
  if (n <= 6 || n === 19) return 'Shirts';
  if (n <= 11 || n === 20) return 'Shoes';
  if (n <= 15) return 'Bags';
  return 'Mugs';
}

export const skuOf = (n: number) => `HB-${String(n).padStart(4, '0')}`;

/**
 * Twenty products: 1-18 active with stock, 19 deleted in Imonggo, 20 out of stock. So the store
 * should end with exactly 18 products, four of them from the tag "Bags".
 */
export const expected = {
  /** The store category the merchant sets before posting products. */
  category: 'Harbor Goods',
  tags,
  tagCounts: { Shirts: 6, Shoes: 6, Bags: 4, Mugs: 3 } as Record<string, number>,
  postedSkus: Array.from({ length: 18 }, (_, i) => skuOf(i + 1)),
  bagSkus: [12, 13, 14, 15].map(skuOf),
  /** Paid orders whose products all exist: these become invoices. */
  invoicedOrders: [101, 102, 103, 104],
  /** A paid order for a SKU Imonggo does not have: refused, a failed record. */
  refusedOrder: 108,
  /** Every email both sides hold once both customer jobs ran. */
  customerEmails: Array.from({ length: 16 }, (_, i) => `shopper${i + 1}@harbor.test`),
};

const stamp = (n: number) =>
  new Date(Date.UTC(2025, 5, 1) + n * 60_000).toISOString().replace('.000', '');

function imonggoProducts() {
  return Array.from({ length: 20 }, (_, i) => {
    const n = i + 1;
    return {
      id: n,
      stock_no: skuOf(n),
      name: n === 16 ? trickyProductName : `${tagOf(n).slice(0, -1)} model ${n}`,
      retail_price: 100 + n,
      cost: 40,
      description: `Harbor item ${n}`,
      tag_list: [tagOf(n)],
      status: n === 19 ? 'D' : null,
      utc_created_at: stamp(n),
      utc_updated_at: stamp(n),
    };
  });
}

function imonggoInventories() {
  return Array.from({ length: 20 }, (_, i) => ({
    product_id: i + 1,
    branch_id: 1,
    quantity: i + 1 === 20 ? 0 : 50,
    utc_updated_at: stamp(i + 1),
  }));
}

/** Imonggo holds shoppers 7-16, the store 1-10: 7-10 are on both sides. */
function imonggoCustomers() {
  return Array.from({ length: 10 }, (_, i) => {
    const n = i + 7;
    return {
      id: n,
      first_name: 'Walkin',
      last_name: `Buyer${n}`,
      name: `Walkin Buyer${n}`,
      email: `shopper${n}@harbor.test`,
      telephone: `0917-000-${String(n).padStart(4, '0')}`,
      status: null,
      utc_created_at: stamp(n),
      utc_updated_at: stamp(n),
    };
  });
}

function storeCustomers() {
  return Array.from({ length: 10 }, (_, i) => {
    const n = i + 1;
    return {
      id: n,
      email: `shopper${n}@harbor.test`,
      first_name: 'Online',
      last_name: `Buyer${n}`,
      phone: `0918-000-${String(n).padStart(4, '0')}`,
      date_created: stamp(n),
      date_modified: stamp(n),
    };
  });
}

/** Eight orders: 101-104 paid, 105-107 not paid (pending, cancelled, awaiting payment), 108 paid for an unknown SKU. */
function storeOrders() {
  const orders: { id: number; status_id: number; skus: string[] }[] = [
    { id: 101, status_id: 10, skus: [skuOf(1), skuOf(2)] },
    { id: 102, status_id: 11, skus: [skuOf(12)] },
    { id: 103, status_id: 2, skus: [skuOf(7)] },
    { id: 104, status_id: 9, skus: [skuOf(16), skuOf(3)] },
    { id: 105, status_id: 1, skus: [skuOf(4)] },
    { id: 106, status_id: 5, skus: [skuOf(5)] },
    { id: 107, status_id: 7, skus: [skuOf(6)] },
    { id: 108, status_id: 10, skus: ['NOT-IN-IMONGGO'] },
  ];
  return orders.map((order) => ({
    id: order.id,
    status_id: order.status_id,
    customer_id: 0,
    date_created: 'Sun, 01 Mar 2026 10:00:00 +0000',
    shipping_cost_ex_tax: 5,
    billing_address: {
      first_name: 'Online',
      last_name: `Order ${order.id}`,
      street_1: '1 Pier Road',
      city: 'Cebu',
      country: 'Philippines',
      email: `order${order.id}@harbor.test`,
    },
    products: order.skus.map((sku, index) => ({
      product_id: 500 + index,
      name: `Sold ${sku}`,
      sku,
      quantity: 1,
      base_price: 120,
    })),
  }));
}

function account(merchant: MerchantLogin, content: Record<string, unknown[]>) {
  return {
    account_id: merchant.accountId,
    email: merchant.email,
    password: merchant.password,
    api_token: merchant.apiToken,
    products: [],
    inventories: [],
    customers: [],
    invoices: [],
    branches: [{ id: 1, name: 'Pier Branch' }],
    payment_types: [{ id: 1, name: 'Cash' }],
    ...content,
  };
}

function store(merchant: MerchantLogin, content: Record<string, unknown[]>) {
  return {
    store_hash: merchant.storeHash,
    domain: merchant.domain,
    legacy: { username: merchant.username, api_token: merchant.legacyToken },
    access_token: merchant.accessToken,
    products: [],
    categories: [],
    customers: [],
    orders: [],
    ...content,
  };
}

/** Both emulators' `/__admin/state` documents. */
export function shopWorld() {
  return {
    imonggo: {
      accounts: [
        account(harbor, {
          products: imonggoProducts(),
          inventories: imonggoInventories(),
          customers: imonggoCustomers(),
        }),
        account(lighthouse, {}),
      ],
    },
    bigcommerce: {
      stores: [
        store(harbor, { customers: storeCustomers(), orders: storeOrders() }),
        store(lighthouse, {}),
      ],
    },
  };
}
