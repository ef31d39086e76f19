import { z } from 'zod';
import { isoSeconds, parseApiTime } from './timestamps.ts';
import { splitTags } from './values.ts';

/** The `PUT /__admin/state` document, in the API's own field names. */

const text = z.union([z.string(), z.number().transform(String)]);
const optionalText = text.default('');
const decimal = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
const id = z.number().int().positive();

const timestamp = z.string().transform((value, ctx) => {
  const ms = parseApiTime(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected a timestamp like 2016-01-05T03:20:33Z' });
    return z.NEVER;
  }
  return isoSeconds(ms);
});

const status = z
  .union([z.literal('D'), z.literal(''), z.null()])
  .default(null)
  .transform((value) => (value === 'D' ? ('D' as const) : null));

const tagList = z
  .union([z.array(z.string()), z.string(), z.null()])
  .default([])
  .transform((value) => (typeof value === 'string' ? splitTags(value) : (value ?? [])));

const stamps = {
  utc_created_at: timestamp.optional(),
  utc_updated_at: timestamp.optional(),
};

export const productDocSchema = z.object({
  id: id.optional(),
  stock_no: optionalText,
  name: z.string().min(1),
  retail_price: decimal.default(0),
  cost: decimal.default(0),
  description: optionalText,
  allow_decimal_quantities: z.boolean().default(false),
  disable_discount: z.boolean().default(false),
  disable_inventory: z.boolean().default(false),
  enable_open_price: z.boolean().default(false),
  tax_exempt: z.boolean().default(false),
  tag_list: tagList,
  barcode_list: z
    .union([text, z.null()])
    .default('')
    .transform((value) => value ?? ''),
  thumbnail_url: z.string().nullable().default(null),
  status,
  ...stamps,
});

export const inventoryDocSchema = z.object({
  product_id: id,
  quantity: decimal,
  branch_id: id.optional(),
  ...stamps,
});

export const customerDocSchema = z.object({
  id: id.optional(),
  code: text.optional(),
  alternate_code: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  name: text.optional(),
  company_name: optionalText,
  tin: optionalText,
  tax_exempt: z.boolean().default(false),
  street: optionalText,
  city: optionalText,
  state: optionalText,
  zipcode: optionalText,
  country: optionalText,
  telephone: optionalText,
  fax: optionalText,
  mobile: optionalText,
  email: optionalText,
  remark: optionalText,
  birthdate: z.string().nullable().default(null),
  status,
  ...stamps,
});

const invoiceLineDocSchema = z.object({
  line_no: z.number().int().optional(),
  product_id: id,
  product_name: text.optional(),
  product_stock_no: text.optional(),
  quantity: decimal.default(1),
  retail_price: decimal.optional(),
  discount_text: optionalText,
  subtotal: decimal.optional(),
  remark: optionalText,
});

const paymentDocSchema = z.object({
  payment_type_id: id.default(1),
  payment_type_name: text.optional(),
  amount: decimal,
  tender: decimal.optional(),
});

export const invoiceDocSchema = z.object({
  id: id.optional(),
  invoice_no: text.optional(),
  invoice_date: timestamp.optional(),
  reference: optionalText,
  customer_id: id.nullable().default(null),
  customer_name: optionalText,
  branch_id: id.optional(),
  user_id: id.optional(),
  remark: optionalText,
  amount: decimal.optional(),
  status: z.string().nullable().default(null),
  void_reason: z.string().nullable().default(null),
  invoice_lines: z.array(invoiceLineDocSchema).min(1),
  payments: z.array(paymentDocSchema).default([]),
  invoice_tax_rates: z
    .array(z.object({ tax_rate_id: id.nullable().default(null), rate: decimal, amount: decimal }))
    .default([]),
  ...stamps,
});

export const branchDocSchema = z.object({
  id: id.optional(),
  name: z.string().min(1),
  street: optionalText,
  city: optionalText,
  state: optionalText,
  country: optionalText,
  zipcode: optionalText,
  tin: optionalText,
  site_type: z.string().nullable().default(null),
  subscription_type: z.number().int().default(2),
  status,
  ...stamps,
});

export const paymentTypeDocSchema = z.object({
  id,
  name: z.string().min(1),
  code: text.optional(),
  status,
});

export const taxSettingsDocSchema = z.object({
  compute_tax: z.boolean().default(false),
  tax_inclusive: z.boolean().default(false),
  tax_rates: z
    .array(
      z.object({
        id: id.nullable().default(null),
        branch_id: id.nullable().default(null),
        name: z.string(),
        status,
        value: decimal,
        tax_rate_type: z.number().int().default(0),
      }),
    )
    .default([]),
});

export const accountDocSchema = z.object({
  account_id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/i, 'expected letters, digits, _ or -'),
  email: z.string().min(1),
  password: z.string().min(1),
  api_token: z.string().min(1),
  user_id: id.default(1),
  products: z.array(productDocSchema).default([]),
  inventories: z.array(inventoryDocSchema).default([]),
  customers: z.array(customerDocSchema).default([]),
  invoices: z.array(invoiceDocSchema).default([]),
  branches: z.array(branchDocSchema).default([]),
  payment_types: z.array(paymentTypeDocSchema).default([]),
  tax_settings: taxSettingsDocSchema.optional(),
});

export const stateDocSchema = z.object({ accounts: z.array(accountDocSchema) });

export type StateDoc = z.output<typeof stateDocSchema>;
export type AccountDoc = z.output<typeof accountDocSchema>;
