import type { Customer as StoreCustomer } from '../../bigcommerce/types.ts';
import type { CustomerInput } from '../../imonggo/inputs.ts';
import type { Customer as ImonggoCustomer } from '../../imonggo/schemas.ts';
import type { Link } from '../../store/schema.ts';
import { PlanBuilder, type Plan } from '../plan.ts';
import {
  alternateCode,
  customerKey,
  facingHash,
  imonggoEmailWidth,
  imonggoInput,
  isValidEmail,
  labelOf,
  storeFacing,
  storeFacingOfStore,
} from './values.ts';

export interface PostCustomerPayload {
  storeId: number;
  alternateCode: string;
  /** What a create sends to Imonggo. */
  input: CustomerInput;
  /** The Imonggo customer a `link` ties the store customer to. */
  imonggoId?: number;
  /**
   * For a `link`: the hash of what the store holds when it matches Imonggo; null when Imonggo's
   * details still have to be pushed to the store.
   */
  hash?: string | null;
}

export interface PostCustomersInput {
  /** The store customers to decide on: all of them, or those changed since the last run. */
  storeCustomers: readonly StoreCustomer[];
  /** Every Imonggo customer, deleted ones included: matching by email needs them all. */
  imonggoCustomers: readonly ImonggoCustomer[];
  links: readonly Link[];
  storeKey: string;
  /** Whether `storeCustomers` is the whole store (for the note of an empty plan). */
  full: boolean;
}

/**
 * Decides, for each store customer, what Imonggo needs (the user guide's table 4 from the store's
 * side): create the ones Imonggo lacks, link the ones it has by email or by BIN's alternate code,
 * and leave alone the ones deleted in Imonggo. Pure: it reads nothing and writes nothing.
 */
export function planPostCustomers(input: PostCustomersInput): Plan<PostCustomerPayload> {
  const plan = new PlanBuilder<PostCustomerPayload>('customers-post');
  const linkByStoreId = new Map(input.links.map((link) => [link.bigcommerce_id, link]));
  const linkByKey = new Map(input.links.map((link) => [link.natural_key, link]));
  const imonggoById = new Map(input.imonggoCustomers.map((c) => [String(c.id), c]));
  const linkedImonggoIds = new Set(input.links.map((link) => link.imonggo_id));
  const byCode = groupBy(input.imonggoCustomers, (c) => c.alternate_code.trim().toLowerCase());
  const byEmail = groupBy(input.imonggoCustomers, (c) => customerKey(c.email));
  const customers = [...input.storeCustomers].sort((a, b) => a.id - b.id);

  for (const customer of customers) {
    const key = customerKey(customer.email);
    const storeId = String(customer.id);
    const code = alternateCode(input.storeKey, customer.id);
    const base = {
      entity: 'customer' as const,
      key: key === '' ? `store-customer-${storeId}` : key,
      label: labelOf({ first: customer.first_name, last: customer.last_name }, customer.email),
      bigcommerceId: storeId,
    };
    const link = linkByStoreId.get(storeId) ?? linkByKey.get(key);

    if (link) {
      const imonggoId = link.imonggo_id;
      const skip = (reason: string) =>
        plan.add({ ...base, imonggoId, action: 'skip', reason: reason });
      if (link.bigcommerce_id !== null && link.bigcommerce_id !== storeId) {
        skip(`its email is already linked to store customer #${link.bigcommerce_id}`);
      } else if (link.state === 'pending') {
        skip('an interrupted run was creating it; the next run settles it');
      } else {
        const linked = imonggoId === null ? undefined : imonggoById.get(imonggoId);
        skip(
          linked === undefined
            ? `its Imonggo customer #${imonggoId ?? '?'} no longer exists; not posted again`
            : linked.status === 'D'
              ? 'deleted in Imonggo after it was posted; left alone and not posted again'
              : 'already in Imonggo',
        );
      }
      continue;
    }

    const refusal = emailRefusal(customer.email);
    if (refusal) {
      plan.add({ ...base, imonggoId: null, action: 'reject', reason: refusal });
      continue;
    }

    const payload = {
      storeId: customer.id,
      alternateCode: code,
      input: imonggoInput(customer, code),
    };
    // Imonggo's details win for a linked customer: when the store's differ, the link gets no
    // hash, which tells the next customer update to push them.
    const linkTo = (imonggo: ImonggoCustomer, reason: string) => {
      const hash = facingHash(storeFacing(imonggo));
      const same = hash === facingHash(storeFacingOfStore(customer));
      plan.add({
        ...base,
        imonggoId: String(imonggo.id),
        action: 'link',
        reason: same ? reason : `${reason}; the next customer update gives the store its details`,
        payload: { ...payload, imonggoId: imonggo.id, hash: same ? hash : null },
      });
    };

    const coded = oldestFirst(byCode.get(code.toLowerCase()) ?? []);
    const codedActive = coded.find((c) => c.status !== 'D');
    if (codedActive) {
      linkTo(
        codedActive,
        `already in Imonggo with alternate code ${code}; linked, not created again`,
      );
      continue;
    }
    if (coded.length > 0) {
      plan.add({
        ...base,
        imonggoId: String(coded[0]?.id),
        action: 'skip',
        reason: 'was posted before and deleted in Imonggo since; not posted again',
      });
      continue;
    }

    const sameEmail = oldestFirst(byEmail.get(key) ?? []);
    const active = sameEmail.filter((c) => c.status !== 'D');
    const free = active.find((c) => !linkedImonggoIds.has(String(c.id)));
    if (free) {
      const others =
        active.length > 1
          ? `; ${active.length} Imonggo customers share this email, linked to the oldest`
          : '';
      linkTo(free, `already in Imonggo with this email; linked, not created again${others}`);
      continue;
    }
    if (active[0]) {
      plan.add({
        ...base,
        imonggoId: String(active[0].id),
        action: 'skip',
        reason: `its email belongs to Imonggo customer #${active[0].id}, already linked to another store customer`,
      });
      continue;
    }
    if (sameEmail[0]) {
      plan.add({
        ...base,
        imonggoId: String(sameEmail[0].id),
        action: 'skip',
        reason:
          'an Imonggo customer with this email was deleted there; not posted, so that a customer deleted in Imonggo does not come back',
      });
      continue;
    }

    plan.add({
      ...base,
      imonggoId: null,
      action: 'create',
      reason: 'new on the store; created in Imonggo',
      payload,
    });
  }

  if (customers.length === 0) {
    plan.note(
      input.full
        ? 'The store has no customers: nothing will be posted.'
        : 'No store customer changed since the last run: nothing will be posted.',
    );
  }
  return plan;
}

/** Why a store customer's email cannot be the key of a customer in Imonggo, if it cannot. */
export function emailRefusal(email: string): string | undefined {
  const trimmed = email.trim();
  if (trimmed === '') return 'has no email address; BIN matches customers by email';
  if (!isValidEmail(trimmed)) {
    return `its email "${trimmed}" is not a valid address; BIN matches customers by email`;
  }
  if (trimmed.length > imonggoEmailWidth) {
    return `its email is longer than the ${imonggoEmailWidth} characters Imonggo keeps`;
  }
  return undefined;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === '') continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function oldestFirst(customers: readonly ImonggoCustomer[]): ImonggoCustomer[] {
  return [...customers].sort((a, b) => a.id - b.id);
}
