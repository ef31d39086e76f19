import type { Customer as StoreCustomer } from '../../bigcommerce/types.ts';
import type { Customer as ImonggoCustomer } from '../../imonggo/schemas.ts';
import { NotFoundError } from '../../http/errors.ts';
import type { SyncContext } from '../context.ts';
import { newest, nextCursor } from '../cursor-time.ts';
import { forEachLimited } from '../pool.ts';
import type { PostCustomersInput } from './post-rules.ts';
import type { UpdateCustomersInput } from './update-rules.ts';
import { customerKey, isValidEmail } from './values.ts';

export const postCursorName = 'customers-post:store';
export const updateCursorName = 'customers-update:imonggo';

/**
 * Above this many emails to look up, reading the whole store is cheaper than asking for them:
 * the legacy API answers one email per request, the current one 25.
 */
const lookUpLimit = 50;

export interface PostReading {
  input: Omit<PostCustomersInput, 'storeKey'>;
  /** Newest store change seen, for the cursor. */
  newestStore: string | undefined;
  /**
   * Where an apply-time lookup in Imonggo can start (by Imonggo's own clock): any customer
   * created after this plan was read is newer than the newest one it saw.
   */
  imonggoSince: string | undefined;
}

/**
 * Reads what the post plan needs: the store customers changed since the cursor (or all of them),
 * and every Imonggo customer. Imonggo has no filter by email or alternate code, and a customer
 * that changed long ago can still be the match of a new store customer, so its list is read in
 * full each time (100 a page).
 */
export async function readForPost(
  ctx: SyncContext,
  options: { full: boolean },
): Promise<PostReading> {
  const cursor = options.full ? undefined : await ctx.cursors.get(postCursorName);
  const full = cursor === undefined;

  const [storeCustomers, imonggoCustomers, links] = await Promise.all([
    ctx.bigcommerce.listCustomers(full ? {} : { modifiedSince: new Date(cursor) }),
    ctx.imonggo.listCustomers(),
    ctx.links.list('customer'),
  ]);

  return {
    input: { storeCustomers, imonggoCustomers, links, full },
    newestStore: newest(storeCustomers.map((c) => c.date_modified)),
    imonggoSince: nextCursor(newest(imonggoCustomers.map((c) => c.utc_updated_at)), undefined),
  };
}

export interface UpdateReading {
  input: UpdateCustomersInput;
  /** Newest Imonggo change seen, for the cursor. */
  newestImonggo: string | undefined;
}

/**
 * Reads what the update plan needs: Imonggo customers changed since the cursor (deleted ones
 * too, so that a deletion is seen), and the store customers that share an email with the
 * unlinked ones.
 */
export async function readForUpdate(
  ctx: SyncContext,
  options: { full: boolean },
): Promise<UpdateReading> {
  const cursor = options.full ? undefined : await ctx.cursors.get(updateCursorName);
  const full = cursor === undefined;

  const [changed, links] = await Promise.all([
    ctx.imonggo.listCustomers(full ? {} : { after: cursor }),
    ctx.links.list('customer'),
  ]);
  const imonggoCustomers = [...changed, ...(await readUnpushed(ctx, changed, links))];
  const storeCustomers = await lookUpStoreEmails(ctx, imonggoCustomers, links);

  return {
    input: { imonggoCustomers, links, storeCustomers, full },
    newestImonggo: newest(changed.map((c) => c.utc_updated_at)),
  };
}

/**
 * Linked customers whose Imonggo details never reached the store (a link made by the post job
 * to a store customer with other details) may be older than the cursor: they are read by id.
 */
async function readUnpushed(
  ctx: SyncContext,
  changed: readonly ImonggoCustomer[],
  links: UpdateCustomersInput['links'],
): Promise<ImonggoCustomer[]> {
  const read = new Set(changed.map((c) => String(c.id)));
  const ids = links
    .filter((link) => link.state === 'linked' && link.pushed_hash === null)
    .map((link) => link.imonggo_id)
    .filter((id): id is string => id !== null && !read.has(id));

  const found: ImonggoCustomer[] = [];
  await forEachLimited(ids, 8, async (id) => {
    try {
      found.push(await ctx.imonggo.getCustomer(Number(id)));
    } catch (error) {
      // A customer gone from Imonggo has nothing to push; any other failure stops the plan.
      if (!(error instanceof NotFoundError)) throw error;
    }
  });
  return found;
}

async function lookUpStoreEmails(
  ctx: SyncContext,
  imonggoCustomers: readonly ImonggoCustomer[],
  links: UpdateCustomersInput['links'],
): Promise<StoreCustomer[]> {
  const linkedIds = new Set(links.map((link) => link.imonggo_id));
  const wanted = new Set<string>();
  for (const customer of imonggoCustomers) {
    const email = customer.email.trim();
    if (customer.status === 'D' || linkedIds.has(String(customer.id)) || !isValidEmail(email)) {
      continue;
    }
    // Whether the store's email filter ignores case is not documented: ask for both forms.
    wanted.add(email);
    wanted.add(customerKey(email));
  }

  if (wanted.size === 0) return [];
  if (wanted.size > lookUpLimit) return ctx.bigcommerce.listCustomers();
  return ctx.bigcommerce.listCustomers({ emails: [...wanted] });
}
