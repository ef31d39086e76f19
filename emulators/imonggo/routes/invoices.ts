import { fiftyAPage, inquiry, pageOf, updatedFilter } from '../listing.ts';
import { lineSubtotal, roundCents } from '../pricing.ts';
import { presentInvoice } from '../present.ts';
import {
  homeBranch,
  nextId,
  salesBranches,
  type Account,
  type BranchRecord,
  type InvoiceLineRecord,
  type PaymentRecord,
} from '../records.ts';
import { errors, list, notFound, record, type Reply } from '../reply.ts';
import { findById, type ApiRequest, type ResourceRoutes } from '../request.ts';
import { moveStock } from '../stock.ts';
import { isoSeconds, parseApiTime } from '../timestamps.ts';
import {
  Problems,
  readDecimal,
  readInteger,
  readObjects,
  readText,
  type Attributes,
} from '../values.ts';
import { blankCustomer } from './customers.ts';

/**
 * The branch an invoice is posted in: the one named (query or body), which must be an active
 * non-head-office branch, or else the account's home branch.
 */
function branchOf(
  request: ApiRequest,
  attrs: Attributes,
  problems: Problems,
): BranchRecord | undefined {
  const named = request.query.get('branch_id') ?? readText(attrs, 'branch_id', problems) ?? '';
  if (named.trim() === '') return homeBranch(request.account);

  const branch = salesBranches(request.account).find((b) => String(b.id) === named.trim());
  if (!branch) problems.add('branch', 'is invalid');
  return branch;
}

function readLines(account: Account, attrs: Attributes, problems: Problems): InvoiceLineRecord[] {
  const lines = readObjects(attrs, 'invoice_lines', problems);
  if (lines.length === 0) problems.add('invoice_lines', "can't be blank");

  return lines.flatMap((line, index) => {
    const productId = readInteger(line, 'product_id', problems);
    const quantity = readDecimal(line, 'quantity', problems) ?? 1;
    const price = readDecimal(line, 'retail_price', problems);
    const discount = readText(line, 'discount_text', problems) ?? '';

    // Deletes are soft: a deleted product still exists and the API has no rule against it on an
    // invoice. The original BIN's guide (table 5) posts invoices whose product was deleted after
    // the sale, against the real API, which says such lines are accepted.
    const product = account.products.find((p) => p.id === productId);
    if (!product) {
      problems.add('product', "can't be blank");
      return [];
    }
    if (quantity <= 0) problems.add('quantity', 'must be greater than 0');

    const unitPrice = price ?? product.retail_price;
    const subtotal = lineSubtotal(quantity, unitPrice, discount);
    if (subtotal === undefined) problems.add('discount_text', 'is invalid');

    return [
      {
        line_no: index + 1,
        product_id: product.id,
        product_name: product.name,
        product_stock_no: product.stock_no,
        quantity,
        retail_price: unitPrice,
        discount_text: discount,
        subtotal: subtotal ?? 0,
        remark: readText(line, 'remark', problems) ?? '',
      },
    ];
  });
}

/** Payments default to cash (id 1), as the docs' own example sends no payment type. */
function readPayments(account: Account, attrs: Attributes, problems: Problems): PaymentRecord[] {
  return readObjects(attrs, 'payments', problems).flatMap((payment) => {
    const typeId = readInteger(payment, 'payment_type_id', problems) ?? 1;
    const type = account.payment_types.find((t) => t.id === typeId && t.status === null);
    const amount = readDecimal(payment, 'amount', problems);
    const tender = readDecimal(payment, 'tender', problems);

    if (!type) problems.add('payment_type', "can't be blank");
    if (amount === null) problems.add('amount', "can't be blank");
    if (!type || amount === null || amount === undefined) return [];

    return [
      {
        payment_type_id: type.id,
        payment_type_name: type.name,
        amount,
        tender: tender ?? amount,
      },
    ];
  });
}

/**
 * An unknown `customer_id` is dropped without an error (documented). `customer_name` counts only
 * without an id: an active customer of that exact name, or else a new customer, as the till
 * creates one for a typed name.
 */
function customerOf(request: ApiRequest, attrs: Attributes, problems: Problems, stamp: string) {
  const { account } = request;
  const customerId = readInteger(attrs, 'customer_id', problems);
  if (customerId !== undefined && customerId !== null) {
    return account.customers.find((c) => c.id === customerId) ?? null;
  }

  const name = (readText(attrs, 'customer_name', problems) ?? '').trim();
  if (name === '') return null;

  const known = account.customers.find((c) => c.name === name && c.status === null);
  if (known) return known;

  const created = { ...blankCustomer(nextId(account.customers), stamp), name };
  account.customers.push(created);
  return created;
}

async function createInvoice(request: ApiRequest): Promise<Reply> {
  const body = await request.body('invoice');
  if (!body.ok) return errors([body.message]);

  const { account } = request;
  const { attrs } = body;
  const stamp = isoSeconds(request.now());
  const problems = new Problems();

  const reference = (readText(attrs, 'reference', problems) ?? '').trim();
  const branch = branchOf(request, attrs, problems);
  const lines = readLines(account, attrs, problems);
  const payments = readPayments(account, attrs, problems);
  const dateText = readText(attrs, 'invoice_date', problems) ?? '';
  const date = dateText.trim() === '' ? request.now() : parseApiTime(dateText);
  if (date === undefined) problems.add('invoice_date', 'is invalid');

  if (reference !== '' && account.invoices.some((i) => i.reference === reference)) {
    problems.add('reference', 'has already been taken');
  }
  if (problems.any || !branch || date === undefined) return errors(problems.messages);

  const customer = customerOf(request, attrs, problems, stamp);
  const id = nextId(account.invoices);
  const invoice = {
    id,
    invoice_no: String(id).padStart(6, '0'),
    invoice_date: isoSeconds(date),
    reference,
    customer_id: customer?.id ?? null,
    customer_name: customer?.name ?? '',
    branch_id: branch.id,
    user_id: account.user_id,
    remark: readText(attrs, 'remark', problems) ?? '',
    amount: roundCents(lines.reduce((sum, line) => sum + line.subtotal, 0)),
    status: null,
    void_reason: null,
    invoice_lines: lines,
    payments,
    invoice_tax_rates: [],
    utc_created_at: stamp,
    utc_updated_at: stamp,
  };

  account.invoices.push(invoice);
  for (const line of lines) {
    moveStock(account, {
      productId: line.product_id,
      branchId: branch.id,
      delta: -line.quantity,
      stamp,
    });
  }
  return record('invoice', presentInvoice(invoice), 201);
}

/**
 * Voiding is the only change an invoice allows, it needs a reason and cannot be repeated. The
 * voided status value is not documented; "V" is ours. The sale's stock comes back, as a void
 * reverses the sale.
 */
function voidInvoice(request: ApiRequest): Reply {
  const { account } = request;
  const invoice = findById(account.invoices, request.id);
  if (!invoice) return notFound();

  const reason = (request.query.get('reason') ?? '').trim();
  if (reason === '') return errors(["Reason can't be blank"]);
  if (invoice.status !== null) return errors(['Invoice has already been voided']);

  const stamp = isoSeconds(request.now());
  invoice.status = 'V';
  invoice.void_reason = reason;
  invoice.utc_updated_at = stamp;
  for (const line of invoice.invoice_lines) {
    moveStock(account, {
      productId: line.product_id,
      branchId: invoice.branch_id,
      delta: line.quantity,
      stamp,
    });
  }
  return record('invoice', presentInvoice(invoice));
}

export const invoiceRoutes: ResourceRoutes = {
  list(request) {
    const filter = updatedFilter(request.query);
    if ('refused' in filter) return filter.refused;

    const reference = request.query.get('reference');
    const branch = request.query.get('branch_id');
    const matching = request.account.invoices
      .filter(
        (i) =>
          filter.keep(i) &&
          (reference === null || i.reference === reference) &&
          (branch === null || branch === '' || String(i.branch_id) === branch),
      )
      .sort((a, b) => a.id - b.id);

    const page = pageOf(matching, request.query, fiftyAPage);
    return inquiry(request.query, matching) ?? list('invoices', page.map(presentInvoice));
  },

  show(request) {
    const invoice = findById(request.account.invoices, request.id);
    return invoice ? record('invoice', presentInvoice(invoice)) : notFound();
  },

  create: createInvoice,
  destroy: voidInvoice,
};
