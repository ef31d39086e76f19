import { z } from 'zod';
import { chunk, isoSeconds, rfc2822, type BigCommerceApi, type Query } from './api.ts';
import { v2CustomerSchema, v3CustomerSchema, v3Envelope } from './schemas.ts';
import type { Customer, CustomerFilter, CustomerPatch, NewCustomer } from './types.ts';

/** Emails per `email:in` request, to keep the URL short. */
const emailChunk = 25;

/** A create or update of one customer answers with exactly that customer in `data`. */
const v3Batch = v3Envelope(z.tuple([v3CustomerSchema]).rest(v3CustomerSchema));

/** Customers: v3 for OAuth accounts, v2 for legacy ones. */
export class Customers {
  readonly #api: BigCommerceApi;
  readonly #version: 'v2' | 'v3';

  constructor(api: BigCommerceApi, version: 'v2' | 'v3') {
    this.#api = api;
    this.#version = version;
  }

  async *iterateCustomers(filter: CustomerFilter = {}): AsyncGenerator<Customer[]> {
    if (filter.emails?.length === 0) return;

    for (const query of this.#queries(filter)) {
      const pages =
        this.#version === 'v3'
          ? this.#api.pagesV3('/v3/customers', v3CustomerSchema, query)
          : this.#api.pagesV2('/v2/customers', v2CustomerSchema, query);

      for await (const page of pages) {
        const kept = filter.emails
          ? page.filter((customer) => filter.emails?.some((email) => sameEmail(email, customer)))
          : page;
        if (kept.length > 0) yield kept;
      }
    }
  }

  /**
   * Neither version documents whether the email filter ignores case, so both the address as
   * given and its lower-case form are asked for, and the match is made here without case.
   */
  async findCustomerByEmail(email: string): Promise<Customer | undefined> {
    const variants = [...new Set([email, email.toLowerCase()])];

    for await (const page of this.iterateCustomers({ emails: variants })) {
      const found = page.find((customer) => sameEmail(email, customer));
      if (found) return found;
    }
    return undefined;
  }

  async createCustomer(customer: NewCustomer): Promise<Customer> {
    if (this.#version === 'v2') {
      const { email, first_name, last_name, phone, company } = customer;
      const fields = { email, first_name, last_name, phone, company };
      return this.#api.write('POST', '/v2/customers', fields, v2CustomerSchema);
    }

    // v3 creates from an array; one item per request keeps a refusal tied to one customer.
    // The spec declares no query on writes, so addresses come back only from reads.
    const answer = await this.#api.write('POST', '/v3/customers', [customer], v3Batch);
    return answer.data[0];
  }

  async updateCustomer(id: number, patch: CustomerPatch): Promise<Customer> {
    if (this.#version === 'v2') {
      return this.#api.write('PUT', `/v2/customers/${id}`, patch, v2CustomerSchema);
    }

    const answer = await this.#api.write('PUT', '/v3/customers', [{ ...patch, id }], v3Batch);
    return answer.data[0];
  }

  #queries(filter: CustomerFilter): Query[] {
    const since = filter.modifiedSince;

    if (this.#version === 'v2') {
      const base: Query = { min_date_modified: since ? rfc2822(since) : undefined };
      return filter.emails ? filter.emails.map((email) => ({ ...base, email })) : [base];
    }

    const base: Query = {
      include: 'addresses',
      'date_modified:min': since ? isoSeconds(since) : undefined,
    };
    if (!filter.emails) return [base];

    return chunk(filter.emails, emailChunk).map((emails) => ({
      ...base,
      'email:in': emails.join(','),
    }));
  }
}

function sameEmail(email: string, customer: Customer): boolean {
  return customer.email.toLowerCase() === email.toLowerCase();
}
