import { z } from 'zod';
import { normalizeTimestamp } from './timestamps.ts';

/**
 * Imonggo records as the client returns them, in the API's field names, the same whatever the
 * wire format: XML sends every scalar as text, JSON as typed values, so each field accepts both
 * and yields one type.
 */

const decimal = z.union([
  z.number(),
  z
    .string()
    .regex(/^\s*-?\d+(\.\d+)?\s*$/)
    .transform(Number),
]);
const integer = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\s*-?\d+\s*$/)
    .transform(Number),
]);
const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '']).transform((value) => value === 'true')])
  .default(false);

/** Codes such as SKUs, barcodes and references stay text, so "007" keeps its zeros. */
const text = z
  .union([z.string(), z.number().transform(String), z.null().transform(() => '')])
  .default('');

const timestamp = z.string().transform((value, ctx) => {
  const normalized = normalizeTimestamp(value);
  if (normalized === undefined) {
    ctx.addIssue({ code: 'custom', message: 'a timestamp such as 2016-01-05T03:20:33Z' });
    return z.NEVER;
  }
  return normalized;
});

/** Imonggo marks deleted records with "D"; active ones have null (XML: nil or empty). */
const deletedStatus = z
  .union([z.literal('D'), z.literal(''), z.null()])
  .default(null)
  .transform((value) => (value === 'D' ? ('D' as const) : null));

/** A comma-separated string in XML, an array in JSON. */
const tagList = z
  .union([z.array(z.string()), z.string(), z.null()])
  .default([])
  .transform((value) => {
    const tags = typeof value === 'string' ? value.split(',') : (value ?? []);
    return tags.map((tag) => tag.trim()).filter((tag) => tag !== '');
  });

export const productSchema = z.object({
  id: integer,
  stock_no: text,
  name: z.string(),
  cost: decimal.default(0),
  retail_price: decimal,
  description: text,
  allow_decimal_quantities: flag,
  disable_discount: flag,
  disable_inventory: flag,
  enable_open_price: flag,
  tax_exempt: flag,
  tag_list: tagList,
  barcode_list: text,
  status: deletedStatus,
  utc_created_at: timestamp,
  utc_updated_at: timestamp,
});
export type Product = z.output<typeof productSchema>;

export const inventorySchema = z.object({
  product_id: integer,
  branch_id: integer.nullable().default(null),
  stock_no: text,
  quantity: decimal,
  utc_created_at: timestamp,
  utc_updated_at: timestamp,
});
export type Inventory = z.output<typeof inventorySchema>;

export const customerSchema = z.object({
  id: integer,
  code: text,
  alternate_code: text,
  first_name: text,
  last_name: text,
  name: text,
  company_name: text,
  tin: text,
  tax_exempt: flag,
  street: text,
  city: text,
  state: text,
  zipcode: text,
  country: text,
  telephone: text,
  fax: text,
  mobile: text,
  email: text,
  remark: text,
  status: deletedStatus,
  utc_created_at: timestamp,
  utc_updated_at: timestamp,
});
export type Customer = z.output<typeof customerSchema>;

export const invoiceLineSchema = z.object({
  product_id: integer,
  product_name: text,
  product_stock_no: text,
  quantity: decimal,
  retail_price: decimal,
  discount_text: text,
  subtotal: decimal.optional(),
});

export const paymentSchema = z.object({
  payment_type_id: integer.nullable().default(null),
  amount: decimal,
  tender: decimal.optional(),
});

export const invoiceSchema = z.object({
  id: integer,
  invoice_no: text,
  invoice_date: timestamp.optional(),
  reference: text,
  customer_id: integer.nullable().default(null),
  branch_id: integer.nullable().default(null),
  remark: text,
  amount: decimal.optional(),
  /** Null while valid; the value a void sets is not documented, so any text is kept. */
  status: z
    .union([z.string(), z.null()])
    .default(null)
    .transform((value) => (value === '' ? null : value)),
  invoice_lines: z.array(invoiceLineSchema).default([]),
  payments: z.array(paymentSchema).default([]),
  utc_created_at: timestamp,
  utc_updated_at: timestamp,
});
export type Invoice = z.output<typeof invoiceSchema>;

export const branchSchema = z.object({
  id: integer,
  name: z.string(),
  site_type: z
    .union([z.string(), z.null()])
    .default(null)
    .transform((value) => (value === '' ? null : value)),
  status: deletedStatus,
});
export type Branch = z.output<typeof branchSchema>;

export const paymentTypeSchema = z.object({
  id: integer,
  name: z.string(),
  code: text,
  status: deletedStatus,
});
export type PaymentType = z.output<typeof paymentTypeSchema>;

export const countSchema = z.object({ count: integer });

export const tokenSchema = z.object({ api_token: z.string().min(1) });
