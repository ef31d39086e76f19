import { daysBefore, isoSeconds, type DemoRandom } from './random.ts';
import type { BigCommerceCustomerDoc, ImonggoCustomerDoc } from './types.ts';

const firstNames = [
  'Maria',
  'Jose',
  'Ana',
  'Juan',
  'Carmela',
  'Miguel',
  'Isabel',
  'Rafael',
  'Luz',
  'Paolo',
  'Teresa',
  'Andres',
  'Bea',
  'Carlo',
  'Diana',
  'Emilio',
  'Francesca',
  'Gabriel',
  'Hannah',
  'Ignacio',
  'Joanna',
  'Kevin',
  'Liza',
  'Marco',
];
const lastNames = [
  'Santos',
  'Reyes',
  'Cruz',
  'Bautista',
  'Garcia',
  'Mendoza',
  'Torres',
  'Villanueva',
  'Ramos',
  'Aquino',
  'Navarro',
  'Castillo',
  'Fernandez',
  'Lim',
  'Tan',
  'Dela Cruz',
  'Gonzales',
  'Salazar',
  'Pascual',
  'Marquez',
];
const domains = ['example.com', 'example.net', 'example.org', 'mail.example.com'];
const cities: [city: string, state: string, zip: string][] = [
  ['Makati', 'Metro Manila', '1226'],
  ['Quezon City', 'Metro Manila', '1103'],
  ['Pasig', 'Metro Manila', '1605'],
  ['Cebu City', 'Cebu', '6000'],
  ['Davao City', 'Davao del Sur', '8000'],
  ['Baguio', 'Benguet', '2600'],
  ['Iloilo City', 'Iloilo', '5000'],
];
const streets = [
  'Rizal Ave',
  'Mabini St',
  'Bonifacio Dr',
  'Luna St',
  'Osmeña Blvd',
  'Session Rd',
  'Katipunan Ave',
];
const companies = [
  '',
  '',
  '',
  'Kape Kanto Café',
  'Tala Bakeshop',
  'Bluebird Co-working',
  'Sampaguita Events',
];

export interface Person {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  company: string;
  street: string;
  city: string;
  state: string;
  zip: string;
}

/** The customer base of the demo shop, before it is split between Imonggo and BigCommerce. */
export function buildPeople(random: DemoRandom, count: number): Person[] {
  const pairs = random.sample(
    firstNames.flatMap((first) => lastNames.map((last) => [first, last] as const)),
    count,
  );

  return pairs.map(([first, last], index) => {
    const [city, state, zip] = random.pick(cities);
    const local = `${first}.${last}`.toLowerCase().replace(/\s+/g, '');
    return {
      first_name: first,
      last_name: last,
      email: `${local}@${domains[index % domains.length]}`,
      phone: `+63 9${random.int(10, 99)} ${random.int(100, 999)} ${String(random.int(0, 9999)).padStart(4, '0')}`,
      company: random.pick(companies),
      street: `${random.int(1, 250)} ${random.pick(streets)}`,
      city,
      state,
      zip,
    };
  });
}

/** Imonggo customers with ids 1..n; the ones listed in `deleted` are soft-deleted. */
export function imonggoCustomers(
  random: DemoRandom,
  people: Person[],
  deleted: ReadonlySet<number>,
): ImonggoCustomerDoc[] {
  return people.map((person, index) => {
    const created = daysBefore(random.int(60, 500), random.int(0, 600));
    const updated = deleted.has(index)
      ? daysBefore(random.int(5, 30))
      : created + random.int(0, 40) * 86_400_000;
    return {
      id: index + 1,
      first_name: person.first_name,
      last_name: person.last_name,
      email: person.email,
      telephone: '',
      mobile: person.phone,
      company_name: person.company,
      street: person.street,
      city: person.city,
      state: person.state,
      zipcode: person.zip,
      country: 'Philippines',
      status: deleted.has(index) ? 'D' : null,
      utc_created_at: isoSeconds(created),
      utc_updated_at: isoSeconds(Math.min(updated, daysBefore(1))),
    };
  });
}

/** BigCommerce customers with ids 1..n; `upperCase` picks the ones whose email differs in case. */
export function bigCommerceCustomers(
  random: DemoRandom,
  people: Person[],
  upperCase: ReadonlySet<number>,
): BigCommerceCustomerDoc[] {
  return people.map((person, index) => {
    const created = daysBefore(random.int(50, 400), random.int(0, 600));
    const email = upperCase.has(index) ? capitalizeEmail(person.email) : person.email;
    return {
      id: index + 1,
      email,
      first_name: person.first_name,
      last_name: person.last_name,
      company: person.company,
      phone: person.phone,
      date_created: isoSeconds(created),
      date_modified: isoSeconds(created + random.int(0, 30) * 86_400_000),
    };
  });
}

/** `Maria.Santos@Example.com`: how shoppers type their address at a storefront. */
function capitalizeEmail(email: string): string {
  return email.replace(
    /(^|[.@])([a-z])/g,
    (_match, separator: string, letter: string) => separator + letter.toUpperCase(),
  );
}
