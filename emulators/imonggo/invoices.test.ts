import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, emulatorWith, json } from './test-helpers.ts';

type Row = Record<string, unknown>;

const saleXml = (reference: string, extra = '') =>
  `<invoice><reference>${reference}</reference>${extra}<invoice_lines type="array"><invoice_line><product_id>1</product_id><quantity>2</quantity><retail_price>50.25</retail_price><discount_text>10%</discount_text></invoice_line></invoice_lines><payments type="array"><payment><payment_type_id>2</payment_type_id><amount>90.45</amount></payment></payments></invoice>`;

async function stockOf(emulator: ReturnType<typeof emulatorWith>, productId: number) {
  const rows = json<Row[]>((await call(emulator, 'GET', '/api/inventories.json')).text);
  return rows.find((row) => row.product_id === productId);
}

describe('imonggo emulator: invoices and stock', () => {
  it('posts an invoice (201), prices the line and lowers the stock of the branch', async () => {
    const emulator = emulatorWith();

    const { status, text } = await call(emulator, 'POST', '/api/invoices.json', {
      body: saleXml('BC-1001', '<customer_id nil="true">5</customer_id>'),
      contentType: 'application/xml',
    });
    const invoice = json<Row & { invoice_lines: Row[]; payments: Row[] }>(text);
    const stock = await stockOf(emulator, 1);

    assert.equal(status, 201);
    assert.equal(invoice.amount, 90.45);
    assert.equal(invoice.customer_id, 5);
    assert.equal(invoice.branch_id, 85);
    assert.equal(invoice.invoice_lines[0]?.product_stock_no, '007');
    assert.equal(invoice.payments[0]?.payment_type_name, 'Credit Card');
    assert.equal(stock?.quantity, 10);
    assert.equal(stock?.stock_no, '007');
  });

  it('creates a stock row on the first sale of an unstocked product', async () => {
    const emulator = emulatorWith();
    const body = JSON.stringify({
      invoice: { reference: 'R-2', invoice_lines: [{ product_id: 2, quantity: 3 }], payments: [] },
    });

    await call(emulator, 'POST', '/api/invoices.json', { body, contentType: 'application/json' });

    assert.equal((await stockOf(emulator, 2))?.quantity, -3);
  });

  it('shows a product created after a stock list with its stock_no once it is sold', async () => {
    const emulator = emulatorWith();
    await stockOf(emulator, 1);
    const created = await call(emulator, 'POST', '/api/products.json', {
      body: JSON.stringify({ product: { name: 'Oolong', stock_no: 'OOL-1', retail_price: 4 } }),
      contentType: 'application/json',
    });
    const id = json<Row>(created.text).id as number;
    const body = JSON.stringify({
      invoice: { reference: 'R-3', invoice_lines: [{ product_id: id, quantity: 1 }], payments: [] },
    });

    await call(emulator, 'POST', '/api/invoices.json', { body, contentType: 'application/json' });

    assert.equal((await stockOf(emulator, id))?.stock_no, 'OOL-1');
  });

  it('refuses a taken reference and lines without a real product; accepts a deleted product; drops an unknown customer', async () => {
    const emulator = emulatorWith();
    await call(emulator, 'POST', '/api/invoices.xml', {
      body: saleXml('BC-1'),
      contentType: 'application/xml',
    });

    const repeat = await call(emulator, 'POST', '/api/invoices.xml', {
      body: saleXml('BC-1'),
      contentType: 'application/xml',
    });
    const deletedProduct = await call(emulator, 'POST', '/api/invoices.json', {
      body: '{"invoice":{"reference":"X","invoice_lines":[{"product_id":3,"quantity":1}]}}',
      contentType: 'application/json',
    });
    const unknownProduct = await call(emulator, 'POST', '/api/invoices.json', {
      body: '{"invoice":{"reference":"Y","invoice_lines":[{"product_id":999,"quantity":1}]}}',
      contentType: 'application/json',
    });
    const strangerCustomer = await call(emulator, 'POST', '/api/invoices.json', {
      body: saleXml('BC-2', '<customer_id>777</customer_id>'),
      contentType: 'application/xml',
    });

    assert.equal(repeat.status, 422);
    assert.match(repeat.text, /<error>Reference has already been taken<\/error>/);
    assert.equal(deletedProduct.status, 201);
    assert.deepEqual(json(unknownProduct.text), { error: "Product can't be blank" });
    assert.equal(strangerCustomer.status, 201);
    assert.equal(json<Row>(strangerCustomer.text).customer_id, null);
    assert.equal((await stockOf(emulator, 1))?.quantity, 8);
  });

  it('finds by reference, shows, and voids once with a reason, restoring the stock', async () => {
    const emulator = emulatorWith();
    await call(emulator, 'POST', '/api/invoices.xml', {
      body: saleXml('BC-9'),
      contentType: 'application/xml',
    });

    const found = json<Row[]>(
      (await call(emulator, 'GET', '/api/invoices.json?reference=BC-9')).text,
    );
    const none = await call(emulator, 'GET', '/api/invoices.xml?reference=BC-404');
    const noReason = await call(emulator, 'DELETE', '/api/invoices/1.json');
    const voided = await call(
      emulator,
      'DELETE',
      '/api/invoices/1.json?reason=customer%20cancelled',
    );
    const again = await call(emulator, 'DELETE', '/api/invoices/1.json?reason=again');
    const unknown = await call(emulator, 'DELETE', '/api/invoices/99.json?reason=x');

    assert.equal(found.length, 1);
    assert.match(none.text, /<invoices\/>/);
    assert.equal(noReason.status, 422);
    assert.equal(json<Row>(voided.text).status, 'V');
    assert.equal(again.status, 422);
    assert.equal(unknown.status, 404);
    assert.equal((await stockOf(emulator, 1))?.quantity, 12);
  });

  it('lists branches, payment types and tax settings in both formats', async () => {
    const emulator = emulatorWith();

    const branches = await call(emulator, 'GET', '/api/branches.xml');
    const types = await call(emulator, 'GET', '/api/payment_types.xml');
    const taxes = json<Row>((await call(emulator, 'GET', '/api/tax_settings.json')).text);

    assert.match(branches.text, /<branches type="array">\s*<branch>\s*<id>85<\/id>/);
    assert.match(types.text, /<payment-types type="array">\s*<payment_type>/);
    assert.equal(taxes.compute_tax, false);
  });
});
