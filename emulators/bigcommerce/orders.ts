import { rfc2822Date } from './dates.ts';
import { orderStatusName } from './order-statuses.ts';
import type { OrderLineRecord, OrderRecord } from './records.ts';

/** v2 writes money as a string with four decimals: `"65.2300"`. */
export function money4(value: number): string {
  return value.toFixed(4);
}

/**
 * An order in the v2 shape. `base` is the URL prefix of the tree the request came through, so the
 * sub-resource links point back to where the client can follow them.
 */
export function orderToV2(order: OrderRecord, base: string): Record<string, unknown> {
  const fields = Object.fromEntries(Object.entries(order).filter(([key]) => key !== 'products'));
  const link = (resource: string) => ({
    url: `${base}/orders/${order.id}/${resource}`,
    resource: `/orders/${order.id}/${resource}`,
  });

  return {
    ...fields,
    status: orderStatusName(order.status_id),
    custom_status: orderStatusName(order.status_id),
    date_created: rfc2822Date(order.date_created),
    date_modified: rfc2822Date(order.date_modified),
    date_shipped: order.date_shipped === null ? '' : rfc2822Date(order.date_shipped),
    subtotal_ex_tax: money4(order.subtotal_ex_tax),
    subtotal_inc_tax: money4(order.subtotal_inc_tax),
    subtotal_tax: money4(order.subtotal_tax),
    shipping_cost_ex_tax: money4(order.shipping_cost_ex_tax),
    shipping_cost_inc_tax: money4(order.shipping_cost_inc_tax),
    shipping_cost_tax: money4(order.shipping_cost_tax),
    total_ex_tax: money4(order.total_ex_tax),
    total_inc_tax: money4(order.total_inc_tax),
    total_tax: money4(order.total_tax),
    discount_amount: money4(order.discount_amount),
    coupon_discount: money4(order.coupon_discount),
    refunded_amount: money4(order.refunded_amount),
    currency_exchange_rate: money4(1),
    default_currency_code: order.currency_code,
    is_tax_inclusive_pricing: false,
    products: link('products'),
    shipping_addresses: link('shipping_addresses'),
    coupons: link('coupons'),
  };
}

export function orderLineToV2(line: OrderLineRecord): Record<string, unknown> {
  return {
    ...line,
    base_price: money4(line.base_price),
    price_ex_tax: money4(line.price_ex_tax),
    price_inc_tax: money4(line.price_inc_tax),
    price_tax: money4(line.price_tax),
    base_total: money4(line.base_total),
    total_ex_tax: money4(line.total_ex_tax),
    total_inc_tax: money4(line.total_inc_tax),
    total_tax: money4(line.total_tax),
    weight: money4(line.weight),
    refund_amount: money4(line.refund_amount),
    applied_discounts: [],
    product_options: [],
  };
}
