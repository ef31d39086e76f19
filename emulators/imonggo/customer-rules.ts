/**
 * Widths of customer text fields. Imonggo truncates longer text silently instead of rejecting
 * it. `country` has no documented width; 50 like the other address fields.
 */
export const customerWidths: Record<string, number> = {
  alternate_code: 30,
  first_name: 50,
  last_name: 50,
  name: 100,
  company_name: 50,
  tin: 30,
  street: 50,
  city: 50,
  state: 50,
  zipcode: 50,
  country: 50,
  telephone: 50,
  fax: 50,
  mobile: 50,
  email: 50,
};

export function truncate(field: string, value: string): string {
  const width = customerWidths[field];
  return width === undefined ? value : value.slice(0, width);
}

/** Imonggo joins first and last name into the full name when the name itself is left out. */
export function fullName(first: string, last: string): string {
  return [first.trim(), last.trim()].filter((part) => part !== '').join(' ');
}

/** A `YYYY-MM-DD` birthdate, or null: Imonggo drops an invalid birthdate without an error. */
export function validBirthdate(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}

/** The system-assigned customer code; the real format is configurable per account. */
export function customerCode(id: number): string {
  return `C${String(id).padStart(6, '0')}`;
}
