import type { World } from './world.ts';

/** Customers as the emulators' admin state holds them. */
export interface ImonggoCustomerState {
  id: number;
  alternate_code: string;
  first_name: string;
  last_name: string;
  name: string;
  email: string;
  telephone: string;
  company_name: string;
  status: 'D' | null;
  utc_updated_at: string;
}

export interface StoreCustomerState {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  phone: string;
  company: string;
  date_modified: string;
}

const longAgo = (n: number) =>
  new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString().replace('.000', '');

/** `count` store customers with ids from `start`, changed long ago. */
export function storeCustomerDocs(count: number, start = 1, emailOf = defaultEmail) {
  return Array.from({ length: count }, (_, i) => {
    const n = start + i;
    return {
      id: n,
      email: emailOf(n),
      first_name: `Shopper${n}`,
      last_name: `Online${n}`,
      phone: `555-${String(n).padStart(4, '0')}`,
      company: n % 3 === 0 ? `Company ${n}` : '',
      date_created: longAgo(n),
      date_modified: longAgo(n),
    };
  });
}

/** `count` Imonggo customers with ids from `start`, changed long ago. */
export function imonggoCustomerDocs(count: number, start = 1, emailOf = defaultEmail) {
  return Array.from({ length: count }, (_, i) => {
    const n = start + i;
    return {
      id: n,
      first_name: `Walkin${n}`,
      last_name: `Till${n}`,
      name: `Walkin${n} Till${n}`,
      alternate_code: '',
      email: emailOf(n),
      telephone: `777-${String(n).padStart(4, '0')}`,
      company_name: '',
      status: null as 'D' | null,
      utc_created_at: longAgo(n),
      utc_updated_at: longAgo(n),
    };
  });
}

function defaultEmail(n: number): string {
  return `customer${n}@example.com`;
}

export function imonggoCustomers(world: World): ImonggoCustomerState[] {
  const state = world.imonggo.getState() as unknown as {
    accounts: { customers: ImonggoCustomerState[] }[];
  };
  return state.accounts[0]?.customers ?? [];
}

export function storeCustomers(world: World): StoreCustomerState[] {
  const state = world.bigcommerce.getState() as { stores: { customers: StoreCustomerState[] }[] };
  return state.stores[0]?.customers ?? [];
}

/** Changes Imonggo customers in place, as a cashier would, stamping them as changed now. */
export function editImonggoCustomers(
  world: World,
  edit: (customers: ImonggoCustomerState[]) => void,
): void {
  const state = world.imonggo.getState() as unknown as {
    accounts: { customers: ImonggoCustomerState[] }[];
  };
  const before = new Map(
    (state.accounts[0]?.customers ?? []).map((c) => [c.id, JSON.stringify(c)]),
  );
  edit(state.accounts[0]?.customers ?? []);
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const customer of state.accounts[0]?.customers ?? []) {
    if (before.get(customer.id) !== JSON.stringify(customer)) customer.utc_updated_at = now;
  }
  world.imonggo.setState(state);
}

/** Write requests each emulator received since its log was last cleared. */
export function writeCounts(world: World): { imonggo: number; bigcommerce: number } {
  const writes = (list: readonly { method: string }[]) =>
    list.filter((r) => r.method !== 'GET').length;
  return {
    imonggo: writes(world.imonggo.requests.list()),
    bigcommerce: writes(world.bigcommerce.requests.list()),
  };
}

export function clearRequests(world: World): void {
  world.imonggo.requests.clear();
  world.bigcommerce.requests.clear();
}

/** Both sides' customers without ids or timestamps, sorted, to compare two worlds. */
export function customerSnapshot(world: World) {
  const imonggo = imonggoCustomers(world)
    .map((c) => [c.email.toLowerCase(), c.first_name, c.last_name, c.alternate_code, c.status])
    .map((row) => row.join('|'))
    .sort();
  const store = storeCustomers(world)
    .map((c) => [c.email.toLowerCase(), c.first_name, c.last_name, c.phone, c.company])
    .map((row) => row.join('|'))
    .sort();
  return { imonggo, store };
}

/**
 * A `fetch` whose creates reach the emulator but whose answers are lost, as when the connection
 * drops right after the server applied the request.
 */
export function losingCreateAnswers(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if ((init?.method ?? 'GET').toUpperCase() === 'POST') {
      const cause = Object.assign(new Error('other side closed'), { code: 'ECONNRESET' });
      throw new TypeError('fetch failed', { cause });
    }
    return response;
  };
}
