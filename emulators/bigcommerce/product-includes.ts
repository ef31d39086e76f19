import { calculatedPrice } from './products.ts';
import type { ProductRecord } from './records.ts';
import { FilterError, stringList } from './v3-query.ts';

const includable = [
  'bulk_pricing_rules',
  'channels',
  'custom_fields',
  'images',
  'modifiers',
  'options',
  'parent_relations',
  'primary_image',
  'reviews',
  'variants',
  'videos',
] as const;

type Include = (typeof includable)[number];

/** Reads `include`; a name the products spec does not list is a bad filter (422). */
export function readIncludes(query: (name: string) => string | undefined): Include[] {
  const names = stringList(query, 'include') ?? [];
  return names.map((name) => {
    const known = includable.find((candidate) => candidate === name);
    if (!known) throw new FilterError('include');
    return known;
  });
}

/**
 * The sub-resources an `include` asks for. Emulated products have no images, options or custom
 * fields, so those come back empty; `variants` holds the base variant every product has, which
 * carries the product's own SKU, price and stock.
 */
export function includedResources(
  product: ProductRecord,
  includes: readonly Include[],
): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  for (const include of includes) {
    switch (include) {
      case 'primary_image':
        // The spec types primary_image as an object that is never null; a product without
        // images (the emulator keeps none) leaves it out.
        break;
      case 'channels':
        resources.channels = [1];
        break;
      case 'variants':
        resources.variants = [baseVariant(product)];
        break;
      case 'bulk_pricing_rules':
      case 'custom_fields':
      case 'images':
      case 'modifiers':
      case 'options':
      case 'parent_relations':
      case 'reviews':
      case 'videos':
        resources[include] = [];
        break;
    }
  }
  return resources;
}

function baseVariant(product: ProductRecord): Record<string, unknown> {
  return {
    id: product.id,
    product_id: product.id,
    sku: product.sku,
    sku_id: null,
    price: null,
    calculated_price: calculatedPrice(product),
    sale_price: null,
    weight: null,
    calculated_weight: product.weight,
    inventory_level: product.inventory_level,
    inventory_warning_level: product.inventory_warning_level,
    purchasing_disabled: false,
    option_values: [],
  };
}
