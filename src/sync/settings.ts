import { z } from 'zod';

/**
 * BigCommerce order statuses that mean "paid" by default: Shipped (2), Partially Shipped (3),
 * Awaiting Pickup (8), Awaiting Shipment (9), Completed (10) and Awaiting Fulfillment (11).
 * Incomplete (0), Pending (1), Refunded (4), Cancelled (5), Declined (6), Awaiting Payment (7),
 * Manual Verification Required (12), Disputed (13) and Partially Refunded (14) are not invoiced.
 */
export const defaultPaidStatusIds = [2, 3, 8, 9, 10, 11];

/** The merchant's settings of one connection, with the defaults BIN uses when none is set. */
export const settingsSchema = z.object({
  paidStatusIds: z.array(z.number().int().min(0).max(14)).min(1).default(defaultPaidStatusIds),
  /** Name of the store category new products go into; created when missing. */
  productCategory: z.string().trim().min(1).max(50).default('Imonggo'),
  /** Imonggo branch for invoices and stock; the account's first branch when unset. */
  branchId: z.number().int().positive().optional(),
  /** Imonggo payment type of invoice payments; the account's first (usually Cash) when unset. */
  paymentTypeId: z.number().int().positive().optional(),
  /**
   * How an order's shipping appears on its invoice: as a line of a service product (so lines add
   * up to the order total), or only in the payment and the remark.
   */
  shipping: z.enum(['line', 'remark']).default('line'),
  /** Stock number of the service product that carries shipping lines. */
  shippingStockNo: z.string().trim().min(1).default('BIN-SHIPPING'),
});

export type Settings = z.output<typeof settingsSchema>;

export function readSettings(stored: unknown): Settings {
  return settingsSchema.parse(stored ?? {});
}
