import type { Product } from '../../imonggo/schemas.ts';
import type { SyncContext } from '../context.ts';
import { nextCursor } from '../cursor-time.ts';
import type { Job, JobOptions } from '../job.ts';
import { mergeChunks, type Plan } from '../plan.ts';
import { applyProducts, ensureCategory } from './apply.ts';
import { ChangedProducts } from './changes.ts';
import {
  branchToRemember,
  productCursorNames,
  readAllProducts,
  splitByStoreLookup,
  stockBranchCursor,
  stockBranchId,
  storeProductsFor,
} from './read.ts';
import { readChangedProducts, type ChangedProductsPart } from './read-changes.ts';
import { planProducts, ProductPlanner, skuKey, type ProductPayload } from './rules.ts';

/** What a run read, for `commit` to remember: quantities, the newest changes, the branch. */
interface ReadReached {
  quantities: ReadonlyMap<number, number>;
  newestProduct: string | undefined;
  newestInventory: string | undefined;
  branchId: number | undefined;
}

/**
 * Post products (Imonggo → BigCommerce), all of them or those with any of the chosen tags. A full
 * pass (the first run, or when asked) reads everything and plans once; later runs read what
 * changed and plan it in parts as the reading goes, so the store's writes overlap the reads.
 */
export function postProductsJob(): Job<ProductPayload> {
  let reached: ReadReached | undefined;
  let tags: readonly string[] = [];
  let category: Promise<number> | undefined;

  async function* planChunks(
    ctx: SyncContext,
    options: JobOptions,
  ): AsyncGenerator<Plan<ProductPayload>> {
    tags = options.tags ?? [];
    reached = undefined;
    category = undefined;
    const names = productCursorNames(tags);
    const known = options.full
      ? new Map<string, string>()
      : await ctx.cursors.getMany([names.products, names.stock, stockBranchCursor]);
    const productCursor = known.get(names.products);
    const stockCursor = known.get(names.stock);

    if (productCursor === undefined || stockCursor === undefined) {
      const full = await planFullPass(ctx, tags);
      reached = full.reached;
      yield full.plan;
      return;
    }

    const branchId = await stockBranchId(ctx, known.get(stockBranchCursor));
    const planner = new ProductPlanner(tags);
    const merger = new ChangedProducts();
    // By id, so that a product read again with a newer copy is planned once, from that copy.
    const later = new Map<number, Product>();
    const laterQuantities = new Map<number, number>();
    const parts = readChangedProducts(ctx, merger, {
      products: productCursor,
      stock: stockCursor,
      branchId,
    });

    for await (const part of parts) {
      const quantities = await quantitiesOf(ctx, part);
      const links = await ctx.links.listFor('product', {
        imonggoIds: part.products.map((product) => String(product.id)),
        keys: part.products.map((product) => skuKey(product.stock_no)).filter((key) => key !== ''),
      });
      for (const product of part.products) later.delete(product.id);
      const split = splitByStoreLookup(part.products, quantities, links);
      for (const product of split.later) {
        later.set(product.id, product);
        laterQuantities.set(product.id, quantities.get(product.id) ?? 0);
      }
      yield planner.plan({ products: split.now, quantities, links, storeProducts: [] });
    }

    // Products that may be new: one store request for all their SKUs, then their plan.
    const storeProducts = await storeProductsFor(ctx, [...later.values()]);
    const last = planner.plan({
      products: [...later.values()],
      quantities: laterQuantities,
      links: [],
      storeProducts,
    });
    last.notes.push(
      ...planner.closingNotes(),
      'Only products changed since the last run were read (use a full pass to read all).',
    );
    reached = {
      quantities: merger.quantitiesRead,
      newestProduct: merger.newest.product,
      newestInventory: merger.newest.stock,
      branchId,
    };
    yield last;
  }

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

    plan: (ctx, options) => mergeChunks('products', planChunks(ctx, options)),

    planChunks,

    // Parts of an incremental read hold different products, except a product read again with a
    // newer copy, which the applier holds back until its first write is done.
    independentChunks: true,

    apply: (ctx, items, reporter) =>
      applyProducts(ctx, items, reporter, () => (category ??= ensureCategory(ctx))),

    async commit(ctx: SyncContext) {
      if (!reached) return;
      const names = productCursorNames(tags);
      const now = new Date(ctx.clock.now()).toISOString();
      const levels = new Map([...reached.quantities].map(([id, q]) => [String(id), q]));

      await ctx.stockLevels.save(levels, now);
      // Read again rather than kept from the plan: if this run's lease was taken over meanwhile,
      // nextCursor keeps the newer of the two, so no cursor moves back.
      const current = await ctx.cursors.getMany([names.products, names.stock, stockBranchCursor]);
      // Both cursors exist after a first full pass even when a list was empty, so the next run is
      // incremental; an empty list leaves the epoch, which reads everything again (none yet).
      const epoch = new Date(0).toISOString();
      const next = new Map([
        [names.products, nextCursor(reached.newestProduct, current.get(names.products)) ?? epoch],
        [names.stock, nextCursor(reached.newestInventory, current.get(names.stock)) ?? epoch],
      ]);
      const branch = branchToRemember(ctx, reached.branchId);
      if (branch !== undefined) next.set(stockBranchCursor, branch);

      // A run that read nothing new moves no cursor and so writes nothing here.
      const moved = [...next].filter(([name, value]) => current.get(name) !== value);
      await ctx.cursors.setMany(new Map(moved), now);
    },
  };
}

/**
 * A full pass reads everything and plans once. Only the plan and what `commit` needs leave this
 * function: the products, stock rows, links and store catalog it read are let go before the first
 * write instead of being held to the end of the run, which for 20,000 products lasts minutes.
 */
async function planFullPass(
  ctx: SyncContext,
  tags: readonly string[],
): Promise<{ plan: Plan<ProductPayload>; reached: ReadReached }> {
  const { input, quantities, newestProduct, newestInventory, branchId } =
    await readAllProducts(ctx);
  return {
    plan: planProducts({ ...input, tags }),
    reached: { quantities, newestProduct, newestInventory, branchId },
  };
}

/** Quantities of a part's products: read in this run, else the last ones BIN knows. */
async function quantitiesOf(ctx: SyncContext, part: ChangedProductsPart) {
  const quantities = new Map(part.quantities);
  const unread = part.products.filter((product) => !quantities.has(product.id));
  const known = await ctx.stockLevels.get(unread.map((product) => String(product.id)));
  for (const [id, quantity] of known) quantities.set(Number(id), quantity);
  return quantities;
}
