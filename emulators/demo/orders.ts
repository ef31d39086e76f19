import type { Catalog } from './catalog.ts';
import type { Person } from './people.ts';
import { daysBefore, isoSeconds, type DemoRandom } from './random.ts';
import type { BigCommerceOrderDoc, BigCommerceOrderLineDoc, ImonggoProductDoc } from './types.ts';

/** Thirty statuses from the fixed table, in the mix a small shop sees over six weeks. */
const statusMix = [
  11, 11, 11, 11, 11, 11, 11, 11, 10, 10, 10, 10, 10, 10, 2, 2, 2, 2, 1, 1, 1, 0, 0, 5, 5, 6, 4, 14,
  7, 9,
];

/** SKUs sold on the store that Imonggo has never had: a gift card, wrapping, a bundle. */
const storeOnlyItems: [sku: string, name: string, price: number][] = [
  ['GIFT-CARD-500', 'Gift Card ₱500', 500],
  ['GIFT-WRAP', 'Gift Wrapping', 45.5],
  ['BUNDLE-TASTER-01', 'Tea Taster Bundle', 799.75],
];

const guest: Person = {
  first_name: 'Walk-in',
  last_name: 'Guest',
  email: 'guest.buyer@example.com',
  phone: '+63 917 000 0000',
  company: '',
  street: '8 Ayala Ave',
  city: 'Makati',
  state: 'Metro Manila',
  zip: '1226',
};

export interface OrderInputs {
  catalog: Catalog;
  /** BigCommerce customers by id (1-based), and the products already on the store by SKU. */
  customers: Person[];
  linkedProductIds: ReadonlyMap<string, number>;
}

/**
 * Thirty orders over the last six weeks. Lines name Imonggo stock numbers as SKUs. A few name a
 * product Imonggo deleted long before the order (order 3), one deleted only after it (order 5),
 * or one Imonggo never had (orders 7 and 20); the rest are picked at random. Order 12 is a guest
 * checkout (customer 0).
 */
export function buildOrders(random: DemoRandom, inputs: OrderInputs): BigCommerceOrderDoc[] {
  const active = inputs.catalog.products.filter((product) => product.status === null);
  const statuses = random.sample(statusMix, statusMix.length);

  return statuses.map((statusId, index) => {
    const id = 101 + index;
    const created = daysBefore(random.int(3, 45), random.int(0, 1200));
    const lineCount = random.int(1, 4);
    const lines: BigCommerceOrderLineDoc[] = [];

    for (let n = 0; n < lineCount; n += 1) {
      lines.push(lineFor(random, pickProduct(random, active, inputs.catalog, index, n), inputs));
    }
    if (index === 7 || index === 20) lines.push(storeOnlyLine(random, index));

    const customerId = index === 12 ? 0 : random.int(1, inputs.customers.length);
    const buyer = customerId === 0 ? guest : (inputs.customers[customerId - 1] ?? guest);
    const shipping = random.chance(0.6) ? random.pick([120, 150, 180.5]) : 0;
    const modified = Math.min(created + random.int(0, 4) * 86_400_000, daysBefore(0, -60));

    return {
      id,
      customer_id: customerId,
      status_id: statusId,
      date_created: isoSeconds(created),
      date_modified: isoSeconds(modified),
      date_shipped: statusId === 2 || statusId === 10 ? isoSeconds(modified) : '',
      shipping_cost_ex_tax: shipping,
      shipping_cost_inc_tax: shipping,
      payment_method: random.pick(['Credit Card', 'GCash', 'Cash on Delivery', 'Bank Deposit']),
      currency_code: 'PHP',
      billing_address: {
        first_name: buyer.first_name,
        last_name: buyer.last_name,
        company: buyer.company,
        street_1: buyer.street,
        street_2: '',
        city: buyer.city,
        state: buyer.state,
        zip: buyer.zip,
        country: 'Philippines',
        country_iso2: 'PH',
        phone: buyer.phone,
        email: buyer.email,
      },
      products: lines,
    };
  });
}

function pickProduct(
  random: DemoRandom,
  active: ImonggoProductDoc[],
  catalog: Catalog,
  orderIndex: number,
  lineIndex: number,
): ImonggoProductDoc {
  if (lineIndex === 0 && orderIndex === 3) return random.pick(catalog.deletedEarly);
  if (lineIndex === 0 && orderIndex === 5) return random.pick(catalog.deletedLate);
  if (random.chance(0.04)) return random.pick(catalog.deletedLate);
  return random.pick(active);
}

/**
 * Lines for products not on the store are custom-product lines (`product_id` 0), which the orders
 * guide allows; BIN matches lines to Imonggo by SKU, not by product id.
 */
function lineFor(
  random: DemoRandom,
  product: ImonggoProductDoc,
  inputs: OrderInputs,
): BigCommerceOrderLineDoc {
  return {
    product_id: inputs.linkedProductIds.get(product.stock_no) ?? 0,
    name: product.name,
    sku: product.stock_no,
    quantity: random.int(1, 3),
    base_price: product.retail_price,
  };
}

function storeOnlyLine(random: DemoRandom, orderIndex: number): BigCommerceOrderLineDoc {
  const [sku, name, price] = storeOnlyItems[orderIndex % storeOnlyItems.length] ?? [
    'GIFT-WRAP',
    'Gift Wrapping',
    45.5,
  ];
  return { product_id: 0, name, sku, quantity: random.int(1, 2), base_price: price };
}
