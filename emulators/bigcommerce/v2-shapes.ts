import { z } from 'zod';
import { rfc2822Date } from './dates.ts';
import { money4 } from './orders.ts';
import { calculatedPrice, slug, type ProductUpdate } from './products.ts';
import type { InventoryTracking, ProductRecord } from './records.ts';

/** v2 decimals arrive as numbers or as strings such as `"29.99"` (the spec's own example). */
export const v2Decimal = z.union([
  z.number(),
  z
    .string()
    .regex(/^\s*-?\d+(\.\d+)?\s*$/, 'not a decimal number')
    .transform(Number),
]);

const trackingToV3: Record<string, InventoryTracking> = {
  none: 'none',
  simple: 'product',
  sku: 'variant',
};

const trackingToV2: Record<InventoryTracking, string> = {
  none: 'none',
  product: 'simple',
  variant: 'sku',
};

/** The fields a v2 product write may carry; v2 calls variant tracking `sku` and simple `simple`. */
export const v2ProductSchema = z
  .object({
    name: z.string().min(1).max(250),
    type: z.enum(['physical', 'digital']),
    sku: z.string().max(255),
    description: z.string(),
    search_keywords: z.string(),
    price: v2Decimal.pipe(z.number().min(0)),
    cost_price: v2Decimal.pipe(z.number().min(0)),
    retail_price: v2Decimal.pipe(z.number().min(0)),
    sale_price: v2Decimal.pipe(z.number().min(0)),
    sort_order: z.number().int(),
    is_visible: z.boolean(),
    is_featured: z.boolean(),
    inventory_level: z.number().int(),
    inventory_warning_level: z.number().int(),
    weight: v2Decimal.pipe(z.number().min(0)),
    width: v2Decimal.pipe(z.number().min(0)),
    height: v2Decimal.pipe(z.number().min(0)),
    depth: v2Decimal.pipe(z.number().min(0)),
    inventory_tracking: z.enum(['none', 'simple', 'sku']),
    brand_id: z.number().int().min(0),
    page_title: z.string(),
    meta_description: z.string(),
    categories: z.array(z.number().int()),
    condition: z.enum(['New', 'Used', 'Refurbished']),
    availability: z.enum(['available', 'disabled', 'preorder']),
    upc: z.string(),
    tax_class_id: z.number().int().min(0),
  })
  .partial();

export type V2ProductWrite = z.infer<typeof v2ProductSchema>;

export const v2ProductRequired = [
  'name',
  'price',
  'categories',
  'type',
  'availability',
  'weight',
] as const;

export const v2ProductReadOnlyOnCreate = [
  'id',
  'calculated_price',
  'brand',
  'images',
  'discount_rules',
  'configurable_fields',
  'custom_fields',
  'primary_image',
  'videos',
  'rules',
  'option_set',
  'options',
  'tax_class',
];

export const v2ProductReadOnlyOnUpdate = [
  ...v2ProductReadOnlyOnCreate,
  'rating_total',
  'rating_count',
  'number_sold',
  'date_created',
  'date_modified',
  'date_last_imported',
];

export function v2ProductToUpdate(write: V2ProductWrite): ProductUpdate {
  const { inventory_tracking, ...fields } = write;
  return inventory_tracking === undefined
    ? fields
    : { ...fields, inventory_tracking: trackingToV3[inventory_tracking] ?? 'none' };
}

/** A product in the v2 shape: four-decimal strings, RFC 2822 dates, links to sub-resources. */
export function productToV2(product: ProductRecord, base: string): Record<string, unknown> {
  const link = (path: string) => ({ url: `${base}${path}.json`, resource: path });
  const resource = `/products/${product.id}`;

  return {
    id: product.id,
    name: product.name,
    type: product.type,
    sku: product.sku,
    description: product.description,
    search_keywords: product.search_keywords,
    availability_description: '',
    price: money4(product.price),
    cost_price: money4(product.cost_price),
    retail_price: money4(product.retail_price),
    sale_price: money4(product.sale_price),
    calculated_price: money4(calculatedPrice(product)),
    sort_order: product.sort_order,
    is_visible: product.is_visible,
    is_featured: product.is_featured,
    related_products: '-1',
    inventory_level: product.inventory_level,
    inventory_warning_level: product.inventory_warning_level,
    weight: money4(product.weight),
    width: money4(product.width),
    height: money4(product.height),
    depth: money4(product.depth),
    is_free_shipping: false,
    inventory_tracking: trackingToV2[product.inventory_tracking],
    rating_total: 0,
    rating_count: 0,
    total_sold: product.total_sold,
    date_created: rfc2822Date(product.date_created),
    date_modified: rfc2822Date(product.date_modified),
    brand_id: product.brand_id,
    view_count: product.view_count,
    page_title: product.page_title,
    meta_keywords: product.meta_keywords.join(','),
    meta_description: product.meta_description,
    categories: product.categories,
    condition: product.condition,
    upc: product.upc,
    tax_class_id: product.tax_class_id,
    custom_url: `/${slug(product.name)}/`,
    primary_image: null,
    availability: product.availability,
    images: link(`${resource}/images`),
    custom_fields: link(`${resource}/customfields`),
    skus: link(`${resource}/skus`),
    options: link(`${resource}/options`),
  };
}
