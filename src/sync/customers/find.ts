import type { Customer as ImonggoCustomer } from '../../imonggo/schemas.ts';
import type { SyncContext } from '../context.ts';

/**
 * The Imonggo customer holding an alternate code, if any. Imonggo cannot filter customers by
 * alternate code, so the list is read: from `since` (Imonggo's own clock) when the customer can
 * only be newer than that, else in full.
 */
export async function findByAlternateCode(
  ctx: SyncContext,
  code: string,
  since?: string,
): Promise<ImonggoCustomer | undefined> {
  const wanted = code.trim().toLowerCase();
  for await (const page of ctx.imonggo.iterateCustomers(since ? { after: since } : {})) {
    const found = page.find((customer) => customer.alternate_code.trim().toLowerCase() === wanted);
    if (found) return found;
  }
  return undefined;
}
