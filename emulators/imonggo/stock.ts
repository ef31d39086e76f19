import type { Account } from './records.ts';

/**
 * Changes a product's quantity in one branch, as a sale or a void does. A product tracked without
 * a row so far gets one on its first movement, so a sale of unstocked goods goes below zero (a
 * POS records the sale rather than refusing it; the real behaviour is not documented). Products
 * with `disable_inventory` (services) have no stock at all.
 */
export function moveStock(
  account: Account,
  move: { productId: number; branchId: number; delta: number; stamp: string },
): void {
  const product = account.products.find((p) => p.id === move.productId);
  if (!product || product.disable_inventory) return;

  const row = account.inventories.find(
    (r) => r.product_id === move.productId && r.branch_id === move.branchId,
  );
  if (row) {
    row.quantity = roundQuantity(row.quantity + move.delta);
    row.utc_updated_at = move.stamp;
    return;
  }

  account.inventories.push({
    product_id: move.productId,
    branch_id: move.branchId,
    quantity: roundQuantity(move.delta),
    utc_created_at: move.stamp,
    utc_updated_at: move.stamp,
  });
}

function roundQuantity(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
