/** What the client sends to Imonggo, in the API's field names. */

export interface ProductInput {
  name: string;
  stock_no?: string;
  retail_price?: number;
  cost?: number;
  description?: string;
  tag_list?: string[];
  barcode_list?: string;
  tax_exempt?: boolean;
  disable_inventory?: boolean;
  disable_discount?: boolean;
  allow_decimal_quantities?: boolean;
  enable_open_price?: boolean;
}

export interface CustomerInput {
  first_name?: string;
  last_name?: string;
  /** Left out, Imonggo joins first and last name. */
  name?: string;
  email?: string;
  /** Unique per account: integrations keep the shop's customer id here. */
  alternate_code?: string;
  company_name?: string;
  telephone?: string;
  mobile?: string;
  street?: string;
  city?: string;
  state?: string;
  zipcode?: string;
  country?: string;
  remark?: string;
}

export interface InvoiceLineInput {
  product_id: number;
  quantity: number;
  /** Unit price; Imonggo uses the product's price when left out. */
  retail_price?: number;
  /** "10%" or an amount; several comma-separated. */
  discount_text?: string;
  remark?: string;
}

export interface PaymentInput {
  /** 1 cash, 2 credit card, 3 debit card, 4 gift certificate, 5 check, 6 others. */
  payment_type_id?: number;
  amount: number;
  tender?: number;
}

export interface InvoiceInput {
  /** Unique per account; a repeat is refused with "Reference has already been taken". */
  reference: string;
  invoice_date?: string;
  /** An id that matches no customer is silently dropped by Imonggo. */
  customer_id?: number;
  customer_name?: string;
  remark?: string;
  invoice_lines: InvoiceLineInput[];
  payments: PaymentInput[];
}

export interface ChangeFilter {
  /** Only records updated strictly after this time. */
  after?: Date | string | undefined;
}
