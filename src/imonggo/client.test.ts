import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { smallAccount } from '../../emulators/imonggo/test-helpers.ts';
import { ConflictError } from '../http/errors.ts';
import { testClient, testEmulator } from './test-support.ts';
import type { Format } from './wire.ts';

const formats: Format[] = ['json', 'xml'];

const manyProducts = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    name: `Product ${i + 1}`,
    stock_no: String(i + 1).padStart(5, '0'),
    retail_price: 1 + i / 100,
    tag_list: ['bulk', `group-${i % 3}`],
    utc_updated_at: i < 100 ? '2024-01-01T00:00:00Z' : '2024-02-01T00:00:00Z',
  }));

for (const format of formats) {
  describe(`imonggo client contract (${format})`, () => {
    it('reads 130 products over three pages, with SKUs, tags and timestamps normalized', async () => {
      const emulator = testEmulator(smallAccount({ products: manyProducts(130), inventories: [] }));
      const client = testClient(emulator, format);

      const products = await client.listProducts();

      assert.equal(products.length, 130);
      assert.equal(products[0]?.stock_no, '00001');
      assert.deepEqual(products[0]?.tag_list, ['bulk', 'group-0']);
      assert.equal(products[0]?.retail_price, 1);
      assert.equal(products[0]?.status, null);
      assert.equal(products[129]?.utc_updated_at, '2024-02-01T00:00:00Z');
      assert.deepEqual(
        emulator.requests.list().map((r) => r.query.page),
        ['1', '2', '3'],
      );
    });

    it('reads only what changed after a time, and pages through an iterator', async () => {
      const emulator = testEmulator(smallAccount({ products: manyProducts(130), inventories: [] }));
      const client = testClient(emulator, format);

      const changed = await client.listProducts({ after: new Date('2024-01-15T00:00:00Z') });
      const pages = [];
      for await (const page of client.iterateProducts()) pages.push(page.length);

      assert.equal(changed.length, 30);
      assert.equal(emulator.requests.list()[0]?.query.after, '2024-01-15T00:00:00Z');
      assert.deepEqual(pages, [50, 50, 30]);
    });

    it('creates, reads, updates, counts and softly deletes a product', async () => {
      const emulator = testEmulator();
      const client = testClient(emulator, format);

      const created = await client.createProduct({
        name: 'Jasmine Tea',
        stock_no: '000123',
        retail_price: 12.5,
        tag_list: ['tea', 'floral'],
        barcode_list: '0012345',
      });
      const updated = await client.updateProduct(created.id, { retail_price: 13 });
      const read = await client.getProduct(created.id);
      const deleted = await client.deleteProduct(created.id);
      const active = await client.countProducts({ activeOnly: true });
      const all = await client.countProducts();

      assert.equal(created.stock_no, '000123');
      assert.deepEqual(created.tag_list, ['tea', 'floral']);
      assert.equal(created.barcode_list, '0012345');
      assert.equal(updated.retail_price, 13);
      assert.equal(read.name, 'Jasmine Tea');
      assert.equal(deleted.status, 'D');
      assert.equal(active, 2);
      assert.equal(all, 4);
    });

    it('reads 250 customers over three pages of 100 and manages one', async () => {
      const customers = Array.from({ length: 250 }, (_, i) => ({
        first_name: `First${i}`,
        last_name: 'Last',
        alternate_code: `BC-${1000 + i}`,
      }));
      const emulator = testEmulator(smallAccount({ customers }));
      const client = testClient(emulator, format);

      const all = await client.listCustomers();
      const pagesRead = emulator.requests.list().length;
      const created = await client.createCustomer({
        first_name: 'Grace',
        last_name: 'Hopper',
        alternate_code: '0099',
        email: 'grace@x.test',
      });
      const updated = await client.updateCustomer(created.id, { mobile: '0917 000 0000' });
      const read = await client.getCustomer(created.id);
      const deleted = await client.deleteCustomer(created.id);
      const active = await client.listCustomers({ activeOnly: true });

      assert.equal(all.length, 250);
      assert.equal(pagesRead, 3);
      assert.equal(created.name, 'Grace Hopper');
      assert.equal(created.alternate_code, '0099');
      assert.equal(updated.mobile, '0917 000 0000');
      assert.equal(read.email, 'grace@x.test');
      assert.equal(deleted.status, 'D');
      assert.equal(active.length, 250);
    });

    it('refuses a second customer with the same alternate code as a conflict', async () => {
      const client = testClient(testEmulator(), format);

      await assert.rejects(
        client.createCustomer({ first_name: 'Twin', alternate_code: 'BC-1' }),
        (error: unknown) =>
          error instanceof ConflictError &&
          error.fieldErrors.alternate_code === 'Alternate code has already been taken',
      );
    });

    it('posts an invoice, lowers the stock, finds it by reference and voids it', async () => {
      const emulator = testEmulator();
      const client = testClient(emulator, format);

      const invoice = await client.createInvoice({
        reference: '00BC-1001',
        customer_id: 5,
        invoice_lines: [{ product_id: 1, quantity: 2, retail_price: 50.25, discount_text: '10%' }],
        payments: [{ payment_type_id: 2, amount: 90.45 }],
      });
      const stock = await client.listInventories();
      const found = await client.findInvoiceByReference('00BC-1001');
      const missing = await client.findInvoiceByReference('nope');
      const listed = await client.listInvoices({ after: '2020-01-01T00:00:00Z' });
      const voided = await client.voidInvoice(invoice.id, { reason: 'order cancelled' });

      assert.equal(invoice.reference, '00BC-1001');
      assert.equal(invoice.amount, 90.45);
      assert.equal(invoice.invoice_lines[0]?.product_stock_no, '007');
      assert.equal(stock.find((row) => row.product_id === 1)?.quantity, 10);
      assert.equal(found?.id, invoice.id);
      assert.equal(missing, undefined);
      assert.equal(listed.length, 1);
      assert.notEqual(voided.status, null);
    });

    it('reports a taken invoice reference as a conflict, so the engine knows it is posted', async () => {
      const client = testClient(testEmulator(), format);
      const sale = {
        reference: 'BC-7',
        invoice_lines: [{ product_id: 1, quantity: 1 }],
        payments: [{ amount: 50.25 }],
      };
      await client.createInvoice(sale);

      await assert.rejects(
        client.createInvoice(sale),
        (error: unknown) =>
          error instanceof ConflictError &&
          error.status === 422 &&
          error.remoteMessage === 'Reference has already been taken',
      );
    });

    it('lists branches and payment types', async () => {
      const client = testClient(testEmulator(), format);

      const branches = await client.listBranches();
      const types = await client.listPaymentTypes();

      assert.deepEqual(
        branches.map((b) => [b.id, b.name]),
        [[85, 'Main Store']],
      );
      assert.equal(types.length, 6);
      assert.equal(types[0]?.name, 'Cash');
    });
  });
}
