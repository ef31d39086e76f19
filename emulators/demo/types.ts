import type { BigCommerceStateDoc } from '../bigcommerce/index.ts';

/** The Imonggo emulator's `PUT /__admin/state` document, as far as the demo fills it. */
export interface ImonggoProductDoc {
  id: number;
  stock_no: string;
  name: string;
  retail_price: number;
  cost: number;
  description: string;
  tag_list: string[];
  barcode_list: string;
  status: null | 'D';
  utc_created_at: string;
  utc_updated_at: string;
}

export interface ImonggoInventoryDoc {
  product_id: number;
  quantity: number;
  branch_id: number;
}

export interface ImonggoCustomerDoc {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  telephone: string;
  mobile: string;
  company_name: string;
  street: string;
  city: string;
  state: string;
  zipcode: string;
  country: string;
  status: null | 'D';
  utc_created_at: string;
  utc_updated_at: string;
}

export interface ImonggoAccountDoc {
  account_id: string;
  email: string;
  password: string;
  api_token: string;
  products: ImonggoProductDoc[];
  inventories: ImonggoInventoryDoc[];
  customers: ImonggoCustomerDoc[];
  invoices: never[];
  branches: { id: number; name: string }[];
  payment_types: { id: number; name: string }[];
}

export interface ImonggoStateDoc {
  accounts: ImonggoAccountDoc[];
}

type StoreDoc = BigCommerceStateDoc['stores'][number];

/** A BigCommerce document whose stores all carry legacy credentials, as the demo store does. */
export interface DemoBigCommerceDoc {
  stores: (StoreDoc & { legacy: { username: string; api_token: string } })[];
}

export type BigCommerceProductDoc = NonNullable<StoreDoc['products']>[number];
export type BigCommerceCustomerDoc = NonNullable<StoreDoc['customers']>[number];
export type BigCommerceOrderDoc = NonNullable<StoreDoc['orders']>[number];
export type BigCommerceOrderLineDoc = NonNullable<BigCommerceOrderDoc['products']>[number];
