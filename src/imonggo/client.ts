import type { Logger } from 'pino';
import type { z } from 'zod';
import { AccountGate, sharedGates, type GateRegistry } from '../http/account-gate.ts';
import { systemClock, type Clock } from '../http/clock.ts';
import { AuthenticationError, NotFoundError } from '../http/errors.ts';
import { HttpTransport, type HttpMethod, type TransportResponse } from '../http/transport.ts';
import { imonggoDialect } from './errors.ts';
import type { ChangeFilter, CustomerInput, InvoiceInput, ProductInput } from './inputs.ts';
import {
  branchSchema,
  countSchema,
  customerSchema,
  inventorySchema,
  invoiceSchema,
  paymentTypeSchema,
  productSchema,
  tokenSchema,
  type Branch,
  type Customer,
  type Inventory,
  type Invoice,
  type PaymentType,
  type Product,
} from './schemas.ts';
import { toApiTime } from './timestamps.ts';
import { encodeBody, mediaTypes, readHash, readList, readRecord, type Format } from './wire.ts';

export interface ConnectionOptions {
  accountId: string;
  /** Default `https://{account_id}.c3.imonggo.com`; `{account_id}` in an override is replaced. */
  baseUrl?: string | undefined;
  format?: Format | undefined;
  fetch?: typeof fetch | undefined;
  logger: Logger;
  clock?: Clock | undefined;
  timeoutMs?: number | undefined;
  retries?: number | undefined;
  backoffMs?: number | undefined;
}

export interface ImonggoClientOptions extends ConnectionOptions {
  apiToken: string;
  gates?: GateRegistry | undefined;
  /** Requests in flight at once for this account, across every client sharing the gate. */
  concurrency?: number | undefined;
}

type Query = Record<string, string | number | undefined>;

const productPage = 50;
const customerPage = 100;
const defaultConcurrency = 8;

function accountBaseUrl(accountId: string, override: string | undefined): string {
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(accountId)) {
    throw new Error(`option "accountId" must be an Imonggo account id, got "${accountId}"`);
  }
  const template = override ?? 'https://{account_id}.c3.imonggo.com';
  return template.replace(/\{account_id\}/g, accountId);
}

/**
 * The transport spreads its options over its defaults, so a key present with `undefined` would
 * wipe a default out (no timeout at all); only the values the caller gave are passed on.
 */
function retryPolicy(options: ConnectionOptions) {
  const policy: { timeoutMs?: number; retries?: number; backoffMs?: number } = {};
  if (options.timeoutMs !== undefined) policy.timeoutMs = options.timeoutMs;
  if (options.retries !== undefined) policy.retries = options.retries;
  if (options.backoffMs !== undefined) policy.backoffMs = options.backoffMs;
  return policy;
}

function changeQuery(filter: ChangeFilter): Query {
  return { after: filter.after === undefined ? undefined : toApiTime(filter.after) };
}

/**
 * A typed client for one Imonggo account: products, stock, customers, invoices, branches and
 * payment types, in JSON or XML. Lists are read to the end; the `iterate…` methods hand them over
 * a page at a time for large accounts.
 */
export class ImonggoClient {
  readonly #transport: HttpTransport;
  readonly #format: Format;

  constructor(options: ImonggoClientOptions) {
    if (options.apiToken.trim() === '') throw new Error('option "apiToken" must not be empty');

    const clock = options.clock ?? systemClock;
    const concurrency = options.concurrency ?? defaultConcurrency;
    const gates = options.gates ?? sharedGates;
    this.#format = options.format ?? 'json';
    this.#transport = new HttpTransport({
      baseUrl: accountBaseUrl(options.accountId, options.baseUrl),
      dialect: imonggoDialect(options.apiToken),
      fetch: options.fetch ?? fetch,
      logger: options.logger,
      clock,
      gate: gates.get(
        `imonggo:${options.accountId}`,
        () => new AccountGate({ concurrency, clock }),
      ),
      ...retryPolicy(options),
    });
  }

  /**
   * Trades an account's email and password for its API token. Imonggo answers a wrong email or
   * password with 404, which becomes an `AuthenticationError` here.
   */
  static async exchangeToken(options: ConnectionOptions & { email: string; password: string }) {
    const clock = options.clock ?? systemClock;
    const format = options.format ?? 'json';
    const transport = new HttpTransport({
      baseUrl: accountBaseUrl(options.accountId, options.baseUrl),
      dialect: imonggoDialect(''),
      fetch: options.fetch ?? fetch,
      logger: options.logger,
      clock,
      gate: sharedGates.get(
        `imonggo:${options.accountId}`,
        () => new AccountGate({ concurrency: defaultConcurrency, clock }),
      ),
      ...retryPolicy(options),
    });

    let response: TransportResponse;
    try {
      response = await transport.send({
        method: 'GET',
        path: `/api/tokens.${format}`,
        query: { email: options.email, password: options.password },
        headers: { accept: mediaTypes[format] },
        anonymous: true,
      });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new AuthenticationError({
        side: error.side,
        method: error.method,
        path: error.path,
        status: error.status,
        remoteMessage: 'wrong email or password',
        bodyExcerpt: error.bodyExcerpt,
        cause: error,
      });
    }
    return readHash(response, format, tokenSchema).api_token;
  }

  async *iterateProducts(filter: ChangeFilter & { activeOnly?: boolean } = {}) {
    yield* this.#pages('products', productSchema, productPage, {
      ...changeQuery(filter),
      active_only: filter.activeOnly ? 1 : undefined,
    });
  }

  listProducts(filter: ChangeFilter & { activeOnly?: boolean } = {}): Promise<Product[]> {
    return collect(this.iterateProducts(filter));
  }

  getProduct(id: number): Promise<Product> {
    return this.#record('GET', `/api/products/${id}`, 'product', productSchema);
  }

  createProduct(input: ProductInput): Promise<Product> {
    return this.#record('POST', '/api/products', 'product', productSchema, { body: input });
  }

  updateProduct(id: number, changes: Partial<ProductInput>): Promise<Product> {
    return this.#record('PUT', `/api/products/${id}`, 'product', productSchema, { body: changes });
  }

  /** Imonggo deletes softly: the product comes back with status "D". */
  deleteProduct(id: number): Promise<Product> {
    return this.#record('DELETE', `/api/products/${id}`, 'product', productSchema);
  }

  async countProducts(filter: { activeOnly?: boolean } = {}): Promise<number> {
    const response = await this.#send('GET', '/api/products', {
      q: 'count',
      active_only: filter.activeOnly ? 1 : undefined,
    });
    return readHash(response, this.#format, countSchema).count;
  }

  /** Stock rows; without `branchId` Imonggo answers for the account's home branch only. */
  async *iterateInventories(filter: ChangeFilter & { branchId?: number } = {}) {
    yield* this.#pages('inventories', inventorySchema, productPage, {
      ...changeQuery(filter),
      branch_id: filter.branchId,
    });
  }

  listInventories(filter: ChangeFilter & { branchId?: number } = {}): Promise<Inventory[]> {
    return collect(this.iterateInventories(filter));
  }

  async *iterateCustomers(filter: ChangeFilter & { activeOnly?: boolean } = {}) {
    yield* this.#pages('customers', customerSchema, customerPage, {
      ...changeQuery(filter),
      active_only: filter.activeOnly ? 1 : undefined,
    });
  }

  listCustomers(filter: ChangeFilter & { activeOnly?: boolean } = {}): Promise<Customer[]> {
    return collect(this.iterateCustomers(filter));
  }

  getCustomer(id: number): Promise<Customer> {
    return this.#record('GET', `/api/customers/${id}`, 'customer', customerSchema);
  }

  /** A taken `alternate_code` surfaces as `ConflictError`: the customer is already there. */
  createCustomer(input: CustomerInput): Promise<Customer> {
    return this.#record('POST', '/api/customers', 'customer', customerSchema, { body: input });
  }

  updateCustomer(id: number, changes: CustomerInput): Promise<Customer> {
    return this.#record('PUT', `/api/customers/${id}`, 'customer', customerSchema, {
      body: changes,
    });
  }

  deleteCustomer(id: number): Promise<Customer> {
    return this.#record('DELETE', `/api/customers/${id}`, 'customer', customerSchema);
  }

  /**
   * Posts a sale. A taken `reference` surfaces as `ConflictError` (the invoice was posted
   * before); a lost answer as an error with `mayHaveArrived`, after which the caller must look the
   * reference up before posting again. The POST itself is never repeated blindly.
   */
  createInvoice(input: InvoiceInput, options: { branchId?: number } = {}): Promise<Invoice> {
    return this.#record('POST', '/api/invoices', 'invoice', invoiceSchema, {
      body: input,
      query: { branch_id: options.branchId },
    });
  }

  async findInvoiceByReference(reference: string): Promise<Invoice | undefined> {
    const response = await this.#send('GET', '/api/invoices', { reference, page: 1 });
    const invoices = readList(response, this.#format, 'invoices', invoiceSchema);
    return invoices.find((invoice) => invoice.reference === reference);
  }

  async *iterateInvoices(filter: ChangeFilter = {}) {
    yield* this.#pages('invoices', invoiceSchema, productPage, changeQuery(filter));
  }

  listInvoices(filter: ChangeFilter = {}): Promise<Invoice[]> {
    return collect(this.iterateInvoices(filter));
  }

  /** Invoices cannot be changed, only voided, with a reason; a second void is refused (422). */
  voidInvoice(id: number, options: { reason: string; branchId?: number }): Promise<Invoice> {
    return this.#record('DELETE', `/api/invoices/${id}`, 'invoice', invoiceSchema, {
      query: { reason: options.reason, branch_id: options.branchId },
    });
  }

  listBranches(): Promise<Branch[]> {
    return collect(this.#pages('branches', branchSchema, 100, {}));
  }

  async listPaymentTypes(): Promise<PaymentType[]> {
    const response = await this.#send('GET', '/api/payment_types', {});
    return readList(response, this.#format, 'payment_types', paymentTypeSchema);
  }

  /**
   * Pages of a list, 1, 2, … until a page comes back shorter than the page size. One after
   * another on purpose: two pages asked at once may be answered out of order, and a record that
   * joins an id-ordered changed-since list in between pushes the earlier page's last record onto
   * the page already read, so no read sees it. Read in order, the push only repeats a record.
   */
  async *#pages<T extends z.ZodType>(
    plural: string,
    schema: T,
    pageSize: number,
    query: Query,
  ): AsyncGenerator<z.output<T>[]> {
    for (let page = 1; ; page += 1) {
      const response = await this.#send('GET', `/api/${plural}`, {
        ...query,
        page,
        per_page: pageSize,
      });
      const items = readList(response, this.#format, plural, schema);

      if (items.length > 0) yield items;
      if (items.length < pageSize) return;
    }
  }

  async #record<T extends z.ZodType>(
    method: HttpMethod,
    path: string,
    name: string,
    schema: T,
    request: { body?: object; query?: Query } = {},
  ): Promise<z.output<T>> {
    const response = await this.#send(
      method,
      path,
      request.query ?? {},
      request.body && { name, attrs: request.body },
    );
    return readRecord(response, this.#format, name, schema);
  }

  #send(
    method: HttpMethod,
    path: string,
    query: Query,
    body?: { name: string; attrs: object },
  ): Promise<TransportResponse> {
    const format = this.#format;
    return this.#transport.send({
      method,
      path: `${path}.${format}`,
      query,
      headers: {
        accept: mediaTypes[format],
        ...(body ? { 'content-type': mediaTypes[format] } : {}),
      },
      body: body && encodeBody(format, body.name, body.attrs as Record<string, unknown>),
    });
  }
}

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}
