/**
 * The fixed table of order statuses every store has (ids 0-14), with the display order the orders
 * spec gives. Descriptions are short summaries of our own.
 */
export interface OrderStatus {
  id: number;
  name: string;
  order: number;
  description: string;
}

export const orderStatuses: readonly OrderStatus[] = [
  { id: 0, name: 'Incomplete', order: 0, description: 'Shopper reached payment but did not pay.' },
  { id: 1, name: 'Pending', order: 1, description: 'Checkout started and not finished.' },
  { id: 2, name: 'Shipped', order: 8, description: 'Items shipped; receipt not confirmed.' },
  { id: 3, name: 'Partially Shipped', order: 6, description: 'Some of the items shipped.' },
  { id: 4, name: 'Refunded', order: 11, description: 'The seller refunded the order.' },
  { id: 5, name: 'Cancelled', order: 9, description: 'The seller cancelled the order.' },
  { id: 6, name: 'Declined', order: 10, description: 'The seller declined the order.' },
  { id: 7, name: 'Awaiting Payment', order: 2, description: 'Checkout done; payment unconfirmed.' },
  { id: 8, name: 'Awaiting Pickup', order: 5, description: 'Packed; waiting for the buyer.' },
  { id: 9, name: 'Awaiting Shipment', order: 4, description: 'Packed; waiting for the carrier.' },
  { id: 10, name: 'Completed', order: 7, description: 'Paid and delivered.' },
  { id: 11, name: 'Awaiting Fulfillment', order: 3, description: 'Paid; waiting to be packed.' },
  { id: 12, name: 'Manual Verification Required', order: 13, description: 'On hold for a check.' },
  { id: 13, name: 'Disputed', order: 12, description: 'The buyer opened a payment dispute.' },
  { id: 14, name: 'Partially Refunded', order: 14, description: 'Part of the order was refunded.' },
];

export function orderStatusName(id: number): string {
  return orderStatuses.find((status) => status.id === id)?.name ?? 'Unknown';
}

export function orderStatusToV2(status: OrderStatus): Record<string, unknown> {
  return {
    id: status.id,
    name: status.name,
    system_label: status.name,
    custom_label: status.name,
    system_description: status.description,
    order: status.order,
  };
}
