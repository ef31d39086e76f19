import type { Customer, Product } from '../imonggo/schemas.ts';

/**
 * Imonggo records with every field empty, as the client returns them, for the pure rules' tests:
 * each test sets only the fields its rule reads.
 */
export function blankImonggoProduct(id: number): Product {
  return {
    id,
    stock_no: '',
    name: '',
    cost: 0,
    retail_price: 0,
    description: '',
    allow_decimal_quantities: false,
    disable_discount: false,
    disable_inventory: false,
    enable_open_price: false,
    tax_exempt: false,
    tag_list: [],
    barcode_list: '',
    status: null,
    utc_created_at: '2026-01-01T00:00:00.000Z',
    utc_updated_at: '2026-01-01T00:00:00.000Z',
  };
}

export function blankImonggoCustomer(id: number): Customer {
  return {
    id,
    code: '',
    alternate_code: '',
    first_name: '',
    last_name: '',
    name: '',
    company_name: '',
    tin: '',
    tax_exempt: false,
    street: '',
    city: '',
    state: '',
    zipcode: '',
    country: '',
    telephone: '',
    fax: '',
    mobile: '',
    email: '',
    remark: '',
    status: null,
    utc_created_at: '2026-01-01T00:00:00.000Z',
    utc_updated_at: '2026-01-01T00:00:00.000Z',
  };
}
