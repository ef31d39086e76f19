import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConflictError } from '../http/errors.ts';
import { clientFor, customers, emulatorWith, kinds, requestLines } from './test-support.ts';

for (const kind of kinds) {
  const collection = kind === 'oauth' ? '/v3/customers' : '/v2/customers';

  void describe(`customers with a ${kind} account`, () => {
    void it('lists every customer past several pages', async () => {
      const emulator = emulatorWith({ customers: customers(520) });
      const client = clientFor(emulator, kind);

      const listed = await client.listCustomers();

      assert.equal(listed.length, 520);
      assert.equal(new Set(listed.map((customer) => customer.id)).size, 520);
      const pages = requestLines(emulator).filter((line) => line === `GET ${collection}`);
      // v3 follows meta.pagination; v2 stops at the short last page (20 of 250).
      assert.equal(pages.length, 3);
    });

    void it('normalizes a customer to one shape', async () => {
      const client = clientFor(emulatorWith({ customers: customers(3) }), kind);

      const [customer] = await client.listCustomers({ emails: ['buyer3@example.com'] });

      assert.ok(customer);
      assert.deepEqual(
        { ...customer, addresses: undefined },
        {
          id: 3,
          email: 'buyer3@example.com',
          first_name: 'Ana3',
          last_name: 'Cruz',
          phone: '09170000003',
          company: 'Cruz Trading',
          date_modified: '2026-01-01T00:03:00.000Z',
          addresses: undefined,
        },
      );
    });

    void it('filters by emails and by modification date', async () => {
      const client = clientFor(emulatorWith({ customers: customers(40) }), kind);

      const byEmail = await client.listCustomers({
        emails: ['buyer2@example.com', 'buyer9@example.com', 'nobody@example.com'],
      });
      const since = await client.listCustomers({ modifiedSince: new Date('2026-01-01T00:39:00Z') });

      assert.deepEqual(byEmail.map((customer) => customer.id).sort(), [2, 9]);
      assert.deepEqual(
        since.map((customer) => customer.id),
        [39, 40],
      );
    });

    void it('finds a customer by email whatever its case', async () => {
      const client = clientFor(emulatorWith({ customers: customers(5) }), kind);

      const found = await client.findCustomerByEmail('Buyer4@Example.com');
      const missing = await client.findCustomerByEmail('nobody@example.com');

      assert.equal(found?.id, 4);
      assert.equal(missing, undefined);
    });

    void it('creates and updates a customer', async () => {
      const emulator = emulatorWith();
      const client = clientFor(emulator, kind);

      const created = await client.createCustomer({
        email: 'ben@example.com',
        first_name: 'Ben',
        last_name: 'Lim',
        phone: '0917 555 0101',
      });
      const updated = await client.updateCustomer(created.id, { company: 'Lim Hardware' });

      assert.equal(created.email, 'ben@example.com');
      assert.equal(created.first_name, 'Ben');
      assert.equal(updated.company, 'Lim Hardware');
      assert.equal((await client.findCustomerByEmail('ben@example.com'))?.company, 'Lim Hardware');
      assert.equal(requestLines(emulator).filter((line) => line.startsWith('POST')).length, 1);
    });

    void it('answers a taken email with a conflict', async () => {
      const emulator = emulatorWith({ customers: customers(2) });
      const client = clientFor(emulator, kind);

      await assert.rejects(
        client.createCustomer({ email: 'BUYER1@example.com', first_name: 'A', last_name: 'B' }),
        // v3 answers 422 (the spec's only failure status for a create); v2 documents nothing, so
        // any conflict status is accepted there.
        (error) => error instanceof ConflictError && (kind === 'legacy' || error.status === 422),
      );
      assert.equal(requestLines(emulator).length, 1);
    });
  });
}
