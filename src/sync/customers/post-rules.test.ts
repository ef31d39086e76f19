import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planPostCustomers, type PostCustomersInput } from './post-rules.ts';
import { customerLink, imonggoCustomer, storeCustomer } from './test-records.ts';
import { alternateCode, facingHash, storeFacing } from './values.ts';

function plan(input: Partial<PostCustomersInput>) {
  return planPostCustomers({
    storeCustomers: [],
    imonggoCustomers: [],
    links: [],
    storeKey: 'abc123',
    full: true,
    ...input,
  });
}

function only(input: Partial<PostCustomersInput>) {
  const items = plan(input).items;
  assert.equal(items.length, 1);
  return items[0]!;
}

describe('post customers rules (user guide table 4, store → Imonggo)', () => {
  it('posts every store customer when Imonggo has no customers', () => {
    const result = plan({ storeCustomers: [storeCustomer(2), storeCustomer(1)] });

    assert.deepEqual(
      result.items.map((item) => [item.bigcommerceId, item.action]),
      [
        ['1', 'create'],
        ['2', 'create'],
      ],
    );
    assert.equal(result.items[0]?.reason, 'new on the store; created in Imonggo');
    assert.deepEqual(result.items[0]?.payload?.input, {
      alternate_code: 'BC-abc123-1',
      first_name: 'First1',
      last_name: 'Last1',
      email: 'person1@example.com',
    });
  });

  it('links a customer Imonggo has with the same email, ignoring case and spaces', () => {
    const imonggo = imonggoCustomer(7, { email: ' Person1@Example.COM ' });
    const item = only({ storeCustomers: [storeCustomer(1)], imonggoCustomers: [imonggo] });

    assert.equal(item.action, 'link');
    assert.equal(item.key, 'person1@example.com');
    assert.equal(item.imonggoId, '7');
    assert.equal(item.payload?.imonggoId, 7);
    assert.match(item.reason, /already in Imonggo with this email/);
  });

  it('leaves the hash out of a link whose store details differ, so that an update pushes them', () => {
    const same = imonggoCustomer(7, {
      email: 'person1@example.com',
      first_name: 'First1',
      last_name: 'Last1',
    });
    const other = imonggoCustomer(8, { email: 'person2@example.com', last_name: 'Other' });
    const result = plan({
      storeCustomers: [storeCustomer(1), storeCustomer(2)],
      imonggoCustomers: [same, other],
    });

    assert.equal(result.items[0]?.payload?.hash, facingHash(storeFacing(same)));
    assert.equal(result.items[1]?.payload?.hash, null);
    assert.match(result.items[1].reason, /the next customer update gives the store its details/);
  });

  it('links to the oldest active one when several Imonggo customers share the email', () => {
    const item = only({
      storeCustomers: [storeCustomer(1)],
      imonggoCustomers: [
        imonggoCustomer(9, { email: 'person1@example.com' }),
        imonggoCustomer(4, { email: 'person1@example.com', status: 'D' }),
        imonggoCustomer(8, { email: 'PERSON1@example.com' }),
      ],
    });

    assert.equal(item.action, 'link');
    assert.equal(item.imonggoId, '8');
    assert.match(item.reason, /2 Imonggo customers share this email/);
  });

  it('links by BIN alternate code even when the email was changed in Imonggo', () => {
    const imonggo = imonggoCustomer(7, { email: 'new@example.com', alternate_code: 'BC-abc123-1' });
    const item = only({ storeCustomers: [storeCustomer(1)], imonggoCustomers: [imonggo] });

    assert.equal(item.action, 'link');
    assert.equal(item.imonggoId, '7');
    assert.match(item.reason, /alternate code BC-abc123-1/);
  });

  it('leaves alone a linked customer that was deleted in Imonggo and never re-creates it', () => {
    const item = only({
      storeCustomers: [storeCustomer(1)],
      imonggoCustomers: [imonggoCustomer(7, { status: 'D' })],
      links: [customerLink(1, { imonggo: 7, store: 1 })],
    });

    assert.equal(item.action, 'skip');
    assert.match(item.reason, /deleted in Imonggo after it was posted/);
  });

  it('does not post a customer whose email belongs to a deleted, unlinked Imonggo customer', () => {
    const item = only({
      storeCustomers: [storeCustomer(1)],
      imonggoCustomers: [imonggoCustomer(7, { email: 'person1@example.com', status: 'D' })],
    });

    assert.equal(item.action, 'skip');
    assert.equal(item.imonggoId, '7');
    assert.match(
      item.reason,
      /was deleted there; not posted, so that a customer deleted in Imonggo/,
    );
  });

  it('does not post again a customer BIN posted whose Imonggo record was deleted since', () => {
    const item = only({
      storeCustomers: [storeCustomer(1)],
      imonggoCustomers: [
        imonggoCustomer(7, {
          email: 'other@example.com',
          alternate_code: 'BC-abc123-1',
          status: 'D',
        }),
      ],
    });

    assert.equal(item.action, 'skip');
    assert.match(item.reason, /posted before and deleted in Imonggo since/);
  });

  it('skips a customer already linked, found by its store id even after an email change', () => {
    const item = only({
      storeCustomers: [storeCustomer(1, { email: 'changed@example.com' })],
      imonggoCustomers: [imonggoCustomer(7)],
      links: [customerLink(1, { imonggo: 7, store: 1 })],
    });

    assert.deepEqual([item.action, item.reason], ['skip', 'already in Imonggo']);
  });

  it('does not post again a linked customer whose Imonggo record is gone', () => {
    const item = only({
      storeCustomers: [storeCustomer(1)],
      links: [customerLink(1, { imonggo: 7, store: 1 })],
    });

    assert.equal(item.action, 'skip');
    assert.match(item.reason, /no longer exists; not posted again/);
  });

  it('waits for recovery on a customer an interrupted run was creating', () => {
    const item = only({
      storeCustomers: [storeCustomer(1)],
      links: [customerLink(1, { imonggo: null, store: 1 }, { state: 'pending' })],
    });

    assert.equal(item.action, 'skip');
    assert.match(item.reason, /interrupted run/);
  });

  it('skips a store customer whose email is linked to another store customer', () => {
    const item = only({
      storeCustomers: [storeCustomer(2, { email: 'person1@example.com' })],
      links: [customerLink(1, { imonggo: 7, store: 1 })],
    });

    assert.equal(item.action, 'skip');
    assert.match(item.reason, /linked to store customer #1/);
  });

  it('skips when the Imonggo customer with the email is already linked to someone else', () => {
    const item = only({
      storeCustomers: [storeCustomer(2, { email: 'shared@example.com' })],
      imonggoCustomers: [imonggoCustomer(7, { email: 'shared@example.com' })],
      links: [customerLink(1, { imonggo: 7, store: 1 })],
    });

    assert.equal(item.action, 'skip');
    assert.match(item.reason, /already linked to another store customer/);
  });

  it('rejects store customers without a valid email, with the reason', () => {
    const result = plan({
      storeCustomers: [
        storeCustomer(1, { email: '' }),
        storeCustomer(2, { email: 'not-an-email' }),
        storeCustomer(3, { email: `${'a'.repeat(45)}@example.com` }),
      ],
    });

    assert.deepEqual(
      result.items.map((item) => item.action),
      ['reject', 'reject', 'reject'],
    );
    assert.match(result.items[0]!.reason, /has no email address/);
    assert.equal(result.items[0]!.key, 'store-customer-1');
    assert.match(result.items[1]!.reason, /"not-an-email" is not a valid address/);
    assert.match(result.items[2]!.reason, /longer than the 50 characters Imonggo keeps/);
  });

  it('sends the first address, phone and company the store returned', () => {
    const customer = storeCustomer(1, {
      phone: '',
      company: 'Analytical Ltd',
      addresses: [
        {
          id: 1,
          first_name: 'Ada',
          last_name: 'Lovelace',
          company: '',
          address1: '12 Engine St',
          address2: 'Flat 2',
          city: 'London',
          state_or_province: 'Greater London',
          postal_code: 'N1 1AA',
          country_code: 'GB',
          phone: '+44 20 0000 0000',
        },
      ],
    });
    const item = only({ storeCustomers: [customer] });

    assert.deepEqual(item.payload?.input, {
      alternate_code: 'BC-abc123-1',
      first_name: 'First1',
      last_name: 'Last1',
      email: 'person1@example.com',
      company_name: 'Analytical Ltd',
      telephone: '+44 20 0000 0000',
      street: '12 Engine St, Flat 2',
      city: 'London',
      zipcode: 'N1 1AA',
      country: 'GB',
    });
  });

  it('says why nothing is posted when no store customer is read', () => {
    assert.deepEqual(plan({}).notes, ['The store has no customers: nothing will be posted.']);
    assert.match(plan({ full: false }).notes[0] ?? '', /No store customer changed/);
  });
});

describe('alternate codes', () => {
  it('keep the store key when they fit Imonggo’s 30 characters, else a short hash of it', () => {
    assert.equal(alternateCode('abc123', 42), 'BC-abc123-42');

    const long = alternateCode('my-long-shop-name.mybigcommerce.com', 4200001);
    assert.match(long, /^BC-[0-9a-f]{8}-4200001$/);
    assert.equal(long, alternateCode('my-long-shop-name.mybigcommerce.com', 4200001));
    assert.notEqual(long, alternateCode('other-long-shop-name.mybigcommerce.com', 4200001));
  });
});
