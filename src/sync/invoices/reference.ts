import { createHash } from 'node:crypto';

/**
 * Longest store part of a reference. Imonggo documents no length limit for `reference`; a short
 * one is the safe reading, so a long store key (a legacy account's domain) is shortened.
 */
const storePartMax = 16;

/**
 * The Imonggo invoice reference of a store order: `BC-<store>-<order id>`. Imonggo refuses a
 * taken reference, which is what makes every order at most one invoice; the store part keeps two
 * stores of one Imonggo account from claiming each other's order numbers.
 */
export function invoiceReference(storeKey: string, orderId: number): string {
  return `BC-${storePart(storeKey)}-${orderId}`;
}

function storePart(storeKey: string): string {
  const plain = storeKey.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (plain !== '' && plain.length <= storePartMax) return plain;

  const digest = createHash('sha256').update(storeKey.toLowerCase()).digest('hex');
  return `${plain.slice(0, storePartMax - 7)}-${digest.slice(0, 6)}`;
}
