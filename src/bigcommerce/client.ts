import type { Logger } from 'pino';
import { AccountGate, sharedGates, type GateRegistry } from '../http/account-gate.ts';
import { systemClock, type Clock } from '../http/clock.ts';
import { HttpTransport } from '../http/transport.ts';
import { BigCommerceApi, collect } from './api.ts';
import { Categories } from './categories.ts';
import { apiRoot, storeKey, type BigCommerceCredentials } from './credentials.ts';
import { Customers } from './customers.ts';
import { bigCommerceDialect } from './errors.ts';
import { Orders } from './orders.ts';
import type { ProductCatalog, ProductUpdateResult } from './products.ts';
import { V2Products } from './products-v2.ts';
import { V3Products } from './products-v3.ts';
import type {
  Category,
  Customer,
  CustomerFilter,
  CustomerPatch,
  NewCategory,
  NewCustomer,
  NewProduct,
  Order,
  OrderCount,
  OrderFilter,
  OrderProduct,
  OrderStatus,
  Product,
  ProductFilter,
  ProductPatch,
  ProductUpdate,
} from './types.ts';

export type { BigCommerceCredentials } from './credentials.ts';
export type { ProductUpdateResult } from './products.ts';

export interface BigCommerceClientOptions {
  credentials: BigCommerceCredentials;
  /**
   * Replaces the scheme and host (`https://api.bigcommerce.com`, or the store's domain for a
   * legacy account), e.g. `http://127.0.0.1:4102`; the paths stay those of the real API.
   */
  baseUrl?: string | undefined;
  fetch?: typeof fetch | undefined;
  logger: Logger;
  clock?: Clock | undefined;
  gates?: GateRegistry | undefined;
  /** Requests in flight at once for this store, shared with every client of the same store. */
  concurrency?: number | undefined;
  timeoutMs?: number | undefined;
  retries?: number | undefined;
  backoffMs?: number | undefined;
}

/**
 * A typed client for one BigCommerce store. Products and customers go to v3 with an OAuth account
 * and to v2 with a legacy one, behind the same records; orders are v2 for both. Every list is
 * read to its last page, and every answer is checked before it is handed out.
 */
export class BigCommerceClient {
  readonly #products: ProductCatalog;
  readonly #categories: Categories;
  readonly #customers: Customers;
  readonly #orders: Orders;

  constructor(options: BigCommerceClientOptions) {
    const clock = options.clock ?? systemClock;
    const gates = options.gates ?? sharedGates;
    const credentials = Object.freeze({ ...options.credentials });
    const gate = gates.get(
      `bigcommerce:${storeKey(credentials)}`,
      () => new AccountGate({ concurrency: options.concurrency ?? 8, clock }),
    );

    const transport = new HttpTransport({
      baseUrl: apiRoot(credentials, options.baseUrl),
      dialect: bigCommerceDialect(credentials, options.baseUrl),
      fetch: options.fetch ?? globalThis.fetch,
      logger: options.logger,
      clock,
      gate,
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      backoffMs: options.backoffMs,
    });
    const api = new BigCommerceApi(transport);
    const version = credentials.kind === 'oauth' ? 'v3' : 'v2';

    this.#products = version === 'v3' ? new V3Products(api) : new V2Products(api);
    this.#categories = new Categories(api, version);
    this.#customers = new Customers(api, version);
    this.#orders = new Orders(api);
  }

  /** Products page by page; every filter given must hold (ids and SKUs and date). */
  iterateProducts(filter?: ProductFilter): AsyncGenerator<Product[]> {
    return this.#products.iterateProducts(filter);
  }

  listProducts(filter?: ProductFilter): Promise<Product[]> {
    return collect(this.iterateProducts(filter));
  }

  /** Throws `NotFoundError` when the product does not exist. */
  getProduct(id: number): Promise<Product> {
    return this.#products.getProduct(id);
  }

  /** SKUs are unique regardless of case; so is the match. */
  findProductBySku(sku: string): Promise<Product | undefined> {
    return this.#products.findProductBySku(sku);
  }

  /**
   * Creates one product (the API has no batch create). It is sent once: if the answer is lost
   * the error says `mayHaveArrived`, and the caller must look the SKU up before trying again.
   * Without `is_visible` the product is created visible.
   */
  createProduct(product: NewProduct): Promise<Product> {
    return this.#products.createProduct(product);
  }

  updateProduct(id: number, patch: ProductPatch): Promise<Product> {
    return this.#products.updateProduct(id, patch);
  }

  /**
   * Updates many products (v3: batches of 10; v2: one request each) and reports each one, so a
   * refused item does not hide the others' success.
   */
  updateProducts(updates: readonly ProductUpdate[]): Promise<ProductUpdateResult[]> {
    return this.#products.updateProducts(updates);
  }

  hideProduct(id: number): Promise<Product> {
    return this.updateProduct(id, { is_visible: false });
  }

  showProduct(id: number): Promise<Product> {
    return this.updateProduct(id, { is_visible: true });
  }

  iterateCategories(): AsyncGenerator<Category[]> {
    return this.#categories.iterateCategories();
  }

  listCategories(): Promise<Category[]> {
    return collect(this.iterateCategories());
  }

  createCategory(category: NewCategory): Promise<Category> {
    return this.#categories.createCategory(category);
  }

  iterateCustomers(filter?: CustomerFilter): AsyncGenerator<Customer[]> {
    return this.#customers.iterateCustomers(filter);
  }

  listCustomers(filter?: CustomerFilter): Promise<Customer[]> {
    return collect(this.iterateCustomers(filter));
  }

  findCustomerByEmail(email: string): Promise<Customer | undefined> {
    return this.#customers.findCustomerByEmail(email);
  }

  /** A taken email address is a `ConflictError`. Sent once, like every create. */
  createCustomer(customer: NewCustomer): Promise<Customer> {
    return this.#customers.createCustomer(customer);
  }

  updateCustomer(id: number, patch: CustomerPatch): Promise<Customer> {
    return this.#customers.updateCustomer(id, patch);
  }

  iterateOrders(filter?: OrderFilter): AsyncGenerator<Order[]> {
    return this.#orders.iterateOrders(filter);
  }

  listOrders(filter?: OrderFilter): Promise<Order[]> {
    return collect(this.iterateOrders(filter));
  }

  getOrder(id: number): Promise<Order> {
    return this.#orders.getOrder(id);
  }

  listOrderProducts(orderId: number): Promise<OrderProduct[]> {
    return this.#orders.listOrderProducts(orderId);
  }

  listOrderStatuses(): Promise<OrderStatus[]> {
    return this.#orders.listOrderStatuses();
  }

  countOrders(filter?: OrderFilter): Promise<OrderCount> {
    return this.#orders.countOrders(filter);
  }
}
