import type { ServedEmulators } from './emulators.ts';
import type { MerchantLogin } from './shop-world.ts';

/** The parts of the emulators' admin state the suite checks, in the APIs' own field names. */
interface StoreState {
  store_hash: string;
  products: { id: number; sku: string; name: string; is_visible: boolean; categories: number[] }[];
  categories: { id: number; name: string }[];
  customers: { id: number; email: string }[];
}

interface AccountState {
  account_id: string;
  products: { id: number; stock_no: string; name: string }[];
  inventories: { product_id: number; branch_id: number; quantity: number }[];
  customers: { id: number; email: string; status: string | null }[];
  invoices: { id: number; reference: string; invoice_lines: { product_id: number }[] }[];
}

export function storeOf(emulators: ServedEmulators, merchant: MerchantLogin): StoreState {
  const state = emulators.bigcommerce.getState() as unknown as { stores: StoreState[] };
  const store = state.stores.find((s) => s.store_hash === merchant.storeHash);
  if (!store) throw new Error(`no store ${merchant.storeHash} in the emulator`);
  return store;
}

export function accountOf(emulators: ServedEmulators, merchant: MerchantLogin): AccountState {
  const state = emulators.imonggo.getState() as unknown as { accounts: AccountState[] };
  const account = state.accounts.find((a) => a.account_id === merchant.accountId);
  if (!account) throw new Error(`no Imonggo account ${merchant.accountId} in the emulator`);
  return account;
}

/**
 * Adds a product with stock to an Imonggo account through the admin state, as a merchant would
 * in Imonggo's back office between two runs.
 */
export function addImonggoProduct(
  emulators: ServedEmulators,
  merchant: MerchantLogin,
  product: { stock_no: string; name: string },
): void {
  const state = emulators.imonggo.getState() as unknown as { accounts: AccountState[] };
  const account = state.accounts.find((a) => a.account_id === merchant.accountId);
  if (!account) throw new Error(`no Imonggo account ${merchant.accountId} in the emulator`);
  const id = Math.max(0, ...account.products.map((p) => p.id)) + 1;
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  (account.products as unknown[]).push({
    id,
    ...product,
    retail_price: 120,
    tag_list: [],
    status: null,
    // Created before the orders were placed, so an order for it is a valid sale.
    utc_created_at: '2025-06-01T00:00:00Z',
    utc_updated_at: now,
  });
  account.inventories.push({ product_id: id, branch_id: 1, quantity: 20 });
  emulators.imonggo.setState(state);
}
