import { pino } from 'pino';
import { GateRegistry } from '../../src/http/account-gate.ts';
import type { Store } from '../../src/store/database.ts';
import { openTestStore } from '../../src/store/test-stores.ts';
import { connect } from '../../src/sync/connect.ts';
import type { SyncContext } from '../../src/sync/context.ts';
import { credentialsFor, type World } from './world.ts';

/** When the orders of the invoice suites were placed, and when products were deleted. */
export const times = {
  early: 'Sun, 01 Feb 2026 10:00:00 +0000',
  deletion: '2026-02-15T10:00:00Z',
  late: 'Sun, 01 Mar 2026 10:00:00 +0000',
};

export interface InvoiceProductSpec {
  id: number;
  stock_no: string;
  quantity?: number;
  status?: 'D';
  utc_updated_at?: string;
  disable_inventory?: boolean;
}

/** Imonggo products and their stock in branch 1; `quantity` undefined leaves no stock row. */
export function invoiceProducts(specs: readonly InvoiceProductSpec[]) {
  const stamp = '2026-01-01T00:00:00Z';
  const products = specs.map((spec) => ({
    id: spec.id,
    stock_no: spec.stock_no,
    name: `Imonggo ${spec.stock_no}`,
    retail_price: 99,
    cost: 1,
    description: '',
    tag_list: [],
    status: spec.status ?? null,
    disable_inventory: spec.disable_inventory ?? false,
    utc_created_at: stamp,
    utc_updated_at: spec.utc_updated_at ?? stamp,
  }));
  const inventories = specs.flatMap((spec) =>
    spec.quantity === undefined
      ? []
      : [{ product_id: spec.id, branch_id: 1, quantity: spec.quantity, utc_updated_at: stamp }],
  );
  return { products, inventories };
}

export interface OrderSpec {
  id: number;
  status_id?: number;
  customer_id?: number;
  email?: string;
  date_created?: string;
  shipping?: number;
  discount?: number;
  lines: { sku: string; product_id?: number; quantity?: number; price?: number }[];
}

/** Store orders in the emulator's state shape; totals are left for the store to work out. */
export function storeOrders(specs: readonly OrderSpec[]) {
  return specs.map((spec) => ({
    id: spec.id,
    status_id: spec.status_id ?? 10,
    customer_id: spec.customer_id ?? 0,
    date_created: spec.date_created ?? times.late,
    shipping_cost_ex_tax: spec.shipping ?? 0,
    discount_amount: spec.discount ?? 0,
    billing_address: {
      first_name: 'Buyer',
      last_name: `Number ${spec.id}`,
      street_1: `${spec.id} Market Street`,
      city: 'Manila',
      country: 'Philippines',
      email: spec.email ?? `buyer${spec.id}@example.com`,
    },
    products: spec.lines.map((line, index) => ({
      product_id: line.product_id ?? 900 + index,
      name: `Sold as ${line.sku}`,
      sku: line.sku,
      quantity: line.quantity ?? 1,
      base_price: line.price ?? 10,
    })),
  }));
}

interface InvoiceState {
  id: number;
  reference: string;
  customer_id: number | null;
  branch_id: number;
  remark: string;
  amount: number;
  invoice_lines: {
    product_id: number;
    quantity: number;
    retail_price: number;
    discount_text: string;
  }[];
  payments: { payment_type_id: number; amount: number }[];
}

interface ImonggoAccountState {
  products: { id: number; stock_no: string; disable_inventory: boolean; status: string | null }[];
  inventories: { product_id: number; branch_id: number; quantity: number }[];
  invoices: InvoiceState[];
}

export function imonggoAccount(world: World): ImonggoAccountState {
  const state = world.imonggo.getState() as unknown as { accounts: ImonggoAccountState[] };
  const account = state.accounts[0];
  if (!account) throw new Error('the Imonggo emulator has no account');
  return account;
}

export function invoicesOf(world: World): InvoiceState[] {
  return imonggoAccount(world).invoices;
}

export function stockOf(world: World, productId: number): number | undefined {
  return imonggoAccount(world).inventories.find((row) => row.product_id === productId)?.quantity;
}

/** Requests that wrote to either side. */
export function remoteWrites(world: World): { method: string; path: string }[] {
  return [...world.imonggo.requests.list(), ...world.bigcommerce.requests.list()].filter(
    (request) => request.method !== 'GET',
  );
}

/**
 * A context for the same merchant on a database of its own, as a second BIN installation would
 * have: its links and its lock are not shared, only the remote accounts are. It is SQLite
 * whatever the suite's dialect: a second PostgreSQL test schema cannot be migrated while the
 * first is open in the same process (the migrator finds the first schema's migration tables).
 */
export async function contextOnOwnDatabase(
  world: World,
): Promise<{ context: SyncContext; store: Store }> {
  const store = await openTestStore('sqlite');
  const context = await connect({
    store,
    box: world.box,
    credentials: credentialsFor(world.kind),
    logger: pino({ level: 'silent' }),
    imonggoBaseUrl: 'http://imonggo.test/accounts/{account_id}',
    bigcommerceBaseUrl: 'http://bigcommerce.test',
    imonggoFetch: world.imonggo.fetch,
    bigcommerceFetch: world.bigcommerce.fetch,
    gates: new GateRegistry(),
    backoffMs: 1,
    retries: 4,
    timeoutMs: 2_000,
  });
  return { context, store };
}
