import { z } from 'zod';
import { collect, rfc2822, type BigCommerceApi, type Query } from './api.ts';
import { orderCountSchema, orderProductSchema, orderSchema, orderStatusSchema } from './schemas.ts';
import type { Order, OrderCount, OrderFilter, OrderProduct, OrderStatus } from './types.ts';

/** Orders, their line items and statuses: v2 for both kinds of account (there is no v3 list). */
export class Orders {
  readonly #api: BigCommerceApi;

  constructor(api: BigCommerceApi) {
    this.#api = api;
  }

  /**
   * `status_id` takes one status, so several statuses are listed one after the other; each
   * listing is in id order, the API's default.
   */
  async *iterateOrders(filter: OrderFilter = {}): AsyncGenerator<Order[]> {
    for (const query of queries(filter)) {
      yield* this.#api.pagesV2('/v2/orders', orderSchema, query);
    }
  }

  getOrder(id: number): Promise<Order> {
    return this.#api.get(`/v2/orders/${id}`, orderSchema);
  }

  listOrderProducts(orderId: number): Promise<OrderProduct[]> {
    return collect(this.#api.pagesV2(`/v2/orders/${orderId}/products`, orderProductSchema));
  }

  listOrderStatuses(): Promise<OrderStatus[]> {
    return this.#api.get('/v2/order_statuses', z.array(orderStatusSchema));
  }

  /**
   * One request. With statuses, the per-status counts of the answer are added up: the count
   * endpoint documents `status_id` as one value, and its `count` as the store's total.
   */
  async countOrders(filter: OrderFilter = {}): Promise<OrderCount> {
    const answer = await this.#api.get(
      '/v2/orders/count',
      orderCountSchema,
      queries({ ...filter, statusIds: undefined })[0],
    );
    if (!filter.statusIds) return answer;

    const wanted = new Set(filter.statusIds);
    const statuses = answer.statuses.filter((status) => wanted.has(status.id));
    return { count: statuses.reduce((sum, status) => sum + status.count, 0), statuses };
  }
}

function queries(filter: OrderFilter): Query[] {
  const base: Query = {
    min_id: filter.minId,
    min_date_modified: filter.modifiedSince ? rfc2822(filter.modifiedSince) : undefined,
  };

  if (!filter.statusIds) return [base];
  return [...new Set(filter.statusIds)].map((status) => ({ ...base, status_id: status }));
}
