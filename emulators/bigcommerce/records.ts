/**
 * The records one emulated store holds. Field names are BigCommerce's own: v3 names for products,
 * categories and customers (the current API's catalog), v2 names for orders. Dates are kept as
 * epoch milliseconds and written out in each API's own format; money is kept as numbers and v2
 * writes it as strings with four decimals.
 */

export type ProductType = 'physical' | 'digital';
export type InventoryTracking = 'none' | 'product' | 'variant';
export type Availability = 'available' | 'disabled' | 'preorder';
export type Condition = 'New' | 'Used' | 'Refurbished';

export interface ProductRecord {
  id: number;
  name: string;
  type: ProductType;
  sku: string;
  description: string;
  weight: number;
  width: number;
  depth: number;
  height: number;
  price: number;
  cost_price: number;
  retail_price: number;
  sale_price: number;
  map_price: number;
  tax_class_id: number;
  categories: number[];
  brand_id: number;
  inventory_level: number;
  inventory_warning_level: number;
  inventory_tracking: InventoryTracking;
  is_visible: boolean;
  is_featured: boolean;
  availability: Availability;
  condition: Condition;
  upc: string;
  mpn: string;
  gtin: string;
  search_keywords: string;
  page_title: string;
  meta_keywords: string[];
  meta_description: string;
  sort_order: number;
  total_sold: number;
  view_count: number;
  date_created: number;
  date_modified: number;
}

export interface CategoryRecord {
  id: number;
  parent_id: number;
  name: string;
  description: string;
  views: number;
  sort_order: number;
  page_title: string;
  meta_keywords: string[];
  meta_description: string;
  layout_file: string;
  image_url: string;
  is_visible: boolean;
  search_keywords: string;
  default_product_sort: string;
}

export interface CustomerRecord {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  company: string;
  phone: string;
  notes: string;
  tax_exempt_category: string;
  customer_group_id: number;
  registration_ip_address: string;
  accepts_product_review_abandoned_cart_emails: boolean;
  store_credit: number;
  date_created: number;
  date_modified: number;
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

export interface OrderLineRecord {
  id: number;
  order_id: number;
  product_id: number;
  variant_id: number;
  name: string;
  sku: string;
  type: ProductType;
  quantity: number;
  base_price: number;
  price_ex_tax: number;
  price_inc_tax: number;
  price_tax: number;
  base_total: number;
  total_ex_tax: number;
  total_inc_tax: number;
  total_tax: number;
  weight: number;
  quantity_shipped: number;
  quantity_refunded: number;
  refund_amount: number;
  is_refunded: boolean;
}

export interface OrderRecord {
  id: number;
  customer_id: number;
  date_created: number;
  date_modified: number;
  date_shipped: number | null;
  status_id: number;
  subtotal_ex_tax: number;
  subtotal_inc_tax: number;
  subtotal_tax: number;
  shipping_cost_ex_tax: number;
  shipping_cost_inc_tax: number;
  shipping_cost_tax: number;
  total_ex_tax: number;
  total_inc_tax: number;
  total_tax: number;
  discount_amount: number;
  coupon_discount: number;
  refunded_amount: number;
  items_total: number;
  items_shipped: number;
  payment_method: string;
  payment_status: string;
  currency_code: string;
  customer_message: string;
  staff_notes: string;
  order_source: string;
  channel_id: number;
  external_source: string;
  external_id: string;
  is_deleted: boolean;
  billing_address: BillingAddress;
  products: OrderLineRecord[];
}

export interface LegacyCredentials {
  username: string;
  api_token: string;
}

export interface StoreRecord {
  store_hash: string;
  domain: string;
  legacy: LegacyCredentials | null;
  access_token: string;
  products: Map<number, ProductRecord>;
  categories: Map<number, CategoryRecord>;
  customers: Map<number, CustomerRecord>;
  orders: Map<number, OrderRecord>;
  nextId: { product: number; category: number; customer: number; order: number; line: number };
}

/** Hands out the next id of a kind, never reusing one, as BigCommerce's auto-increment ids do. */
export function takeId(store: StoreRecord, kind: keyof StoreRecord['nextId']): number {
  const id = store.nextId[kind];
  store.nextId[kind] = id + 1;
  return id;
}

export function sortedById<T extends { id: number }>(records: Map<number, T>): T[] {
  return [...records.values()].sort((a, b) => a.id - b.id);
}
