import type { Product as StoreProduct } from '../../bigcommerce/types.ts';
import type { Product as ImonggoProduct } from '../../imonggo/schemas.ts';
import type { Link } from '../../store/schema.ts';
import { hashValues } from '../hash.ts';
import { PlanBuilder, type Plan, type PlanItem } from '../plan.ts';

/** The values BIN writes to the store for one product; their hash decides whether to update. */
export interface PushedProduct {
  name: string;
  sku: string;
  price: number;
  description: string;
  weight: number;
  inventory_level: number;
}

export interface ProductPayload {
  imonggoId: number;
  values: PushedProduct;
  hash: string;
  /** The store product to write to; absent for a create. */
  storeId?: number;
}

export interface ProductPlanInput {
  /** The Imonggo products to decide on (all of them, or those changed since the last run). */
  products: readonly ImonggoProduct[];
  /** Imonggo quantity per product id; a product without an entry has no inventory row. */
  quantities: ReadonlyMap<number, number>;
  links: readonly Link[];
  /** Store products found for the candidates' SKUs (or the whole store on a full pass). */
  storeProducts: readonly StoreProduct[];
  /** The chosen tags; empty means every product. */
  tags: readonly string[];
}

export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase();
}

export function skuKey(stockNo: string): string {
  return stockNo.trim();
}

/** A plan from one reading: the plan of a run that reads everything before deciding. */
export function planProducts(input: ProductPlanInput): Plan<ProductPayload> {
  const planner = new ProductPlanner(input.tags);
  const plan = planner.plan(input);
  plan.notes.push(...planner.closingNotes());
  return plan;
}

/**
 * Decides, for each Imonggo product, what the store needs: the rules of the user guide's table 3
 * plus linking by SKU and unique names. Pure: it reads nothing and writes nothing. One planner
 * can decide a run's products in several parts (as an incremental read brings them in); the SKUs
 * and names it has decided on carry over from one part to the next, so a duplicate SKU or name is
 * found across parts as within one.
 */
export class ProductPlanner {
  readonly #chosen: Set<string>;
  readonly #seenSkus = new Map<string, ImonggoProduct>();
  readonly #takenNames = new Set<string>();
  #read = 0;
  #kept = 0;
  #inStock = 0;

  constructor(tags: readonly string[]) {
    this.#chosen = new Set(tags.map(normalizeTag).filter((tag) => tag !== ''));
  }

  plan(input: Omit<ProductPlanInput, 'tags'>): Plan<ProductPayload> {
    const plan = new PlanBuilder<ProductPayload>('products');
    const chosen = this.#chosen;
    const products = input.products
      .filter((p) => chosen.size === 0 || p.tag_list.some((tag) => chosen.has(normalizeTag(tag))))
      .sort((a, b) => a.id - b.id);
    this.#read += input.products.length;
    this.#kept += products.length;

    const linkByImonggoId = new Map(input.links.map((link) => [link.imonggo_id, link]));
    const linkByKey = new Map(input.links.map((link) => [link.natural_key.toLowerCase(), link]));
    const storeBySku = new Map(input.storeProducts.map((p) => [p.sku.trim().toLowerCase(), p]));
    const linkedStoreIds = new Set(input.links.map((link) => link.bigcommerce_id));
    for (const p of input.storeProducts) {
      if (!linkedStoreIds.has(String(p.id))) this.#takenNames.add(p.name.trim().toLowerCase());
    }

    for (const product of products) {
      const quantity = input.quantities.get(product.id);
      if (product.status !== 'D' && quantity !== undefined && quantity > 0) this.#inStock += 1;
      const link =
        linkByImonggoId.get(String(product.id)) ??
        linkByKey.get(skuKey(product.stock_no).toLowerCase());
      const item = this.#decide(product, quantity, link, storeBySku);
      plan.add(item);
    }
    return plan;
  }

  /** What the merchant should know about the whole run once every part is planned. */
  closingNotes(): string[] {
    if (this.#kept === 0) {
      return [
        this.#chosen.size > 0
          ? 'No Imonggo product carries the chosen tags: nothing will be posted.'
          : this.#read === 0
            ? 'No products changed in Imonggo since the last run, or the account has none: nothing will be posted.'
            : 'Nothing will be posted.',
      ];
    }
    if (this.#inStock === 0) {
      return ['Every product is deleted or has quantity 0 in Imonggo: nothing will be posted.'];
    }
    return [];
  }

  #decide(
    product: ImonggoProduct,
    quantity: number | undefined,
    link: Link | undefined,
    storeBySku: ReadonlyMap<string, StoreProduct>,
  ): Omit<PlanItem<ProductPayload>, 'seq'> {
    const key = skuKey(product.stock_no);
    const base = {
      entity: 'product' as const,
      key: key || `imonggo-${product.id}`,
      label: product.name,
    };
    const ids = { imonggoId: String(product.id), bigcommerceId: link?.bigcommerce_id ?? null };

    if (key === '') {
      return {
        ...base,
        ...ids,
        action: 'reject',
        reason: 'has no stock number in Imonggo, which the store needs as its SKU',
      };
    }

    // The same product can come twice when a read is planned in parts (see ChangedProducts).
    const twin = this.#seenSkus.get(key.toLowerCase());
    if (twin && twin.id !== product.id) {
      return {
        ...base,
        ...ids,
        action: 'reject',
        reason: `has the same stock number as "${twin.name}"; the store needs SKUs to be unique`,
      };
    }
    this.#seenSkus.set(key.toLowerCase(), product);

    const shown = link !== undefined && link.bigcommerce_id !== null && link.visible !== 0;
    const posted = link !== undefined && link.bigcommerce_id !== null;

    if (product.status === 'D' || quantity === undefined || quantity <= 0) {
      const why =
        product.status === 'D'
          ? 'deleted in Imonggo'
          : quantity === undefined
            ? 'has no stock in Imonggo'
            : 'quantity is 0';
      if (!shown) {
        return {
          ...base,
          ...ids,
          action: 'skip',
          reason: posted ? `${why}; already hidden on the store` : `${why}; not posted`,
        };
      }
      const values = pushedValues(product, 0, nameOf(link, product));
      return {
        ...base,
        ...ids,
        action: 'hide',
        reason: `${why}; hidden on the store`,
        payload: {
          imonggoId: product.id,
          values,
          hash: hashValues({ ...values }),
          storeId: Number(link.bigcommerce_id),
        },
      };
    }

    if (posted) {
      const values = pushedValues(product, quantity, nameOf(link, product));
      const hash = hashValues({ ...values });
      const payload = { imonggoId: product.id, values, hash, storeId: Number(link.bigcommerce_id) };
      if (link.visible === 0) {
        return {
          ...base,
          ...ids,
          action: 'show',
          reason: `back in stock (quantity ${quantity}); shown again`,
          payload,
        };
      }
      if (link.pushed_hash !== hash) {
        return {
          ...base,
          ...ids,
          action: 'update',
          reason: 'changed in Imonggo since the last post',
          payload,
        };
      }
      return { ...base, ...ids, action: 'skip', reason: 'unchanged since the last post' };
    }

    const existing = storeBySku.get(key.toLowerCase());
    if (existing) {
      const values = pushedValues(product, quantity, product.name);
      return {
        ...base,
        imonggoId: String(product.id),
        bigcommerceId: String(existing.id),
        action: 'link',
        reason: `already on the store with SKU ${existing.sku}; linked, not posted again`,
        payload: {
          imonggoId: product.id,
          values,
          hash: hashValues({ ...values }),
          storeId: existing.id,
        },
      };
    }

    let name = product.name;
    let reason = `new in Imonggo with quantity ${quantity}`;
    if (this.#takenNames.has(name.trim().toLowerCase())) {
      name = disambiguate(product.name, key);
      reason += `; another product is already named "${product.name}", so it is posted as "${name}"`;
    }
    this.#takenNames.add(name.trim().toLowerCase());
    const values = pushedValues(product, quantity, name);
    return {
      ...base,
      ...ids,
      action: 'create',
      reason,
      payload: { imonggoId: product.id, values, hash: hashValues({ ...values }) },
    };
  }
}

/** The name a second product with an already-taken name gets: its SKU makes it unique. */
export function disambiguate(name: string, sku: string): string {
  return `${name} (${sku})`;
}

/** A linked product keeps the unique name it was posted with while its Imonggo name stays. */
function nameOf(link: Link | undefined, product: ImonggoProduct): string {
  const unique = disambiguate(product.name, skuKey(product.stock_no));
  return link?.pushed_name === unique ? unique : product.name;
}

function pushedValues(product: ImonggoProduct, quantity: number, name: string): PushedProduct {
  return {
    name,
    sku: skuKey(product.stock_no),
    price: product.retail_price,
    description: escapeHtml(product.description),
    // Imonggo keeps no weight; the store requires one, and 0 means "weight not set".
    weight: 0,
    inventory_level: Math.max(0, Math.floor(quantity)),
  };
}

/**
 * The store renders descriptions as HTML; Imonggo's are plain text, so markup in them is shown as
 * text instead of being run on the storefront.
 */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '<br>');
}
