import type { Customer as StoreCustomer } from '../../bigcommerce/types.ts';
import type { Customer as ImonggoCustomer } from '../../imonggo/schemas.ts';
import type { Link } from '../../store/schema.ts';
import { PlanBuilder, type Plan, type PlanItem } from '../plan.ts';
import {
  customerKey,
  facingHash,
  isValidEmail,
  labelOf,
  namesOf,
  storeFacing,
  storeFacingOfStore,
  type StoreFacing,
} from './values.ts';

export interface UpdateCustomerPayload {
  imonggoId: number;
  /** The store customer to write to; absent for a create. */
  storeId?: number;
  values: StoreFacing;
  hash: string;
  /** False for a link to a store customer that already holds these values. */
  write: boolean;
  /** The link's key before this update changed the customer's email. */
  previousKey?: string;
}

export interface UpdateCustomersInput {
  /** The Imonggo customers to decide on: all of them, or those changed since the last run. */
  imonggoCustomers: readonly ImonggoCustomer[];
  links: readonly Link[];
  /** Store customers found for the unlinked candidates' emails (or the whole store). */
  storeCustomers: readonly StoreCustomer[];
  /** Whether `imonggoCustomers` is the whole account (for the note of an empty plan). */
  full: boolean;
}

/**
 * Decides, for each Imonggo customer, what the store needs (the user guide's table 4 from
 * Imonggo's side): push changes of linked customers, create active ones with a valid email that
 * the store lacks, link to a store customer that already has the email, and leave deleted ones
 * alone. Pure: it reads nothing and writes nothing.
 */
export function planUpdateCustomers(input: UpdateCustomersInput): Plan<UpdateCustomerPayload> {
  const plan = new PlanBuilder<UpdateCustomerPayload>('customers-update');
  const linkByImonggoId = new Map(input.links.map((link) => [link.imonggo_id, link]));
  const linkByKey = new Map(input.links.map((link) => [link.natural_key, link]));
  const linkByStoreId = new Map(input.links.map((link) => [link.bigcommerce_id, link]));
  const storeByKey = new Map(input.storeCustomers.map((c) => [customerKey(c.email), c]));
  const planned = new Map<string, ImonggoCustomer>();
  const customers = [...input.imonggoCustomers].sort((a, b) => a.id - b.id);

  for (const customer of customers) {
    const email = customer.email.trim();
    const key = isValidEmail(email) ? customerKey(email) : '';
    const imonggoId = String(customer.id);
    const names = namesOf(customer);
    const base = {
      entity: 'customer' as const,
      key: key === '' ? `imonggo-customer-${imonggoId}` : key,
      label: labelOf(names, email),
      imonggoId,
    };
    let itemKey = base.key;
    const add = (
      bigcommerceId: string | null,
      action: PlanItem['action'],
      reason: string,
      payload?: UpdateCustomerPayload,
    ) =>
      plan.add({
        ...base,
        key: itemKey,
        bigcommerceId,
        action,
        reason,
        ...(payload ? { payload } : {}),
      });
    const deleted = customer.status === 'D';

    const ownLink = linkByImonggoId.get(imonggoId);
    const keyLink = key === '' ? undefined : linkByKey.get(key);
    if (!ownLink && keyLink && !deleted) {
      add(
        keyLink.bigcommerce_id,
        'skip',
        keyLink.state === 'pending'
          ? 'an interrupted run was creating a customer with this email; the next run settles it'
          : `another Imonggo customer (#${keyLink.imonggo_id ?? '?'}) with this email is already linked to the store; this one is left alone`,
      );
      continue;
    }

    if (ownLink) {
      const storeId = ownLink.bigcommerce_id;
      const rekeyed = key !== '' && key !== ownLink.natural_key;
      // A linked customer keeps its link's key unless its email changed to another valid one.
      itemKey = rekeyed ? key : ownLink.natural_key;
      if (ownLink.state === 'pending' || storeId === null) {
        add(storeId, 'skip', 'an interrupted run was creating it; the next run settles it');
        continue;
      }
      if (deleted) {
        add(storeId, 'skip', 'deleted in Imonggo; left alone on the store');
        continue;
      }
      const missing = missingName(names);
      if (missing) {
        add(storeId, 'reject', missing);
        continue;
      }

      const values = storeFacing(customer);
      const hash = facingHash(values);
      if (hash === ownLink.pushed_hash) {
        add(storeId, 'skip', 'unchanged since the last update');
        continue;
      }

      const holder = rekeyed ? linkByKey.get(key) : undefined;
      if (holder) {
        add(
          storeId,
          'reject',
          `its new email ${email} already belongs to another linked customer (store #${holder.bigcommerce_id ?? '?'})`,
        );
        continue;
      }
      const reason =
        values.email === undefined
          ? 'changed in Imonggo since the last update; its email there is not valid, so the store keeps its own'
          : 'changed in Imonggo since the last update';
      add(storeId, 'update', reason, {
        imonggoId: customer.id,
        storeId: Number(storeId),
        values,
        hash,
        write: true,
        ...(rekeyed ? { previousKey: ownLink.natural_key } : {}),
      });
      continue;
    }

    if (deleted) {
      add(null, 'skip', 'deleted in Imonggo; not posted to the store');
      continue;
    }
    if (key === '') {
      add(
        null,
        'skip',
        email === ''
          ? 'has no email address; the store needs one'
          : `its email "${email}" is not a valid address; the store needs one`,
      );
      continue;
    }
    const twin = planned.get(key);
    if (twin) {
      add(
        null,
        'skip',
        `has the same email as Imonggo customer #${twin.id}; only that one goes to the store`,
      );
      continue;
    }
    planned.set(key, customer);

    const missing = missingName(names);
    if (missing) {
      add(null, 'reject', missing);
      continue;
    }

    const values = storeFacing(customer);
    const hash = facingHash(values);
    const existing = storeByKey.get(key);
    if (existing) {
      const storeId = String(existing.id);
      const holder = linkByStoreId.get(storeId);
      if (holder) {
        add(
          storeId,
          'skip',
          `the store customer with this email is already linked to Imonggo customer #${holder.imonggo_id ?? '?'}`,
        );
        continue;
      }
      const same = facingHash(storeFacingOfStore(existing)) === hash;
      add(
        storeId,
        'link',
        same
          ? 'already on the store with this email and the same details; linked'
          : 'already on the store with this email; linked and updated with the details from Imonggo',
        { imonggoId: customer.id, storeId: existing.id, values, hash, write: !same },
      );
      continue;
    }

    add(null, 'create', 'new in Imonggo; created on the store', {
      imonggoId: customer.id,
      values,
      hash,
      write: true,
    });
  }

  if (customers.length === 0) {
    plan.note(
      input.full
        ? 'The Imonggo account has no customers: nothing will be updated.'
        : 'No Imonggo customer changed since the last run: nothing will be updated.',
    );
  }
  return plan;
}

/** The store requires a first and a last name; BIN does not invent one. */
function missingName(names: { first: string; last: string }): string | undefined {
  if (names.first !== '' && names.last !== '') return undefined;
  const have = `${names.first}${names.last}`;
  return have === ''
    ? 'has no name in Imonggo; the store needs a first and a last name'
    : `has only one name ("${have}") in Imonggo; the store needs a first and a last name`;
}
