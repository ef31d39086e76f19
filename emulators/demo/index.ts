import { buildCatalog } from './catalog.ts';
import { buildOrders } from './orders.ts';
import { bigCommerceCustomers, buildPeople, imonggoCustomers } from './people.ts';
import { DemoRandom, daysBefore, isoSeconds } from './random.ts';
import type { BigCommerceProductDoc, DemoBigCommerceDoc, ImonggoStateDoc } from './types.ts';

export type { DemoBigCommerceDoc, ImonggoStateDoc } from './types.ts';
export { DEMO_EPOCH } from './random.ts';

/** Fixed demo credentials: not secrets, printed by `bin-emulators` for people to try the app. */
export const demoCredentials = {
  imonggo: {
    account_id: 'demo',
    email: 'owner@demo-shop.test',
    password: 'demo-password',
    api_token: '5f0c8e2a9b7d4c1e3f6a8b0d2c4e6f8a1b3c5d7e',
  },
  bigcommerce: {
    store_hash: 'demo1234',
    domain: 'demo-shop.mybigcommerce.com',
    access_token: 'demoaccesstoken7q2w9e4r6t8y1u3i5o',
    username: 'bin-demo',
    api_token: '9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3',
  },
} as const;

export interface DemoWorld {
  imonggo: ImonggoStateDoc;
  bigcommerce: DemoBigCommerceDoc;
  credentials: typeof demoCredentials;
}

const SEED = 20260115;
const CUSTOMERS_PER_SIDE = 50;
const SHARED_CUSTOMERS = 15;

/**
 * A small Philippine tea and coffee shop with a POS in Imonggo and a new BigCommerce store: about
 * 200 products in Imonggo, 3 of them already on the store, 50 customers on each side (15 of them
 * the same people), and 30 store orders waiting to become invoices. Same output on every call.
 */
export function buildDemoWorld(): DemoWorld {
  const random = new DemoRandom(SEED);
  const catalog = buildCatalog(random);

  const people = buildPeople(random, CUSTOMERS_PER_SIDE * 2 - SHARED_CUSTOMERS);
  const imonggoPeople = people.slice(0, CUSTOMERS_PER_SIDE);
  const storePeople = [...people.slice(0, SHARED_CUSTOMERS), ...people.slice(CUSTOMERS_PER_SIDE)];

  const active = catalog.products.filter((product) => product.status === null);
  const firstActive = (tag: string, leadingZeros: boolean) =>
    active.find((p) => p.tag_list[0] === tag && /^0/.test(p.stock_no) === leadingZeros);
  const onStore = [
    firstActive('Green Tea', true),
    firstActive('Black Tea', false),
    firstActive('Coffee Beans', false),
  ].filter((product) => product !== undefined);

  const storeProducts: BigCommerceProductDoc[] = onStore.map((product, index) => ({
    id: index + 1,
    name: product.name,
    type: 'physical',
    sku: product.stock_no,
    description: `<p>${product.description}</p>`,
    price: product.retail_price,
    weight: 0.25,
    categories: [index === 2 ? 2 : 1],
    inventory_tracking: 'product',
    inventory_level: 10 + index * 7,
    is_visible: true,
    date_created: isoSeconds(daysBefore(30 - index)),
    date_modified: isoSeconds(daysBefore(20 - index)),
  }));

  const orders = buildOrders(random, {
    catalog,
    customers: storePeople,
    linkedProductIds: new Map(storeProducts.map((p) => [p.sku ?? '', p.id ?? 0])),
  });

  const { imonggo: im, bigcommerce: bc } = demoCredentials;
  return {
    imonggo: {
      accounts: [
        {
          ...im,
          products: catalog.products,
          inventories: catalog.inventories,
          customers: imonggoCustomers(random, imonggoPeople, new Set([2, 30])),
          invoices: [],
          branches: [{ id: 1, name: 'Main Branch' }],
          payment_types: [
            { id: 1, name: 'Cash' },
            { id: 2, name: 'Credit Card' },
            { id: 3, name: 'GCash' },
            { id: 4, name: 'Gift Certificate' },
          ],
        },
      ],
    },
    bigcommerce: {
      stores: [
        {
          store_hash: bc.store_hash,
          domain: bc.domain,
          legacy: { username: bc.username, api_token: bc.api_token },
          access_token: bc.access_token,
          categories: [
            { id: 1, parent_id: 0, name: 'Tea', is_visible: true },
            { id: 2, parent_id: 0, name: 'Coffee', is_visible: true },
            { id: 3, parent_id: 0, name: 'Brewing Gear', is_visible: true },
          ],
          products: storeProducts,
          customers: bigCommerceCustomers(random, storePeople, new Set([0, 4, 9])),
          orders,
        },
      ],
    },
    credentials: demoCredentials,
  };
}
