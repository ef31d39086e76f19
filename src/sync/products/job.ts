import type { SyncContext } from '../context.ts';
import { nextCursor } from '../cursor-time.ts';
import type { Job } from '../job.ts';
import { applyProducts } from './apply.ts';
import {
  productCursorNames,
  readProducts,
  rememberStockBranch,
  type ProductReading,
} from './read.ts';
import { planProducts, type ProductPayload } from './rules.ts';

/**
 * Post products (Imonggo → BigCommerce), all of them or those with any of the chosen tags. The
 * reading of the last plan is kept for `commit`, which stores the cursors it reached.
 */
export function postProductsJob(): Job<ProductPayload> {
  let reading: ProductReading | undefined;
  let tags: readonly string[] = [];

  return {
    name: 'products',

    async recover(ctx) {
      for (const link of await ctx.links.listPending('product')) {
        const landed = await ctx.bigcommerce.findProductBySku(link.natural_key);
        if (landed) {
          // What was pushed is unknown, so no hash: the next plan updates it to Imonggo's values.
          await ctx.links.settle('product', link.natural_key, {
            bigcommerce_id: String(landed.id),
            pushed_hash: null,
            visible: landed.is_visible ? 1 : 0,
          });
        } else {
          await ctx.links.remove('product', link.natural_key);
        }
      }
    },

    async plan(ctx, options) {
      tags = options.tags ?? [];
      reading = await readProducts(ctx, { tags, full: options.full ?? false });
      const plan = planProducts({ ...reading.input, tags });
      if (!reading.full) {
        plan.notes.push(
          'Only products changed since the last run were read (use a full pass to read all).',
        );
      }
      return plan;
    },

    apply: applyProducts,

    async commit(ctx: SyncContext) {
      if (!reading) return;
      const names = productCursorNames(tags);
      const now = new Date(ctx.clock.now()).toISOString();
      const levels = new Map([...reading.quantities].map(([id, q]) => [String(id), q]));

      await ctx.stockLevels.save(levels, now);
      await rememberStockBranch(ctx, reading.branchId);
      const products = nextCursor(reading.newestProduct, await ctx.cursors.get(names.products));
      const stock = nextCursor(reading.newestInventory, await ctx.cursors.get(names.stock));
      // Both cursors exist after a first full pass even when a list was empty, so the next run is
      // incremental; an empty list leaves the epoch, which reads everything again (none yet).
      await ctx.cursors.set(names.products, products ?? new Date(0).toISOString(), now);
      await ctx.cursors.set(names.stock, stock ?? new Date(0).toISOString(), now);
    },
  };
}
