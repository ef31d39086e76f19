import { Hono } from 'hono';
import { z } from 'zod';
import { v2Error, v2NotFound } from '../errors.ts';
import { orderStatuses, orderStatusToV2 } from '../order-statuses.ts';
import { orderLineToV2, orderToV2 } from '../orders.ts';
import { pageOf } from '../paging.ts';
import type { OrderRecord, StoreRecord } from '../records.ts';
import { readJsonBody } from '../request-body.ts';
import { v2Bool, v2Date, V2FilterError, v2Int, v2Number, v2Page, v2Paging } from '../v2-query.ts';
import type { BcEnv, World } from '../world.ts';

type Query = (name: string) => string | undefined;

/** `/v2/orders` and `/v2/order_statuses`, for both kinds of credentials. */
export function v2OrderRoutes(world: World): Hono<BcEnv> {
  const app = new Hono<BcEnv>();

  app.get('/orders', (c) => {
    const query: Query = (name) => c.req.query(name);
    const paging = v2Paging(query);
    if (paging instanceof Response) return paging;

    const orders = selectOrders(c.var.store, query);
    if (orders instanceof Response) return orders;

    return v2Page(pageOf(orders, paging).map((order) => orderToV2(order, c.var.apiBase)));
  });

  app.get('/orders/count', (c) => {
    const orders = selectOrders(c.var.store, (name) => c.req.query(name));
    if (orders instanceof Response) return orders;

    const statuses = [...orderStatuses]
      .sort((a, b) => a.order - b.order)
      .map((status) => {
        const { order, ...fields } = orderStatusToV2(status);
        return {
          ...fields,
          count: orders.filter((item) => item.status_id === status.id).length,
          sort_order: order,
        };
      });
    return c.json({ statuses, count: orders.length });
  });

  app.get('/orders/:order_id{[0-9]+}', (c) => {
    const order = c.var.store.orders.get(Number(c.req.param('order_id')));
    if (!order) return v2NotFound();
    return c.json(orderToV2(order, c.var.apiBase));
  });

  app.put('/orders/:order_id{[0-9]+}', async (c) => {
    const order = c.var.store.orders.get(Number(c.req.param('order_id')));
    if (!order) return v2NotFound();

    const body = await readJsonBody(c);
    if (!body.ok) return v2Error(400, 'The request body is not valid JSON.');

    const update = readOrderUpdate(body.value);
    if (update instanceof Response) return update;

    Object.assign(order, update, { date_modified: world.now() });
    return c.json(orderToV2(order, c.var.apiBase));
  });

  app.delete('/orders/:order_id{[0-9]+}', (c) => {
    const order = c.var.store.orders.get(Number(c.req.param('order_id')));
    if (!order) return v2NotFound();

    // Deleting an order archives it: it leaves the default listing but keeps its id.
    Object.assign(order, { is_deleted: true, date_modified: world.now() });
    return c.body(null, 204);
  });

  app.get('/orders/:order_id{[0-9]+}/products', (c) => {
    const order = c.var.store.orders.get(Number(c.req.param('order_id')));
    if (!order) return v2NotFound();

    const paging = v2Paging((name) => c.req.query(name));
    if (paging instanceof Response) return paging;

    return v2Page(pageOf(order.products, paging).map(orderLineToV2));
  });

  app.get('/orders/:order_id{[0-9]+}/products/:line_id{[0-9]+}', (c) => {
    const order = c.var.store.orders.get(Number(c.req.param('order_id')));
    const line = order?.products.find((item) => item.id === Number(c.req.param('line_id')));
    if (!line) return v2NotFound();
    return c.json(orderLineToV2(line));
  });

  app.get('/order_statuses', (c) => c.json(orderStatuses.map(orderStatusToV2)));

  app.get('/order_statuses/:status_id{[0-9]+}', (c) => {
    const status = orderStatuses.find((item) => item.id === Number(c.req.param('status_id')));
    if (!status) return v2NotFound();
    return c.json(orderStatusToV2(status));
  });

  return app;
}

const sortFields = [
  'id',
  'customer_id',
  'date_created',
  'date_modified',
  'status_id',
  'channel_id',
  'external_id',
] as const;

/**
 * The orders a list selects. Archived orders (`is_deleted`) are left out unless asked for: the
 * filter was dropped from the spec in 2024, and we assume the live API still honours it.
 */
function selectOrders(store: StoreRecord, query: Query): OrderRecord[] | Response {
  try {
    const statusId = v2Int(query, 'status_id');
    const customerId = v2Int(query, 'customer_id');
    const minId = v2Int(query, 'min_id');
    const maxId = v2Int(query, 'max_id');
    const minTotal = v2Number(query, 'min_total');
    const maxTotal = v2Number(query, 'max_total');
    const minCreated = v2Date(query, 'min_date_created');
    const maxCreated = v2Date(query, 'max_date_created');
    const minModified = v2Date(query, 'min_date_modified');
    const maxModified = v2Date(query, 'max_date_modified');
    const deleted = v2Bool(query, 'is_deleted') ?? false;
    const email = query('email')?.toLowerCase();
    const paymentMethod = query('payment_method')?.toLowerCase();
    const channelId = v2Int(query, 'channel_id');

    const orders = [...store.orders.values()].filter(
      (o) =>
        o.is_deleted === deleted &&
        (statusId === undefined || o.status_id === statusId) &&
        (customerId === undefined || o.customer_id === customerId) &&
        (minId === undefined || o.id >= minId) &&
        (maxId === undefined || o.id <= maxId) &&
        (minTotal === undefined || o.total_inc_tax >= minTotal) &&
        (maxTotal === undefined || o.total_inc_tax <= maxTotal) &&
        (minCreated === undefined || o.date_created >= minCreated) &&
        (maxCreated === undefined || o.date_created <= maxCreated) &&
        (minModified === undefined || o.date_modified >= minModified) &&
        (maxModified === undefined || o.date_modified <= maxModified) &&
        (email === undefined || o.billing_address.email.toLowerCase() === email) &&
        (channelId === undefined || o.channel_id === channelId) &&
        (paymentMethod === undefined || o.payment_method.toLowerCase() === paymentMethod),
    );

    return sortOrders(orders, query('sort') ?? 'id:asc');
  } catch (error) {
    if (error instanceof V2FilterError) return error.toResponse();
    throw error;
  }
}

function sortOrders(orders: OrderRecord[], sort: string): OrderRecord[] {
  const [field = '', direction = 'asc'] = sort.split(':');
  const key = sortFields.find((candidate) => candidate === field);
  if (!key || (direction !== 'asc' && direction !== 'desc')) throw new V2FilterError('sort');

  const sign = direction === 'asc' ? 1 : -1;
  return orders.sort((a, b) => {
    const left = a[key];
    const right = b[key];
    const order = left < right ? -1 : left > right ? 1 : a.id - b.id;
    return order * sign;
  });
}

const statusIds = orderStatuses.map((status) => status.id);

/** What a v2 order update may change in the emulator: status, notes, archive flag, customer. */
export const orderUpdateSchema = z
  .object({
    status_id: z
      .number()
      .int()
      .refine((id) => statusIds.includes(id), 'unknown status'),
    customer_message: z.string(),
    staff_notes: z.string(),
    payment_method: z.string(),
    customer_id: z.number().int().min(0),
    is_deleted: z.boolean(),
  })
  .partial();

/**
 * v2 rejects read-only fields with 400 naming the field (the spec's example is `item_total`). The
 * emulator treats every field it does not let a client change that way, the stricter choice.
 */
function readOrderUpdate(value: unknown): z.infer<typeof orderUpdateSchema> | Response {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return v2Error(400, 'The request body must be a JSON object.');
  }

  const writable = Object.keys(orderUpdateSchema.shape);
  const readOnly = Object.keys(value).find((key) => !writable.includes(key));
  if (readOnly !== undefined) {
    return v2Error(
      400,
      `The field '${readOnly}' cannot be written to. Please remove it from your request before trying again.`,
    );
  }

  const parsed = orderUpdateSchema.safeParse(value);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') ?? 'body';
    return v2Error(400, `The field '${field}' is invalid.`);
  }
  return parsed.data;
}
