import { createImonggoEmulator, type ImonggoEmulator } from './index.ts';

export const testToken = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';
export const testNow = Date.parse('2024-03-01T12:00:00Z');

/** A small account: three products (one deleted, one with a leading-zero SKU), two customers. */
export function smallAccount(overrides: Record<string, unknown> = {}) {
  return {
    account_id: 'acme',
    email: 'owner@acme.test',
    password: 'secret-pw',
    api_token: testToken,
    products: [
      {
        id: 1,
        stock_no: '007',
        name: 'Earl Grey Tea',
        retail_price: 50.25,
        cost: 20,
        tag_list: ['tea', 'beverages'],
        barcode_list: '0480000000017',
        utc_updated_at: '2024-01-01T00:00:00Z',
      },
      {
        id: 2,
        stock_no: 'MUG-1',
        name: 'Mug',
        retail_price: 120,
        tag_list: 'kitchen',
        utc_updated_at: '2024-02-01T00:00:00Z',
      },
      {
        id: 3,
        stock_no: 'OLD-1',
        name: 'Old Kettle',
        retail_price: 10,
        status: 'D',
        utc_updated_at: '2024-02-15T00:00:00Z',
      },
    ],
    inventories: [{ product_id: 1, quantity: 12 }],
    customers: [
      {
        id: 5,
        first_name: 'Ada',
        last_name: 'Lovelace',
        alternate_code: 'BC-1',
        email: 'a@x.test',
      },
      { first_name: 'Alan', last_name: 'Turing', email: 'alan@x.test' },
    ],
    branches: [{ id: 85, name: 'Main Store' }],
    ...overrides,
  };
}

export function emulatorWith(...accounts: Record<string, unknown>[]): ImonggoEmulator {
  const emulator = createImonggoEmulator({ now: () => testNow, random: () => 0 });
  emulator.setState({ accounts: accounts.length > 0 ? accounts : [smallAccount()] });
  return emulator;
}

export interface CallOptions {
  token?: string | null;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** One raw HTTP call to the emulator, in process, with the test token unless told otherwise. */
export async function call(
  emulator: ImonggoEmulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<{ status: number; text: string; headers: Headers }> {
  const token = options.token === undefined ? testToken : options.token;
  const headers: Record<string, string> = { ...options.headers };
  if (token !== null) headers.authorization = `Basic ${btoa(`${token}:X`)}`;
  if (options.contentType) headers['content-type'] = options.contentType;

  const response = await emulator.app.fetch(
    new Request(`http://127.0.0.1:4101${path}`, { method, headers, body: options.body }),
  );
  return { status: response.status, text: await response.text(), headers: response.headers };
}

export function json<T = unknown>(text: string): T {
  return JSON.parse(text) as T;
}
