import type { BranchRecord, PaymentTypeRecord, TaxSettings } from './records.ts';

/** The six payment types every account has (ids from Nueca's library comment). */
export function defaultPaymentTypes(): PaymentTypeRecord[] {
  const names = ['Cash', 'Credit Card', 'Debit Card', 'Gift Certificate', 'Check', 'Others'];
  return names.map((name, index) => ({
    id: index + 1,
    code: name.toLowerCase().replace(/ /g, '_'),
    name,
    status: null,
  }));
}

/**
 * Every Imonggo account has at least one branch, and invoices and stock need one, so an account
 * the state document gives no branches gets one.
 */
export function defaultBranch(id: number, timestamp: string): BranchRecord {
  return blankBranch({ id, name: 'Main Branch', timestamp });
}

export function blankBranch(input: { id: number; name: string; timestamp: string }): BranchRecord {
  return {
    id: input.id,
    name: input.name,
    street: '',
    city: '',
    state: '',
    country: '',
    zipcode: '',
    tin: '',
    site_type: null,
    subscription_type: 2,
    status: null,
    utc_created_at: input.timestamp,
    utc_updated_at: input.timestamp,
  };
}

export function defaultTaxSettings(): TaxSettings {
  return { compute_tax: false, tax_inclusive: false, tax_rates: [] };
}
