import type { Customer as ImonggoCustomer } from '../../imonggo/schemas.ts';
import type { SyncContext } from '../context.ts';
import { alternateCode, facingHash, storeFacing, storeFacingOfStore } from './values.ts';

/**
 * Settles customer links a killed run left pending, whichever job left them (both share the
 * links). A link with only a store id was a create in Imonggo: BIN's alternate code finds it. A
 * link with only an Imonggo id was a create on the store: the email (the link's key) finds it.
 * What was not created loses its pending link, so the next plan decides afresh.
 */
export async function recoverCustomers(ctx: SyncContext): Promise<void> {
  const pending = await ctx.links.listPending('customer');
  if (pending.length === 0) return;

  let imonggoByCode: Map<string, ImonggoCustomer> | undefined;
  const readImonggo = async () => {
    if (!imonggoByCode) {
      const all = await ctx.imonggo.listCustomers();
      imonggoByCode = new Map(all.map((c) => [c.alternate_code.trim().toLowerCase(), c]));
    }
    return imonggoByCode;
  };

  for (const link of pending) {
    if (link.imonggo_id === null && link.bigcommerce_id !== null) {
      const code = alternateCode(ctx.storeKey, link.bigcommerce_id).toLowerCase();
      const landed = (await readImonggo()).get(code);
      if (landed) {
        await ctx.links.settle('customer', link.natural_key, {
          imonggo_id: String(landed.id),
          pushed_hash: facingHash(storeFacing(landed)),
        });
        continue;
      }
    } else if (link.bigcommerce_id === null && link.imonggo_id !== null) {
      const landed = await ctx.bigcommerce.findCustomerByEmail(link.natural_key);
      if (landed) {
        // What the store holds now; the next plan pushes Imonggo's values if they differ.
        await ctx.links.settle('customer', link.natural_key, {
          bigcommerce_id: String(landed.id),
          pushed_hash: facingHash(storeFacingOfStore(landed)),
        });
        continue;
      }
    }
    await ctx.links.remove('customer', link.natural_key);
  }
}
