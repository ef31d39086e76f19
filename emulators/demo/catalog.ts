import { cents, daysBefore, isoSeconds, type DemoRandom } from './random.ts';
import type { ImonggoInventoryDoc, ImonggoProductDoc } from './types.ts';

interface Shelf {
  tag: string;
  code: string;
  /** Price in pesos of the first size. */
  base: number;
  items: string[];
  sizes: [label: string, factor: number][];
  describe: (item: string) => string;
}

const teaSizes: Shelf['sizes'] = [
  ['50g', 1],
  ['100g', 1.8],
  ['250g', 4],
];
const coffeeSizes: Shelf['sizes'] = [
  ['250g', 1],
  ['500g', 1.85],
  ['1kg', 3.5],
];

/** Nine shelves of a small tea and coffee shop; every product carries its shelf as a tag. */
const shelves: Shelf[] = [
  {
    tag: 'Green Tea',
    code: 'GT',
    base: 285,
    items: [
      'Sencha',
      'Gyokuro',
      'Dragon Well',
      'Jasmine Pearls',
      'Genmaicha',
      'Hojicha',
      'Gunpowder',
      'Bancha',
    ],
    sizes: teaSizes,
    describe: (item) => `${item} green tea, loose leaf, packed in a resealable pouch.`,
  },
  {
    tag: 'Black Tea',
    code: 'BT',
    base: 245,
    items: [
      'English Breakfast',
      'Earl Grey',
      'Assam Golden Tips',
      'Darjeeling First Flush',
      'Ceylon Orange Pekoe',
      'Lapsang Souchong',
      'Keemun',
      'Yunnan Gold',
    ],
    sizes: teaSizes,
    describe: (item) => `${item} black tea, loose leaf. Brew 3-4 minutes at 95°C.`,
  },
  {
    tag: 'Herbal Tea',
    code: 'HT',
    base: 210,
    items: [
      'Chamomile Blossom',
      'Peppermint Leaf',
      'Lemongrass Ginger',
      'Rooibos Vanilla',
      'Hibiscus Berry',
      'Salabat Ginger',
      'Turmeric Chai',
      'Pandan Infusion',
    ],
    sizes: teaSizes,
    describe: (item) => `${item}, caffeine free herbal blend.`,
  },
  {
    tag: 'Coffee Beans',
    code: 'CB',
    base: 420,
    items: [
      'Benguet Arabica',
      'Sagada Dark Roast',
      'Barako Batangas',
      'Colombia Supremo',
      'Ethiopia Yirgacheffe',
      'Sumatra Mandheling',
      'House Espresso Blend',
      'Decaf Swiss Water',
    ],
    sizes: coffeeSizes,
    describe: (item) => `${item}, whole beans roasted weekly in small batches.`,
  },
  {
    tag: 'Ground Coffee',
    code: 'GC',
    base: 385,
    items: [
      'Morning Blend',
      'French Roast',
      'Barako Fine Grind',
      'Mocha Java',
      'Italian Roast',
      'Breakfast Blend',
      'Vanilla Hazelnut',
      'Cinnamon Dolce',
    ],
    sizes: coffeeSizes,
    describe: (item) => `${item}, medium grind for drip and pour-over.`,
  },
  {
    tag: 'Brewing Gear',
    code: 'BG',
    base: 890,
    items: [
      'Pour-Over Dripper',
      'Gooseneck Kettle',
      'French Press',
      'Moka Pot',
      'Cold Brew Jar',
      'Hand Burr Grinder',
      'Glass Teapot',
      'Bamboo Matcha Whisk',
      'Tea Infuser Ball',
      'Milk Frothing Pitcher',
      'Digital Coffee Scale',
      'Siphon Brewer',
    ],
    sizes: [
      ['Small', 1],
      ['Large', 1.4],
    ],
    describe: (item) => `${item} for the home barista.`,
  },
  {
    tag: 'Cups & Mugs',
    code: 'CM',
    base: 345,
    items: [
      'Stoneware Mug',
      'Double-Wall Glass',
      'Enamel Camp Mug',
      'Porcelain Teacup',
      'Travel Tumbler',
      'Espresso Cup',
      'Latte Bowl',
      'Gaiwan',
    ],
    sizes: [
      ['White', 1],
      ['Charcoal', 1.05],
      ['Sage', 1.05],
    ],
    describe: (item) => `${item}, dishwasher safe.`,
  },
  {
    tag: 'Syrups',
    code: 'SY',
    base: 265,
    items: [
      'Vanilla Syrup',
      'Caramel Syrup',
      'Hazelnut Syrup',
      'Salted Caramel Syrup',
      'Ube Syrup',
      'Muscovado Syrup',
      'Pandan Syrup',
      'Dark Chocolate Sauce',
    ],
    sizes: [
      ['250ml', 1],
      ['750ml', 2.4],
    ],
    describe: (item) => `${item} for coffee, tea and desserts.`,
  },
  {
    tag: 'Café Supplies',
    code: 'CS',
    base: 145,
    items: [
      'Paper Cups 8oz',
      'Paper Cups 12oz',
      'Cup Lids',
      'Wooden Stirrers',
      'Kraft Paper Bags',
      'Unbleached Filters #2',
      'Raw Cane Sugar Sticks',
      'Cocktail Napkins',
    ],
    sizes: [
      ['Pack of 50', 1],
      ['Pack of 100', 1.8],
    ],
    describe: (item) => `${item}, for cafés and offices.`,
  },
];

/** A tag shared across shelves, so one tag maps to products of several kinds. */
const BESTSELLER = 'Bestseller';

export interface Catalog {
  products: ImonggoProductDoc[];
  inventories: ImonggoInventoryDoc[];
  /** Deleted products, split by when they were deleted relative to the order window. */
  deletedEarly: ImonggoProductDoc[];
  deletedLate: ImonggoProductDoc[];
}

/** When the early deletions happened: before every demo order. */
export const EARLY_DELETION_DAYS = 100;
/** When the late deletions happened: after most demo orders. */
export const LATE_DELETION_DAYS = 2;

/**
 * About 200 Imonggo products over nine shelf tags plus a shared "Bestseller" tag. Every sixth
 * stock number is all digits with leading zeros, as shops that key codes by hand often have.
 */
export function buildCatalog(random: DemoRandom): Catalog {
  const products: ImonggoProductDoc[] = [];

  for (const shelf of shelves) {
    let seq = 0;
    for (const item of shelf.items) {
      for (const [size, factor] of shelf.sizes) {
        seq += 1;
        const id = products.length + 1;
        const price = cents(shelf.base * factor + random.int(0, 99) / 100 + random.int(0, 4) * 5);
        const created = daysBefore(random.int(200, 420), random.int(0, 600));
        const stamp = isoSeconds(created);

        products.push({
          id,
          stock_no:
            id % 6 === 0
              ? String(id).padStart(6, '0')
              : `${shelf.code}-${String(seq).padStart(3, '0')}`,
          name: shelf.code === 'BG' ? `${item} (${size})` : `${item} ${size}`,
          retail_price: price,
          cost: cents(price * (0.52 + random.next() * 0.12)),
          description: shelf.describe(item),
          tag_list: random.chance(0.15) ? [shelf.tag, BESTSELLER] : [shelf.tag],
          barcode_list: random.chance(0.6)
            ? `480${String(random.int(0, 9_999_999_999)).padStart(10, '0')}`
            : '',
          status: null,
          utc_created_at: stamp,
          utc_updated_at: isoSeconds(created + random.int(0, 60) * 86_400_000),
        });
      }
    }
  }

  const doomed = random.sample(products, 10);
  const deletedEarly = doomed.slice(0, 5);
  const deletedLate = doomed.slice(5);
  for (const product of deletedEarly) markDeleted(product, daysBefore(EARLY_DELETION_DAYS));
  for (const product of deletedLate) markDeleted(product, daysBefore(LATE_DELETION_DAYS));

  return { products, inventories: buildInventories(random, products), deletedEarly, deletedLate };
}

function markDeleted(product: ImonggoProductDoc, at: number): void {
  product.status = 'D';
  product.utc_updated_at = isoSeconds(at);
}

/** Stock at the main branch: a few products sold out, a few never counted (no row at all). */
function buildInventories(
  random: DemoRandom,
  products: ImonggoProductDoc[],
): ImonggoInventoryDoc[] {
  const inventories: ImonggoInventoryDoc[] = [];

  for (const product of products) {
    if (product.status === 'D' || product.id % 17 === 0) continue;

    const soldOut = random.chance(0.1);
    inventories.push({
      product_id: product.id,
      quantity: soldOut ? 0 : random.int(1, 120),
      branch_id: 1,
    });
  }
  return inventories;
}
