import type {
  Account,
  BranchRecord,
  CustomerRecord,
  InventoryRecord,
  InvoiceRecord,
  PaymentTypeRecord,
  ProductRecord,
} from './records.ts';
import { productIndex } from './records.ts';
import type { Format, WireObject } from './reply.ts';

/** A product as the API shows it: `tag_list` is a ", "-joined string in XML, an array in JSON. */
export function presentProduct(product: ProductRecord, format: Format): WireObject {
  return {
    id: product.id,
    stock_no: product.stock_no,
    name: product.name,
    cost: product.cost,
    retail_price: product.retail_price,
    description: product.description,
    allow_decimal_quantities: product.allow_decimal_quantities,
    disable_discount: product.disable_discount,
    disable_inventory: product.disable_inventory,
    enable_open_price: product.enable_open_price,
    tax_exempt: product.tax_exempt,
    tag_list: format === 'xml' ? product.tag_list.join(', ') : product.tag_list,
    barcode_list: product.barcode_list,
    thumbnail_url: product.thumbnail_url,
    branch_prices: [],
    tax_rates: [],
    status: product.status,
    utc_created_at: product.utc_created_at,
    utc_updated_at: product.utc_updated_at,
  };
}

/**
 * Inventory rows as the API shows them, with each product's stock_no. The page's products are
 * found in one pass over the account rather than one search per row: 50 searches through 20,000
 * products made every inventory page of a large account cost milliseconds of CPU.
 */
export function presentInventories(
  rows: readonly InventoryRecord[],
  account: Account,
): WireObject[] {
  const products = productIndex(account);
  return rows.map((row) => ({
    product_id: row.product_id,
    branch_id: row.branch_id,
    stock_no: products.get(row.product_id)?.stock_no ?? '',
    quantity: row.quantity,
    utc_created_at: row.utc_created_at,
    utc_updated_at: row.utc_updated_at,
  }));
}

export function presentCustomer(customer: CustomerRecord): WireObject {
  return { ...customer };
}

export function presentInvoice(invoice: InvoiceRecord): WireObject {
  const { invoice_lines, payments, invoice_tax_rates, ...fields } = invoice;
  const shown = Object.entries(fields).filter(([key]) => key !== 'void_reason');
  return {
    ...(Object.fromEntries(shown) as WireObject),
    invoice_lines: invoice_lines.map((line) => ({ ...line })),
    payments: payments.map((payment) => ({ ...payment })),
    invoice_tax_rates: invoice_tax_rates.map((rate) => ({ ...rate })),
  };
}

export function presentBranch(branch: BranchRecord): WireObject {
  return { ...branch };
}

export function presentPaymentType(type: PaymentTypeRecord): WireObject {
  return { ...type };
}
