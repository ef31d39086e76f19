import { customerCode, fullName, truncate, validBirthdate } from '../customer-rules.ts';
import { hundredAPage, inquiry, isActiveOnly, pageOf, updatedFilter } from '../listing.ts';
import { presentCustomer } from '../present.ts';
import { nextId, type Account, type CustomerRecord } from '../records.ts';
import { errors, list, notFound, record } from '../reply.ts';
import { findById, type ApiRequest, type ResourceRoutes } from '../request.ts';
import { isoSeconds } from '../timestamps.ts';
import { has, Problems, readBoolean, readText, type Attributes } from '../values.ts';

const textFields = [
  'alternate_code',
  'first_name',
  'last_name',
  'name',
  'company_name',
  'tin',
  'street',
  'city',
  'state',
  'zipcode',
  'country',
  'telephone',
  'fax',
  'mobile',
  'email',
  'remark',
] as const;

type CustomerChanges = Partial<Omit<CustomerRecord, 'id' | 'code' | 'status'>>;

function readChanges(attrs: Attributes, problems: Problems): CustomerChanges {
  const changes: CustomerChanges = {};

  for (const field of textFields) {
    const value = readText(attrs, field, problems);
    if (value !== undefined) changes[field] = truncate(field, value.trim());
  }

  const taxExempt = readBoolean(attrs, 'tax_exempt', problems);
  if (taxExempt !== undefined) changes.tax_exempt = taxExempt;

  if (has(attrs, 'birthdate')) {
    const birthdate = attrs.birthdate;
    changes.birthdate = validBirthdate(typeof birthdate === 'string' ? birthdate : null);
  }

  return changes;
}

export function blankCustomer(id: number, stamp: string): CustomerRecord {
  return {
    id,
    code: customerCode(id),
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
    birthdate: null,
    status: null,
    utc_created_at: stamp,
    utc_updated_at: stamp,
  };
}

/**
 * `alternate_code` is unique (integrations keep the shop's customer id there); deleted customers
 * keep holding theirs, the stricter reading. Names and emails may repeat.
 */
function validate(customer: CustomerRecord, account: Account, problems: Problems): void {
  if (customer.name === '') problems.add('name', "can't be blank");

  const code = customer.alternate_code.toLowerCase();
  const others = account.customers.filter((c) => c.id !== customer.id);
  if (code !== '' && others.some((c) => c.alternate_code.toLowerCase() === code)) {
    problems.add('alternate_code', 'has already been taken');
  }
}

async function save(request: ApiRequest, existing: CustomerRecord | undefined) {
  const body = await request.body('customer');
  if (!body.ok) return errors([body.message]);

  const { account } = request;
  const stamp = isoSeconds(request.now());
  const problems = new Problems();
  const changes = readChanges(body.attrs, problems);
  const base = existing ?? blankCustomer(nextId(account.customers), stamp);
  const customer: CustomerRecord = { ...base, ...changes, utc_updated_at: stamp };

  const nameGiven = changes.name !== undefined && changes.name !== '';
  if (!nameGiven && (changes.first_name !== undefined || changes.last_name !== undefined)) {
    customer.name = truncate('name', fullName(customer.first_name, customer.last_name));
  }

  validate(customer, account, problems);
  if (problems.any) return errors(problems.messages);

  if (existing) {
    Object.assign(existing, customer);
    return record('customer', presentCustomer(existing));
  }
  account.customers.push(customer);
  return record('customer', presentCustomer(customer), 201);
}

export const customerRoutes: ResourceRoutes = {
  list(request) {
    const filter = updatedFilter(request.query);
    if ('refused' in filter) return filter.refused;

    const activeOnly = isActiveOnly(request.query);
    const matching = request.account.customers
      .filter((c) => (!activeOnly || c.status === null) && filter.keep(c))
      .sort((a, b) => a.id - b.id);

    const page = pageOf(matching, request.query, hundredAPage);
    return inquiry(request.query, matching) ?? list('customers', page.map(presentCustomer));
  },

  show(request) {
    const customer = findById(request.account.customers, request.id);
    return customer ? record('customer', presentCustomer(customer)) : notFound();
  },

  create: (request) => save(request, undefined),

  update(request) {
    const customer = findById(request.account.customers, request.id);
    return customer ? save(request, customer) : notFound();
  },

  destroy(request) {
    const customer = findById(request.account.customers, request.id);
    if (!customer) return notFound();

    customer.status = 'D';
    customer.utc_updated_at = isoSeconds(request.now());
    return record('customer', presentCustomer(customer));
  },
};
