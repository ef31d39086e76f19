import { z } from 'zod';
import type {
  BillingAddress,
  Category,
  Customer,
  CustomerAddress,
  InventoryTracking,
  Order,
  OrderCount,
  OrderProduct,
  OrderStatus,
  Product,
} from './types.ts';

/** v2 sends money and decimals as strings with four decimals ("89.0000"); v3 as numbers. */
const decimal = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);

/** v2 dates are RFC-2822 ("Mon, 24 Sep 2012 01:34:57 +0000"), v3 ISO-8601; both become ISO. */
const timestamp = z.string().transform((value, ctx) => {
  const millis = Date.parse(value);
  if (Number.isNaN(millis)) {
    ctx.addIssue({ code: 'custom', message: 'a date', input: value });
    return z.NEVER;
  }
  return new Date(millis).toISOString();
});

/** Free text the API may send as null or leave out. */
const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

const id = z.number().int();

export const v3ProductSchema = z
  .object({
    id,
    name: z.string(),
    sku: text,
    price: z.number(),
    description: text,
    weight: z.number(),
    categories: z.array(id),
    inventory_level: z.number().int(),
    inventory_tracking: z.enum(['none', 'product', 'variant']),
    is_visible: z.boolean(),
    date_modified: timestamp,
  })
  .transform((raw): Product => raw);

/** The v3 fields `Product` needs; `include_fields` keeps answers small (the id always comes). */
export const v3ProductFields = [
  'name',
  'sku',
  'price',
  'description',
  'weight',
  'categories',
  'inventory_level',
  'inventory_tracking',
  'is_visible',
  'date_modified',
].join(',');

const v2Tracking: Record<'none' | 'simple' | 'sku', InventoryTracking> = {
  none: 'none',
  simple: 'product',
  sku: 'variant',
};

export const v2ProductSchema = z
  .object({
    id,
    name: z.string(),
    sku: text,
    price: decimal,
    description: text,
    weight: decimal,
    categories: z.array(id),
    inventory_level: z.number().int(),
    inventory_tracking: z.enum(['none', 'simple', 'sku']),
    is_visible: z.boolean(),
    date_modified: timestamp,
  })
  .transform((raw): Product => ({
    ...raw,
    inventory_tracking: v2Tracking[raw.inventory_tracking],
  }));

export const categorySchema = z
  .object({
    id,
    parent_id: id,
    name: z.string(),
    is_visible: z.boolean(),
  })
  .transform((raw): Category => raw);

const v3AddressSchema = z
  .object({
    id,
    first_name: text,
    last_name: text,
    company: text,
    address1: text,
    address2: text,
    city: text,
    state_or_province: text,
    postal_code: text,
    country_code: text,
    phone: text,
  })
  .transform((raw): CustomerAddress => raw);

const customerFields = {
  id,
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  phone: text,
  company: text,
  date_modified: timestamp,
};

export const v3CustomerSchema = z
  .object({ ...customerFields, addresses: z.array(v3AddressSchema).optional() })
  .transform((raw): Customer => raw);

export const v2CustomerSchema = z
  .object(customerFields)
  .transform((raw): Customer => ({ ...raw, addresses: undefined }));

const billingAddressSchema = z
  .object({
    first_name: text,
    last_name: text,
    company: text,
    street_1: text,
    street_2: text,
    city: text,
    state: text,
    zip: text,
    country: text,
    country_iso2: text,
    phone: text,
    email: text,
  })
  .transform((raw): BillingAddress => raw);

export const orderSchema = z
  .object({
    id,
    customer_id: id,
    status_id: id,
    status: z.string(),
    date_created: timestamp,
    date_modified: timestamp,
    subtotal_ex_tax: decimal,
    subtotal_inc_tax: decimal,
    shipping_cost_ex_tax: decimal,
    shipping_cost_inc_tax: decimal,
    total_ex_tax: decimal,
    total_inc_tax: decimal,
    total_tax: decimal.optional(),
    discount_amount: decimal.optional(),
    items_total: z.number().optional(),
    payment_method: text,
    currency_code: text,
    customer_message: text,
    staff_notes: text,
    is_deleted: z.boolean().optional(),
    billing_address: billingAddressSchema,
  })
  .transform((raw): Order => ({
    ...raw,
    total_tax: raw.total_tax ?? raw.total_inc_tax - raw.total_ex_tax,
    discount_amount: raw.discount_amount ?? 0,
    items_total: raw.items_total ?? 0,
    is_deleted: raw.is_deleted ?? false,
  }));

export const orderProductSchema = z
  .object({
    id,
    order_id: id,
    product_id: id,
    variant_id: id.nullish().transform((value) => value ?? null),
    name: z.string(),
    sku: text,
    quantity: z.number(),
    base_price: decimal,
    price_ex_tax: decimal,
    price_inc_tax: decimal,
    total_ex_tax: decimal,
    total_inc_tax: decimal,
  })
  .transform((raw): OrderProduct => raw);

export const orderStatusSchema = z
  .object({
    id,
    name: z.string(),
    system_label: text,
    custom_label: text,
    system_description: text,
    order: z.number().int(),
  })
  .transform((raw): OrderStatus => raw);

export const orderCountSchema = z
  .object({
    count: z.number(),
    statuses: z.array(z.object({ id, name: z.string(), count: z.number() })).default([]),
  })
  .transform((raw): OrderCount => raw);

/** v3 collections: `{data: [...], meta: {pagination}}`. */
export function v3Collection<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    meta: z.object({
      pagination: z.object({
        total: z.number().int(),
        current_page: z.number().int(),
        total_pages: z.number().int(),
      }),
    }),
  });
}

/** v3 single records and batch answers without paging: `{data, meta}`. */
export function v3Envelope<T extends z.ZodType>(data: T) {
  return z.object({ data });
}
