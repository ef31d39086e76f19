/** The emulator's stored records, already in the API's own field names. */

export interface ProductRecord {
  id: number;
  stock_no: string;
  name: string;
  cost: number;
  retail_price: number;
  description: string;
  allow_decimal_quantities: boolean;
  disable_discount: boolean;
  disable_inventory: boolean;
  enable_open_price: boolean;
  tax_exempt: boolean;
  tag_list: string[];
  barcode_list: string;
  thumbnail_url: string | null;
  status: 'D' | null;
  utc_created_at: string;
  utc_updated_at: string;
}

export interface InventoryRecord {
  product_id: number;
  branch_id: number;
  quantity: number;
  utc_created_at: string;
  utc_updated_at: string;
}

export interface CustomerRecord {
  id: number;
  code: string;
  alternate_code: string;
  first_name: string;
  last_name: string;
  name: string;
  company_name: string;
  tin: string;
  tax_exempt: boolean;
  street: string;
  city: string;
  state: string;
  zipcode: string;
  country: string;
  telephone: string;
  fax: string;
  mobile: string;
  email: string;
  remark: string;
  birthdate: string | null;
  status: 'D' | null;
  utc_created_at: string;
  utc_updated_at: string;
}

export interface InvoiceLineRecord {
  line_no: number;
  product_id: number;
  product_name: string;
  product_stock_no: string;
  quantity: number;
  retail_price: number;
  discount_text: string;
  subtotal: number;
  remark: string;
}

export interface PaymentRecord {
  payment_type_id: number;
  payment_type_name: string;
  amount: number;
  tender: number;
}

export interface InvoiceRecord {
  id: number;
  invoice_no: string;
  invoice_date: string;
  reference: string;
  customer_id: number | null;
  customer_name: string;
  branch_id: number;
  user_id: number;
  remark: string;
  amount: number;
  /** Null while valid; "V" once voided (the real value after a void is unknown). */
  status: string | null;
  void_reason: string | null;
  invoice_lines: InvoiceLineRecord[];
  payments: PaymentRecord[];
  invoice_tax_rates: { tax_rate_id: number | null; rate: number; amount: number }[];
  utc_created_at: string;
  utc_updated_at: string;
}

export interface BranchRecord {
  id: number;
  name: string;
  street: string;
  city: string;
  state: string;
  country: string;
  zipcode: string;
  tin: string;
  site_type: string | null;
  subscription_type: number;
  status: 'D' | null;
  utc_created_at: string;
  utc_updated_at: string;
}

export interface PaymentTypeRecord {
  id: number;
  code: string;
  name: string;
  status: 'D' | null;
}

export interface TaxSettings {
  compute_tax: boolean;
  tax_inclusive: boolean;
  tax_rates: {
    id: number | null;
    branch_id: number | null;
    name: string;
    status: 'D' | null;
    value: number;
    tax_rate_type: number;
  }[];
}

export interface Account {
  account_id: string;
  email: string;
  password: string;
  api_token: string;
  user_id: number;
  products: ProductRecord[];
  inventories: InventoryRecord[];
  customers: CustomerRecord[];
  invoices: InvoiceRecord[];
  branches: BranchRecord[];
  payment_types: PaymentTypeRecord[];
  tax_settings: TaxSettings;
}

export interface World {
  accounts: Account[];
}

const productIndexes = new WeakMap<
  readonly ProductRecord[],
  { size: number; byId: Map<number, ProductRecord> }
>();

/**
 * The account's products by id. A product is never removed (deletes are soft), never changes its
 * id, and a new one is appended (a loaded state is a new list), so the index only takes in the
 * products added since it last looked, instead of being made again over the whole account.
 */
export function productIndex(account: Account): ReadonlyMap<number, ProductRecord> {
  let index = productIndexes.get(account.products);
  if (!index) {
    index = { size: 0, byId: new Map() };
    productIndexes.set(account.products, index);
  }

  for (; index.size < account.products.length; index.size += 1) {
    const product = account.products[index.size] as ProductRecord;
    index.byId.set(product.id, product);
  }
  return index.byId;
}

/** The next free id in a list: one past the largest, so ids are never reused. */
export function nextId(records: readonly { id: number | null }[]): number {
  let largest = 0;
  for (const { id } of records) if (id !== null && id > largest) largest = id;
  return largest + 1;
}

/**
 * Branches where sales are recorded: active and not the head office, as the reference says
 * invoices may not be posted to a head office.
 */
export function salesBranches(account: Account): BranchRecord[] {
  return account.branches.filter((b) => b.status === null && b.site_type !== 'head_office');
}

/** The branch used when a request names none: the first active branch (the owner's home). */
export function homeBranch(account: Account): BranchRecord | undefined {
  return salesBranches(account)[0] ?? account.branches.find((b) => b.status === null);
}
