import {
  categories,
  clientFor,
  credentials,
  customers,
  emulatorWith,
  products,
  type Emulator,
} from '../../src/bigcommerce/test-support.ts';
import type { AccountKind, Recorder } from './recorder.ts';

/** Twelve products (so a v3 batch update needs two requests), three customers, three orders. */
export function smallWorld(): Emulator {
  return emulatorWith({
    categories,
    products: products(12),
    customers: customers(3),
    orders: [order(1, 11, 1), order(2, 2, 2), order(3, 11, 0)],
  });
}

function order(id: number, statusId: number, customerId: number): Record<string, unknown> {
  return {
    id,
    customer_id: customerId,
    status_id: statusId,
    date_created: new Date(Date.UTC(2026, 0, 2, id)).toISOString(),
    date_modified: new Date(Date.UTC(2026, 0, 3, id)).toISOString(),
    billing_address: { first_name: 'Ana', last_name: 'Cruz', email: `buyer${id}@example.com` },
    products: [
      { product_id: 1, name: 'Product 1', sku: 'SKU-0001', quantity: 2, base_price: '10.01' },
      { product_id: 99, name: 'Gone', sku: 'GONE-1', quantity: 1, base_price: 5 },
    ],
  };
}

const since = new Date(Date.UTC(2026, 0, 1, 0, 5));

/**
 * Every public method of `BigCommerceClient`, with the filters that change what it sends, and the
 * refusals a sync meets (unknown id, duplicate name, duplicate email, a batch with a missing
 * product, wrong credentials).
 */
export async function driveClient(
  emulator: Emulator,
  recorder: Recorder,
  kind: AccountKind,
): Promise<void> {
  const fetch = recorder.wrap(emulator.fetch);
  const client = clientFor(emulator, kind, { fetch });
  const run = (step: string, action: () => Promise<unknown>) => recorder.run(step, action);
  recorder.sender = 'client';
  recorder.account = kind;

  await run('listProducts()', () => client.listProducts());
  await run('listProducts({ ids })', () => client.listProducts({ ids: [1, 2, 404] }));
  await run('listProducts({ skus })', () => client.listProducts({ skus: ['SKU-0001', 'A,B'] }));
  await run('listProducts({ ids, skus })', () =>
    client.listProducts({ ids: [3], skus: ['SKU-0003'] }),
  );
  await run('listProducts({ modifiedSince })', () => client.listProducts({ modifiedSince: since }));
  await run('getProduct(1)', () => client.getProduct(1));
  await run('getProduct(unknown)', () => client.getProduct(9999));
  await run('findProductBySku', () => client.findProductBySku('sku-0002'));
  await run('createProduct', () =>
    client.createProduct({
      name: 'Enamel Mug',
      sku: 'MUG-ENAMEL',
      price: 7.5,
      weight: 0.3,
      categories: [1],
      description: '<p>Blue</p>',
      inventory_level: 4,
      inventory_tracking: 'product',
    }),
  );
  await run('createProduct(duplicate name)', () =>
    client.createProduct({ name: 'Product 1', sku: 'X-1', price: 1, weight: 1, categories: [1] }),
  );
  await run('updateProduct', () =>
    client.updateProduct(1, { price: 12.5, inventory_level: 3, inventory_tracking: 'product' }),
  );
  await run('updateProducts(12)', () =>
    client.updateProducts(
      Array.from({ length: 12 }, (_, index) => ({ id: index + 1, inventory_level: index })),
    ),
  );
  await run('updateProducts(with unknown id)', () =>
    client.updateProducts([
      { id: 1, price: 11 },
      { id: 404, price: 11 },
    ]),
  );
  await run('hideProduct', () => client.hideProduct(2));
  await run('showProduct', () => client.showProduct(2));

  await run('listCategories', () => client.listCategories());
  await run('createCategory', () => client.createCategory({ name: 'Caps', is_visible: true }));
  await run('createCategory(duplicate)', () => client.createCategory({ name: 'Mugs' }));

  await run('listCustomers()', () => client.listCustomers());
  await run('listCustomers({ modifiedSince })', () =>
    client.listCustomers({ modifiedSince: since }),
  );
  await run('findCustomerByEmail', () => client.findCustomerByEmail('Buyer1@Example.com'));
  await run('createCustomer', () =>
    client.createCustomer({
      email: 'ben@example.com',
      first_name: 'Ben',
      last_name: 'Lim',
      phone: '0917',
      company: 'Lim Co',
      addresses: [
        {
          first_name: 'Ben',
          last_name: 'Lim',
          address1: '1 Rizal Ave',
          city: 'Manila',
          country_code: 'PH',
        },
      ],
    }),
  );
  await run('createCustomer(duplicate email)', () =>
    client.createCustomer({ email: 'buyer1@example.com', first_name: 'A', last_name: 'B' }),
  );
  await run('updateCustomer', () => client.updateCustomer(1, { phone: '0918', company: 'Co' }));

  await run('listOrders()', () => client.listOrders());
  await run('listOrders({ statusIds, minId, modifiedSince })', () =>
    client.listOrders({ statusIds: [11, 2], minId: 1, modifiedSince: since }),
  );
  await run('getOrder', () => client.getOrder(1));
  await run('getOrder(unknown)', () => client.getOrder(9999));
  await run('listOrderProducts', () => client.listOrderProducts(1));
  await run('listOrderStatuses', () => client.listOrderStatuses());
  await run('countOrders()', () => client.countOrders());
  await run('countOrders({ statusIds })', () => client.countOrders({ statusIds: [11] }));

  const stranger = clientFor(emulator, kind, { fetch, credentials: credentials(kind, true) });
  await run('wrong credentials', () => stranger.listProducts());
}
