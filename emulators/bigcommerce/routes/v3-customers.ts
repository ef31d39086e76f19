import { Hono } from 'hono';
import { z } from 'zod';
import {
  applyCustomerUpdate,
  customerCreateSchema,
  customerToV3,
  customerUpdateSchema,
  emailTaken,
  newCustomer,
} from '../customers.ts';
import { v3Error } from '../errors.ts';
import { pageOf, paginationMeta, readPaging } from '../paging.ts';
import { takeId, type CustomerRecord, type StoreRecord } from '../records.ts';
import { parseBody, readJsonBody } from '../request-body.ts';
import { date, FilterError, intList, stringList } from '../v3-query.ts';
import { v3BadPaging, v3Invalid, v3InvalidJson, withFilters } from '../v3-replies.ts';
import type { BcEnv, World } from '../world.ts';

type Query = (name: string) => string | undefined;

const BATCH_LIMIT = 10;
// Built once: zod compiles a schema on its first parse, so a schema built per request costs a
// compile on every batch.
export const customerBatchCreateSchema = customerCreateSchema.array().min(1);
export const customerBatchUpdateSchema = customerUpdateSchema
  .extend({ id: z.number().int().min(1) })
  .array()
  .min(1);

const tooMany = () =>
  v3Error(413, 'The request payload is too large. The maximum items allowed in the array is 10.');

/**
 * A taken email. The spec only says `email` "Must be unique" and lists 422 as the failure of a
 * create or update, so the emulator answers 422 naming the item's email; no live body is known,
 * and the title follows the spec's 422 example for a failed create.
 */
const emailInUse = (title: string, index: number, email: string) =>
  v3Error(422, title, { [`${index}.email`]: `The email address ${email} is already in use.` });

/**
 * Query names the list accepts; others get 422, as the live API was seen to answer. Cursor paging
 * (`after`, `before`) is not emulated, so it is refused rather than silently ignored.
 */
const knownListParams = new Set([
  'page',
  'limit',
  'id:in',
  'email:in',
  'name:in',
  'name:like',
  'company:in',
  'phone:in',
  'registration_ip_address:in',
  'customer_group_id:in',
  'date_created',
  'date_created:min',
  'date_created:max',
  'date_modified',
  'date_modified:min',
  'date_modified:max',
  'include',
  'sort',
]);

/** `/v3/customers`: list, batch create, batch update, batch delete. */
export function v3CustomerRoutes(world: World): Hono<BcEnv> {
  const app = new Hono<BcEnv>();

  app.get('/', (c) => {
    const query: Query = (name) => c.req.query(name);
    const unknown = Object.keys(c.req.query()).filter((name) => !knownListParams.has(name));
    if (unknown.length > 0) {
      const message = `The filter(s): ${unknown.join(', ')} are not valid filter parameter(s).`;
      return v3Error(422, message, { filter: message });
    }

    const paging = readPaging(query);
    if (!paging.ok) return v3BadPaging(paging.field, paging.tooLarge);

    const customers = withFilters(() => selectCustomers(c.var.store, query));
    if (customers instanceof Response) return customers;

    const withAddresses = (stringList(query, 'include') ?? []).includes('addresses');
    const page = pageOf(customers, paging.paging);
    const data = page.map((customer) => ({
      ...customerToV3(customer),
      ...(withAddresses ? { addresses: [] } : {}),
    }));
    return c.json({ data, meta: paginationMeta(customers.length, page.length, paging.paging) });
  });

  app.post('/', async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return v3InvalidJson();
    if (!Array.isArray(body.value)) return v3Invalid({ body: 'expected an array of customers' });
    if (body.value.length > BATCH_LIMIT) return tooMany();

    const batch = parseBody(customerBatchCreateSchema, body.value);
    if (!batch.ok) return v3Invalid(batch.errors);

    const { store } = c.var;
    const seen: CustomerRecord[] = [...store.customers.values()];
    for (const [index, fields] of batch.value.entries()) {
      if (emailTaken(seen, fields.email)) {
        return emailInUse('Create customers failed.', index, fields.email);
      }
      seen.push(newCustomer(-1 - index, 0, fields));
    }

    const now = world.now();
    const created = batch.value.map((fields) => {
      const customer = newCustomer(takeId(store, 'customer'), now, fields);
      store.customers.set(customer.id, customer);
      return customerToV3(customer);
    });
    return c.json({ data: created, meta: {} });
  });

  app.put('/', async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return v3InvalidJson();
    if (!Array.isArray(body.value)) return v3Invalid({ body: 'expected an array of customers' });
    if (body.value.length > BATCH_LIMIT) return tooMany();

    const batch = parseBody(customerBatchUpdateSchema, body.value);
    if (!batch.ok) return v3Invalid(batch.errors);

    const { store } = c.var;
    const failure = checkUpdates(store, batch.value);
    if (failure) return failure;

    const now = world.now();
    const updated = batch.value.map(({ id, ...fields }) => {
      const customer = store.customers.get(id) as CustomerRecord;
      applyCustomerUpdate(customer, fields, now);
      return customerToV3(customer);
    });
    return c.json({ data: updated, meta: {} });
  });

  app.delete('/', (c) => {
    const ids = withFilters(() => intList((name) => c.req.query(name), 'id:in'));
    if (ids instanceof Response) return ids;

    // The spec: without `id:in` the call answers 204 and changes nothing.
    for (const id of ids ?? []) c.var.store.customers.delete(id);
    return c.body(null, 204);
  });

  return app;
}

/** Every id must exist and no two customers may end up with one email; nothing is applied otherwise. */
function checkUpdates(
  store: StoreRecord,
  batch: readonly { id: number; email?: string | undefined }[],
): Response | undefined {
  const emails = new Map<number, string>();
  for (const customer of store.customers.values()) emails.set(customer.id, customer.email);

  for (const [index, item] of batch.entries()) {
    if (!store.customers.has(item.id)) {
      return v3Error(422, 'Update customers failed.', {
        [`${index}.id`]: `Customer ${item.id} does not exist.`,
      });
    }
    if (item.email !== undefined) emails.set(item.id, item.email);
  }

  for (const [index, item] of batch.entries()) {
    if (item.email === undefined) continue;
    const wanted = item.email.toLowerCase();
    const clash = [...emails].some(
      ([id, email]) => id !== item.id && email.toLowerCase() === wanted,
    );
    if (clash) return emailInUse('Update customers failed.', index, item.email);
  }
  return undefined;
}

function selectCustomers(store: StoreRecord, query: Query): CustomerRecord[] {
  const idIn = intList(query, 'id:in');
  const emailIn = stringList(query, 'email:in')?.map((email) => email.toLowerCase());
  const nameIn = stringList(query, 'name:in')?.map((name) => name.toLowerCase());
  const nameLike = query('name:like')?.toLowerCase();
  const companyIn = stringList(query, 'company:in')?.map((company) => company.toLowerCase());
  const phoneIn = stringList(query, 'phone:in');
  const groupIn = intList(query, 'customer_group_id:in');
  const ipIn = stringList(query, 'registration_ip_address:in');
  const created = date(query, 'date_created');
  const createdMin = date(query, 'date_created:min');
  const createdMax = date(query, 'date_created:max');
  const modified = date(query, 'date_modified');
  const modifiedMin = date(query, 'date_modified:min');
  const modifiedMax = date(query, 'date_modified:max');

  const customers = [...store.customers.values()].filter((customer) => {
    const fullName = `${customer.first_name} ${customer.last_name}`.toLowerCase();
    return (
      (idIn === undefined || idIn.includes(customer.id)) &&
      (emailIn === undefined || emailIn.includes(customer.email.toLowerCase())) &&
      (nameIn === undefined || nameIn.includes(fullName)) &&
      (nameLike === undefined || fullName.includes(nameLike)) &&
      (companyIn === undefined || companyIn.includes(customer.company.toLowerCase())) &&
      (phoneIn === undefined || phoneIn.includes(customer.phone)) &&
      (groupIn === undefined || groupIn.includes(customer.customer_group_id)) &&
      (ipIn === undefined || ipIn.includes(customer.registration_ip_address)) &&
      (created === undefined || customer.date_created === created) &&
      (createdMin === undefined || customer.date_created >= createdMin) &&
      (createdMax === undefined || customer.date_created <= createdMax) &&
      (modified === undefined || customer.date_modified === modified) &&
      (modifiedMin === undefined || customer.date_modified >= modifiedMin) &&
      (modifiedMax === undefined || customer.date_modified <= modifiedMax)
    );
  });

  return sortCustomers(customers, query('sort'));
}

const sortKeys = ['date_created', 'date_modified', 'last_name'] as const;

function sortCustomers(customers: CustomerRecord[], sort: string | undefined): CustomerRecord[] {
  if (sort === undefined) return customers.sort((a, b) => a.id - b.id);

  const [field, direction = 'asc'] = sort.split(':');
  const key = sortKeys.find((candidate) => candidate === field);
  if (!key || (direction !== 'asc' && direction !== 'desc')) throw new FilterError('sort');

  const sign = direction === 'asc' ? 1 : -1;
  return customers.sort((a, b) => {
    const order = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id - b.id;
    return order * sign;
  });
}
