import { customerCode, fullName, truncate, validBirthdate } from './customer-rules.ts';
import { blankBranch, defaultBranch, defaultPaymentTypes, defaultTaxSettings } from './defaults.ts';
import { lineSubtotal, roundCents } from './pricing.ts';
import { homeBranch, type Account, type InvoiceRecord, type World } from './records.ts';
import { stateDocSchema, type AccountDoc } from './state-schema.ts';
import { isoSeconds } from './timestamps.ts';

/** A state document the emulator refuses; `field` is the path of the first bad value. */
export class StateError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'StateError';
  }
}

/**
 * Builds the emulator's world from an admin state document. Ids the document leaves out are
 * assigned after the largest given id of their list; timestamps it leaves out are `now`.
 */
export function buildWorld(doc: unknown, now: number): World {
  const parsed = stateDocSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(document)';
    throw new StateError(field, issue?.message ?? 'invalid');
  }

  const stamp = isoSeconds(now);
  const accounts = parsed.data.accounts.map((account, index) =>
    buildAccount(account, `accounts.${index}`, stamp),
  );

  rejectRepeats(accounts, 'account_id');
  rejectRepeats(accounts, 'api_token');
  return { accounts };
}

function rejectRepeats(accounts: Account[], key: 'account_id' | 'api_token'): void {
  const seen = new Set<string>();
  accounts.forEach((account, index) => {
    if (seen.has(account[key])) throw new StateError(`accounts.${index}.${key}`, 'is not unique');
    seen.add(account[key]);
  });
}

function assignIds<T extends { id?: number | undefined }>(
  items: T[],
  path: string,
): (T & { id: number })[] {
  const given = new Set<number>();
  items.forEach((item, index) => {
    if (item.id === undefined) return;
    if (given.has(item.id)) throw new StateError(`${path}.${index}.id`, 'is not unique');
    given.add(item.id);
  });

  let next = Math.max(0, ...given) + 1;
  return items.map((item) => ({ ...item, id: item.id ?? next++ }));
}

function buildAccount(doc: AccountDoc, path: string, stamp: string): Account {
  const branches = assignIds(doc.branches, `${path}.branches`).map((branch) => ({
    ...blankBranch({ id: branch.id, name: branch.name, timestamp: stamp }),
    ...branch,
    utc_created_at: branch.utc_created_at ?? stamp,
    utc_updated_at: branch.utc_updated_at ?? branch.utc_created_at ?? stamp,
  }));
  if (branches.length === 0) branches.push(defaultBranch(1, stamp));

  const products = assignIds(doc.products, `${path}.products`).map((product) => ({
    ...product,
    utc_created_at: product.utc_created_at ?? stamp,
    utc_updated_at: product.utc_updated_at ?? product.utc_created_at ?? stamp,
  }));

  const customers = assignIds(doc.customers, `${path}.customers`).map((customer) => {
    const first = truncate('first_name', customer.first_name);
    const last = truncate('last_name', customer.last_name);
    return {
      ...customer,
      code: customer.code ?? customerCode(customer.id),
      first_name: first,
      last_name: last,
      name: truncate('name', customer.name ?? fullName(first, last)),
      birthdate: validBirthdate(customer.birthdate),
      utc_created_at: customer.utc_created_at ?? stamp,
      utc_updated_at: customer.utc_updated_at ?? customer.utc_created_at ?? stamp,
    };
  });

  const account: Account = {
    account_id: doc.account_id,
    email: doc.email,
    password: doc.password,
    api_token: doc.api_token,
    user_id: doc.user_id,
    products,
    inventories: [],
    customers,
    invoices: [],
    branches,
    payment_types:
      doc.payment_types.length > 0
        ? doc.payment_types.map((type) => ({ ...type, code: type.code ?? type.name.toLowerCase() }))
        : defaultPaymentTypes(),
    tax_settings: doc.tax_settings ?? defaultTaxSettings(),
  };

  const home = homeBranch(account)?.id ?? branches[0]?.id ?? 1;
  const productIds = new Set(products.map((p) => p.id));
  const branchIds = new Set(branches.map((b) => b.id));

  account.inventories = doc.inventories.map((row, index) => {
    if (!productIds.has(row.product_id)) {
      throw new StateError(`${path}.inventories.${index}.product_id`, 'names no product');
    }
    const branchId = row.branch_id ?? home;
    if (!branchIds.has(branchId)) {
      throw new StateError(`${path}.inventories.${index}.branch_id`, 'names no branch');
    }
    return {
      product_id: row.product_id,
      branch_id: branchId,
      quantity: row.quantity,
      utc_created_at: row.utc_created_at ?? stamp,
      utc_updated_at: row.utc_updated_at ?? row.utc_created_at ?? stamp,
    };
  });

  account.invoices = buildInvoices(doc, account, `${path}.invoices`, stamp, home);
  return account;
}

function buildInvoices(
  doc: AccountDoc,
  account: Account,
  path: string,
  stamp: string,
  home: number,
): InvoiceRecord[] {
  return assignIds(doc.invoices, path).map((invoice, index) => {
    const lines = invoice.invoice_lines.map((line, lineIndex) => {
      const product = account.products.find((p) => p.id === line.product_id);
      if (!product) {
        throw new StateError(
          `${path}.${index}.invoice_lines.${lineIndex}.product_id`,
          'names no product',
        );
      }
      const price = line.retail_price ?? product.retail_price;
      return {
        line_no: line.line_no ?? lineIndex + 1,
        product_id: line.product_id,
        product_name: line.product_name ?? product.name,
        product_stock_no: line.product_stock_no ?? product.stock_no,
        quantity: line.quantity,
        retail_price: price,
        discount_text: line.discount_text,
        subtotal: line.subtotal ?? lineSubtotal(line.quantity, price, line.discount_text) ?? 0,
        remark: line.remark,
      };
    });

    const customer = account.customers.find((c) => c.id === invoice.customer_id);
    const created = invoice.utc_created_at ?? invoice.invoice_date ?? stamp;
    return {
      id: invoice.id,
      invoice_no: invoice.invoice_no ?? String(invoice.id).padStart(6, '0'),
      invoice_date: invoice.invoice_date ?? created,
      reference: invoice.reference,
      customer_id: customer ? customer.id : null,
      customer_name: customer ? customer.name : invoice.customer_name,
      branch_id: invoice.branch_id ?? home,
      user_id: invoice.user_id ?? account.user_id,
      remark: invoice.remark,
      amount: invoice.amount ?? roundCents(lines.reduce((sum, line) => sum + line.subtotal, 0)),
      status: invoice.status,
      void_reason: invoice.void_reason,
      invoice_lines: lines,
      payments: invoice.payments.map((payment) => ({
        payment_type_id: payment.payment_type_id,
        payment_type_name:
          payment.payment_type_name ??
          account.payment_types.find((t) => t.id === payment.payment_type_id)?.name ??
          '',
        amount: payment.amount,
        tender: payment.tender ?? payment.amount,
      })),
      invoice_tax_rates: invoice.invoice_tax_rates,
      utc_created_at: created,
      utc_updated_at: invoice.utc_updated_at ?? created,
    };
  });
}

/** The state as `GET /__admin/state` returns it: a detached copy in the API's field names. */
export function exportWorld(world: World): World {
  return structuredClone(world);
}
