import { z } from 'zod';
import { isoDate } from './dates.ts';
import type { CustomerRecord } from './records.ts';

/** Writable fields of a v3 customer, with the lengths of the customers spec. */
export const customerWriteShape = {
  email: z.email().min(3).max(250),
  first_name: z.string().min(1).max(100),
  last_name: z.string().min(1).max(100),
  company: z.string().max(255),
  phone: z.string().max(50),
  notes: z.string(),
  tax_exempt_category: z.string(),
  customer_group_id: z.number().int().min(0),
  accepts_product_review_abandoned_cart_emails: z.boolean(),
};

export const customerUpdateSchema = z.object(customerWriteShape).partial();

export const customerCreateSchema = customerUpdateSchema.required({
  email: true,
  first_name: true,
  last_name: true,
});

export type CustomerUpdate = z.infer<typeof customerUpdateSchema>;

export function newCustomer(id: number, now: number, fields: CustomerUpdate): CustomerRecord {
  const customer: CustomerRecord = {
    id,
    email: '',
    first_name: '',
    last_name: '',
    company: '',
    phone: '',
    notes: '',
    tax_exempt_category: '',
    customer_group_id: 0,
    registration_ip_address: '',
    accepts_product_review_abandoned_cart_emails: false,
    store_credit: 0,
    date_created: now,
    date_modified: now,
  };
  applyCustomerUpdate(customer, fields, now);
  return customer;
}

export function applyCustomerUpdate(
  customer: CustomerRecord,
  fields: CustomerUpdate,
  now: number,
): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) Object.assign(customer, { [key]: value });
  }
  customer.date_modified = now;
}

/** Whether another customer of the store already uses this email; BigCommerce ignores case. */
export function emailTaken(
  customers: Iterable<CustomerRecord>,
  email: string,
  exceptId?: number,
): boolean {
  const wanted = email.toLowerCase();
  for (const customer of customers) {
    if (customer.id !== exceptId && customer.email.toLowerCase() === wanted) return true;
  }
  return false;
}

export function customerToV3(customer: CustomerRecord): Record<string, unknown> {
  const { store_credit, ...fields } = customer;
  return {
    ...fields,
    address_count: 0,
    attribute_count: 0,
    authentication: { force_password_reset: false },
    store_credit_amounts: [{ amount: store_credit }],
    origin_channel_id: 1,
    channel_ids: null,
    date_created: isoDate(customer.date_created),
    date_modified: isoDate(customer.date_modified),
  };
}
