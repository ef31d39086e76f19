/**
 * The records the client hands out, the same whichever API version served them. Orders keep the
 * v2 field names (there is no v3 order list); money arrives as numbers and dates as ISO-8601.
 */

/** How a product's stock is counted. v2 calls them `none`, `simple` and `sku`. */
export type InventoryTracking = 'none' | 'product' | 'variant';

export interface Product {
  id: number;
  name: string;
  sku: string;
  price: number;
  description: string;
  weight: number;
  categories: number[];
  inventory_level: number;
  inventory_tracking: InventoryTracking;
  is_visible: boolean;
  /** ISO-8601. */
  date_modified: string;
}

export interface NewProduct {
  name: string;
  sku: string;
  price: number;
  weight: number;
  categories: number[];
  description?: string | undefined;
  type?: 'physical' | 'digital' | undefined;
  inventory_level?: number | undefined;
  inventory_tracking?: InventoryTracking | undefined;
  is_visible?: boolean | undefined;
}

export type ProductPatch = Partial<Omit<NewProduct, 'type'>>;

export type ProductUpdate = ProductPatch & { id: number };

export interface ProductFilter {
  ids?: readonly number[] | undefined;
  skus?: readonly string[] | undefined;
  /** Products changed at or after this moment. */
  modifiedSince?: Date | undefined;
}

export interface Category {
  id: number;
  parent_id: number;
  name: string;
  is_visible: boolean;
}

export interface NewCategory {
  name: string;
  /** 0 or absent: a top-level category. */
  parent_id?: number | undefined;
  is_visible?: boolean | undefined;
}

export interface CustomerAddress {
  id: number;
  first_name: string;
  last_name: string;
  company: string;
  address1: string;
  address2: string;
  city: string;
  state_or_province: string;
  postal_code: string;
  country_code: string;
  phone: string;
}

export interface Customer {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  phone: string;
  company: string;
  /** ISO-8601. */
  date_modified: string;
  /** Present when the API returned them in the same answer (v3 only). */
  addresses?: CustomerAddress[] | undefined;
}

export interface NewCustomerAddress {
  first_name: string;
  last_name: string;
  address1: string;
  city: string;
  country_code: string;
  company?: string | undefined;
  address2?: string | undefined;
  state_or_province?: string | undefined;
  postal_code?: string | undefined;
  phone?: string | undefined;
}

export interface NewCustomer {
  email: string;
  first_name: string;
  last_name: string;
  phone?: string | undefined;
  company?: string | undefined;
  /** Sent with v3 only; v2 keeps addresses in a separate resource. */
  addresses?: NewCustomerAddress[] | undefined;
}

export type CustomerPatch = Partial<Omit<NewCustomer, 'addresses'>>;

export interface CustomerFilter {
  emails?: readonly string[] | undefined;
  modifiedSince?: Date | undefined;
}

export interface BillingAddress {
  first_name: string;
  last_name: string;
  company: string;
  street_1: string;
  street_2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  country_iso2: string;
  phone: string;
  email: string;
}

export interface Order {
  id: number;
  /** 0 for a guest checkout. */
  customer_id: number;
  status_id: number;
  status: string;
  /** ISO-8601. */
  date_created: string;
  /** ISO-8601. */
  date_modified: string;
  subtotal_ex_tax: number;
  subtotal_inc_tax: number;
  shipping_cost_ex_tax: number;
  shipping_cost_inc_tax: number;
  total_ex_tax: number;
  total_inc_tax: number;
  total_tax: number;
  discount_amount: number;
  items_total: number;
  payment_method: string;
  currency_code: string;
  customer_message: string;
  staff_notes: string;
  is_deleted: boolean;
  billing_address: BillingAddress;
}

export interface OrderFilter {
  statusIds?: readonly number[] | undefined;
  modifiedSince?: Date | undefined;
  minId?: number | undefined;
}

export interface OrderProduct {
  id: number;
  order_id: number;
  product_id: number;
  variant_id: number | null;
  name: string;
  sku: string;
  quantity: number;
  base_price: number;
  price_ex_tax: number;
  price_inc_tax: number;
  total_ex_tax: number;
  total_inc_tax: number;
}

export interface OrderStatus {
  id: number;
  name: string;
  system_label: string;
  custom_label: string;
  system_description: string;
  order: number;
}

export interface OrderCount {
  count: number;
  statuses: { id: number; name: string; count: number }[];
}
