import type { Customer as StoreCustomer } from '../../bigcommerce/types.ts';
import type { Customer as ImonggoCustomer } from '../../imonggo/schemas.ts';
import type { Link } from '../../store/schema.ts';
import { blankImonggoCustomer } from '../test-records.ts';

/** Records as the clients return them, for the pure rules' tests. */

export function imonggoCustomer(id: number, overrides: Partial<ImonggoCustomer> = {}) {
  const customer: ImonggoCustomer = {
    ...blankImonggoCustomer(id),
    code: `C${id}`,
    first_name: `First${id}`,
    last_name: `Last${id}`,
    name: `First${id} Last${id}`,
    email: `person${id}@example.com`,
    ...overrides,
  };
  return customer;
}

export function storeCustomer(id: number, overrides: Partial<StoreCustomer> = {}) {
  const customer: StoreCustomer = {
    id,
    email: `person${id}@example.com`,
    first_name: `First${id}`,
    last_name: `Last${id}`,
    phone: '',
    company: '',
    date_modified: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
  return customer;
}

export function customerLink(
  id: number,
  ids: { imonggo: number | null; store: number | null },
  overrides: Partial<Link> = {},
): Link {
  return {
    id,
    connection_id: 'c',
    entity: 'customer',
    natural_key: `person${id}@example.com`,
    imonggo_id: ids.imonggo === null ? null : String(ids.imonggo),
    bigcommerce_id: ids.store === null ? null : String(ids.store),
    state: 'linked',
    pushed_hash: 'old',
    pushed_name: null,
    visible: null,
    created_at: '',
    updated_at: '',
    ...overrides,
  };
}
