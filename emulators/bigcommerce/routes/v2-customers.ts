import { Hono } from 'hono';
import { z } from 'zod';
import { applyCustomerUpdate, customerWriteShape, emailTaken, newCustomer } from '../customers.ts';
import { rfc2822Date } from '../dates.ts';
import { v2Error, v2NotFound } from '../errors.ts';
import { money4 } from '../orders.ts';
import { pageOf } from '../paging.ts';
import { takeId, type CustomerRecord, type StoreRecord } from '../records.ts';
import { firstMissing, readV2Object } from '../v2-body.ts';
import { v2Date, V2FilterError, v2Int, v2Page, v2Paging } from '../v2-query.ts';
import { v2Decimal } from '../v2-shapes.ts';
import type { BcEnv, World } from '../world.ts';

type Query = (name: string) => string | undefined;

export const v2CustomerSchema = z
  .object({ ...customerWriteShape, store_credit: v2Decimal.pipe(z.number().min(0)) })
  .partial();

const readOnly = [
  'id',
  'date_created',
  'date_modified',
  'accepts_marketing',
  'addresses',
  'form_fields',
];

/**
 * A taken email. v2 documents no body for it; the emulator answers 409, a status a client cannot
 * mistake for a malformed request, and names the address in the message.
 */
const emailInUse = (email: string) =>
  v2Error(409, `The email address ${email} is already in use by another customer.`);

/** `/v2/customers` (deprecated by BigCommerce, still served; the collection DELETE is sunset). */
export function v2CustomerRoutes(world: World): Hono<BcEnv> {
  const app = new Hono<BcEnv>();

  app.get('/customers', (c) => {
    const query: Query = (name) => c.req.query(name);
    const paging = v2Paging(query);
    if (paging instanceof Response) return paging;

    const customers = selectCustomers(c.var.store, query);
    if (customers instanceof Response) return customers;

    return v2Page(
      pageOf(customers, paging).map((customer) => customerToV2(customer, c.var.apiBase)),
    );
  });

  app.get('/customers/count', (c) => {
    const customers = selectCustomers(c.var.store, (name) => c.req.query(name));
    if (customers instanceof Response) return customers;
    return c.json({ count: customers.length });
  });

  app.post('/customers', async (c) => {
    const write = await readV2Object(c.req.raw, v2CustomerSchema, readOnly);
    if (write instanceof Response) return write;

    const missing = firstMissing(write, ['first_name', 'last_name', 'email']);
    if (missing) return missing;

    const { store } = c.var;
    if (write.email && emailTaken(store.customers.values(), write.email))
      return emailInUse(write.email);

    const customer = newCustomer(takeId(store, 'customer'), world.now(), write);
    customer.store_credit = write.store_credit ?? 0;
    store.customers.set(customer.id, customer);
    return c.json(customerToV2(customer, c.var.apiBase));
  });

  app.get('/customers/:customer_id{[0-9]+}', (c) => {
    const customer = c.var.store.customers.get(Number(c.req.param('customer_id')));
    if (!customer) return v2NotFound();
    return c.json(customerToV2(customer, c.var.apiBase));
  });

  app.put('/customers/:customer_id{[0-9]+}', async (c) => {
    const { store } = c.var;
    const customer = store.customers.get(Number(c.req.param('customer_id')));
    if (!customer) return v2NotFound();

    const write = await readV2Object(c.req.raw, v2CustomerSchema, readOnly);
    if (write instanceof Response) return write;

    if (write.email && emailTaken(store.customers.values(), write.email, customer.id)) {
      return emailInUse(write.email);
    }

    applyCustomerUpdate(customer, write, world.now());
    if (write.store_credit !== undefined) customer.store_credit = write.store_credit;
    return c.json(customerToV2(customer, c.var.apiBase));
  });

  app.delete('/customers/:customer_id{[0-9]+}', (c) => {
    const removed = c.var.store.customers.delete(Number(c.req.param('customer_id')));
    return removed ? c.body(null, 204) : v2NotFound();
  });

  return app;
}

function customerToV2(customer: CustomerRecord, base: string): Record<string, unknown> {
  const addresses = `/customers/${customer.id}/addresses`;
  return {
    id: customer.id,
    company: customer.company,
    first_name: customer.first_name,
    last_name: customer.last_name,
    email: customer.email,
    phone: customer.phone,
    store_credit: money4(customer.store_credit),
    registration_ip_address: customer.registration_ip_address,
    customer_group_id: customer.customer_group_id,
    notes: customer.notes,
    tax_exempt_category: customer.tax_exempt_category,
    accepts_marketing: customer.accepts_product_review_abandoned_cart_emails,
    reset_pass_on_login: false,
    date_created: rfc2822Date(customer.date_created),
    date_modified: rfc2822Date(customer.date_modified),
    addresses: { url: `${base}${addresses}.json`, resource: addresses },
    form_fields: null,
  };
}

function selectCustomers(store: StoreRecord, query: Query): CustomerRecord[] | Response {
  try {
    const minId = v2Int(query, 'min_id');
    const maxId = v2Int(query, 'max_id');
    const groupId = v2Int(query, 'customer_group_id');
    const minCreated = v2Date(query, 'min_date_created');
    const maxCreated = v2Date(query, 'max_date_created');
    const minModified = v2Date(query, 'min_date_modified');
    const maxModified = v2Date(query, 'max_date_modified');
    const text = (field: 'first_name' | 'last_name' | 'company' | 'email' | 'phone') =>
      query(field)?.toLowerCase();
    const wanted = {
      first_name: text('first_name'),
      last_name: text('last_name'),
      company: text('company'),
      email: text('email'),
      phone: text('phone'),
    };

    return [...store.customers.values()]
      .filter(
        (customer) =>
          (minId === undefined || customer.id >= minId) &&
          (maxId === undefined || customer.id <= maxId) &&
          (groupId === undefined || customer.customer_group_id === groupId) &&
          (minCreated === undefined || customer.date_created >= minCreated) &&
          (maxCreated === undefined || customer.date_created <= maxCreated) &&
          (minModified === undefined || customer.date_modified >= minModified) &&
          (maxModified === undefined || customer.date_modified <= maxModified) &&
          Object.entries(wanted).every(
            ([field, value]) =>
              value === undefined ||
              String(customer[field as keyof typeof wanted]).toLowerCase() === value,
          ),
      )
      .sort((a, b) => a.id - b.id);
  } catch (error) {
    if (error instanceof V2FilterError) return error.toResponse();
    throw error;
  }
}
