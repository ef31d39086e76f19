import { createHash } from 'node:crypto';
import type { Customer as StoreCustomer } from '../../bigcommerce/types.ts';
import type { CustomerInput } from '../../imonggo/inputs.ts';
import type { Customer as ImonggoCustomer } from '../../imonggo/schemas.ts';
import { hashValues } from '../hash.ts';

/**
 * Imonggo keeps at most 50 characters of an email and cuts longer ones silently; a cut address
 * would never match its store customer again, so such an email is refused instead.
 */
export const imonggoEmailWidth = 50;

/** Imonggo's `alternate_code` keeps 30 characters, also cut silently. */
export const alternateCodeWidth = 30;

/** The natural key of a customer on both sides: the email, trimmed and lower-cased. */
export function customerKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A plausible address: one @, something before it, a dotted domain after it, no spaces. Both APIs
 * check more (or less) than this; it only keeps out what cannot be anyone's mailbox.
 */
export function isValidEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email.trim());
}

/**
 * The `alternate_code` a store customer gets in Imonggo: unique per account, so a second create
 * of the same customer is refused with "Alternate code has already been taken". A store key too
 * long for the 30 characters is replaced by a short hash of it.
 */
export function alternateCode(storeKey: string, storeCustomerId: number | string): string {
  const readable = `BC-${storeKey}-${storeCustomerId}`;
  if (readable.length <= alternateCodeWidth) return readable;

  const short = createHash('sha256').update(storeKey).digest('hex').slice(0, 8);
  return `BC-${short}-${storeCustomerId}`;
}

/** The store's fields of a customer, as BIN writes them there; their hash sits in the link. */
export interface StoreFacing {
  email?: string | undefined;
  first_name: string;
  last_name: string;
  phone: string;
  company: string;
}

/**
 * First and last name of an Imonggo customer. Records typed at the till often carry only the
 * full name; Imonggo's own manual splits a full name at the first space, so BIN does the same.
 */
export function namesOf(customer: ImonggoCustomer): { first: string; last: string } {
  const first = customer.first_name.trim();
  const last = customer.last_name.trim();
  if (first !== '' || last !== '') return { first, last };

  const full = customer.name.trim().replace(/\s+/g, ' ');
  const space = full.indexOf(' ');
  return space < 0
    ? { first: full, last: '' }
    : { first: full.slice(0, space), last: full.slice(space + 1) };
}

/**
 * What the store should hold for an Imonggo customer. An Imonggo email that is not valid is
 * left out, so the store keeps the one it has (it requires one).
 */
export function storeFacing(customer: ImonggoCustomer): StoreFacing {
  const { first, last } = namesOf(customer);
  const email = customer.email.trim();
  return {
    email: isValidEmail(email) ? email : undefined,
    first_name: first,
    last_name: last,
    phone: (customer.telephone.trim() || customer.mobile.trim()).slice(0, 50),
    company: customer.company_name.trim(),
  };
}

/** What the store holds now, in the same shape, to tell whether a write would change anything. */
export function storeFacingOfStore(customer: StoreCustomer): StoreFacing {
  return {
    email: customer.email.trim(),
    first_name: customer.first_name.trim(),
    last_name: customer.last_name.trim(),
    phone: customer.phone.trim(),
    company: customer.company.trim(),
  };
}

export function facingHash(values: StoreFacing): string {
  return hashValues({ ...values });
}

/**
 * The Imonggo customer for a store customer: names, email, phone, company, and the address of
 * the store's first address book entry when the API returned one (the current API does; the
 * legacy one keeps addresses elsewhere).
 */
export function imonggoInput(customer: StoreCustomer, code: string): CustomerInput {
  const address = customer.addresses?.[0];
  const street = address
    ? [address.address1, address.address2]
        .map((part) => part.trim())
        .filter(Boolean)
        .join(', ')
    : '';
  const state = address?.state_or_province.trim() ?? '';
  const country = address?.country_code.trim().toUpperCase() ?? '';

  const input: CustomerInput = {
    alternate_code: code,
    first_name: customer.first_name.trim(),
    last_name: customer.last_name.trim(),
    email: customer.email.trim(),
    company_name: customer.company.trim() || address?.company.trim() || '',
    telephone: customer.phone.trim() || address?.phone.trim() || '',
    street,
    city: address?.city.trim() ?? '',
    // Imonggo documents `state` as a two-letter US code and `country` as a two-letter code; what
    // it does with anything else is unknown, so only values of that shape are sent.
    state: /^[A-Za-z]{2}$/.test(state) ? state.toUpperCase() : '',
    zipcode: address?.postal_code.trim() ?? '',
    country: /^[A-Z]{2}$/.test(country) ? country : '',
  };

  // Blank fields are left out so that Imonggo keeps its defaults rather than empty text.
  for (const field of Object.keys(input) as (keyof CustomerInput)[]) {
    if (input[field] === '') delete input[field];
  }
  return input;
}

/** A customer's name for the report. */
export function labelOf(names: { first: string; last: string }, email: string): string {
  const name = `${names.first} ${names.last}`.trim();
  return name === '' ? email.trim() || '(no name)' : name;
}
