import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customerLink, imonggoCustomer, storeCustomer } from './test-records.ts';
import { planUpdateCustomers, type UpdateCustomersInput } from './update-rules.ts';
import { facingHash, storeFacing } from './values.ts';

function plan(input: Partial<UpdateCustomersInput>) {
  return planUpdateCustomers({
    imonggoCustomers: [],
    links: [],
    storeCustomers: [],
    full: true,
    ...input,
  });
}

function only(input: Partial<UpdateCustomersInput>) {
  const items = plan(input).items;
  assert.equal(items.length, 1);
  return items[0]!;
}

/** A link whose hash says the store holds exactly this Imonggo customer's values. */
function inStep(id: number, storeId: number, overrides = {}) {
  const hash = facingHash(storeFacing(imonggoCustomer(id, overrides)));
  return customerLink(id, { imonggo: id, store: storeId }, { pushed_hash: hash });
}

describe('update customers rules (user guide table 4, Imonggo → store)', () => {
  it('creates on the store the active customers with a valid email that it lacks', () => {
    const item = only({ imonggoCustomers: [imonggoCustomer(1, { telephone: '555-1' })] });

    assert.equal(item.action, 'create');
    assert.equal(item.key, 'person1@example.com');
    assert.equal(item.reason, 'new in Imonggo; created on the store');
    assert.deepEqual(item.payload?.values, {
      email: 'person1@example.com',
      first_name: 'First1',
      last_name: 'Last1',
      phone: '555-1',
      company: '',
    });
  });

  it('pushes attributes edited in Imonggo to the linked store customer', () => {
    const item = only({
      imonggoCustomers: [imonggoCustomer(1, { last_name: 'Renamed', company_name: 'Acme' })],
      links: [inStep(1, 11)],
    });

    assert.equal(item.action, 'update');
    assert.equal(item.bigcommerceId, '11');
    assert.equal(item.payload?.storeId, 11);
    assert.equal(item.payload?.values.last_name, 'Renamed');
    assert.equal(item.payload?.values.company, 'Acme');
    assert.equal(item.payload?.previousKey, undefined);
  });

  it('skips a linked customer whose pushed values did not change', () => {
    const item = only({ imonggoCustomers: [imonggoCustomer(1)], links: [inStep(1, 11)] });

    assert.deepEqual([item.action, item.reason], ['skip', 'unchanged since the last update']);
  });

  it('does nothing on the store for a posted customer deleted in Imonggo', () => {
    const item = only({
      imonggoCustomers: [imonggoCustomer(1, { status: 'D', last_name: 'Changed' })],
      links: [inStep(1, 11)],
    });

    assert.deepEqual(
      [item.action, item.reason],
      ['skip', 'deleted in Imonggo; left alone on the store'],
    );
  });

  it('does not post to the store a customer deleted in Imonggo', () => {
    const item = only({ imonggoCustomers: [imonggoCustomer(1, { status: 'D' })] });

    assert.deepEqual(
      [item.action, item.reason],
      ['skip', 'deleted in Imonggo; not posted to the store'],
    );
  });

  it('links to the store customer that already has the email, and updates it', () => {
    const item = only({
      imonggoCustomers: [imonggoCustomer(1, { email: 'Person1@Example.com ' })],
      storeCustomers: [storeCustomer(11, { email: 'person1@example.com', last_name: 'Old' })],
    });

    assert.equal(item.action, 'link');
    assert.equal(item.bigcommerceId, '11');
    assert.equal(item.payload?.write, true);
    assert.match(item.reason, /linked and updated/);
  });

  it('links without writing when the store customer already holds the same details', () => {
    const item = only({
      imonggoCustomers: [imonggoCustomer(1)],
      storeCustomers: [
        storeCustomer(11, {
          email: 'person1@example.com',
          first_name: 'First1',
          last_name: 'Last1',
        }),
      ],
    });

    assert.equal(item.action, 'link');
    assert.equal(item.payload?.write, false);
  });

  it('skips when the store customer with the email is linked to another Imonggo customer', () => {
    const item = only({
      imonggoCustomers: [imonggoCustomer(2, { email: 'shared@example.com' })],
      storeCustomers: [storeCustomer(11, { email: 'shared@example.com' })],
      links: [customerLink(1, { imonggo: 1, store: 11 })],
    });

    assert.equal(item.action, 'skip');
    assert.match(item.reason, /already linked to Imonggo customer #1/);
  });

  it('skips an Imonggo customer whose email another linked Imonggo customer has', () => {
    const item = only({
      imonggoCustomers: [imonggoCustomer(2, { email: 'person1@example.com' })],
      links: [customerLink(1, { imonggo: 1, store: 11 })],
    });

    assert.equal(item.action, 'skip');
    assert.match(item.reason, /another Imonggo customer \(#1\) with this email/);
  });

  it('sends only the oldest of several new Imonggo customers sharing an email', () => {
    const result = plan({
      imonggoCustomers: [
        imonggoCustomer(3, { email: 'twin@example.com' }),
        imonggoCustomer(2, { email: 'TWIN@example.com' }),
      ],
    });

    assert.deepEqual(
      result.items.map((item) => [item.imonggoId, item.action]),
      [
        ['2', 'create'],
        ['3', 'skip'],
      ],
    );
    assert.match(result.items[1]!.reason, /same email as Imonggo customer #2/);
  });

  it('leaves out customers without a valid email, which the store requires', () => {
    const result = plan({
      imonggoCustomers: [imonggoCustomer(1, { email: '' }), imonggoCustomer(2, { email: 'x@y' })],
    });

    assert.deepEqual(
      result.items.map((item) => [item.key, item.action]),
      [
        ['imonggo-customer-1', 'skip'],
        ['imonggo-customer-2', 'skip'],
      ],
    );
    assert.match(result.items[0]!.reason, /has no email address/);
    assert.match(result.items[1]!.reason, /"x@y" is not a valid address/);
  });

  it('splits a full name typed at the till, and rejects a customer with one name only', () => {
    const result = plan({
      imonggoCustomers: [
        imonggoCustomer(1, { first_name: '', last_name: '', name: 'Juan  dela Cruz' }),
        imonggoCustomer(2, { first_name: '', last_name: '', name: 'Walk-in' }),
      ],
    });

    assert.equal(result.items[0]?.action, 'create');
    assert.equal(result.items[0]?.payload?.values.first_name, 'Juan');
    assert.equal(result.items[0]?.payload?.values.last_name, 'dela Cruz');
    assert.equal(result.items[1]?.action, 'reject');
    assert.match(result.items[1].reason, /only one name \("Walk-in"\)/);
  });

  it('keeps the store email of a linked customer whose Imonggo email became invalid', () => {
    const item = only({
      imonggoCustomers: [imonggoCustomer(1, { email: 'broken', last_name: 'New' })],
      links: [inStep(1, 11)],
    });

    assert.equal(item.action, 'update');
    assert.equal(item.key, 'person1@example.com');
    assert.equal(item.payload?.values.email, undefined);
    assert.match(item.reason, /store keeps its own/);
  });

  it('moves the link to the new email when the email changed in Imonggo', () => {
    const item = only({
      imonggoCustomers: [imonggoCustomer(1, { email: 'moved@example.com' })],
      links: [inStep(1, 11)],
    });

    assert.equal(item.action, 'update');
    assert.equal(item.key, 'moved@example.com');
    assert.equal(item.payload?.previousKey, 'person1@example.com');
  });

  it('rejects an email change to an address another linked customer has', () => {
    const item = only({
      imonggoCustomers: [imonggoCustomer(1, { email: 'person2@example.com' })],
      links: [inStep(1, 11), customerLink(2, { imonggo: 2, store: 12 })],
    });

    assert.equal(item.action, 'reject');
    assert.match(item.reason, /already belongs to another linked customer \(store #12\)/);
  });

  it('waits for recovery on a customer an interrupted run was creating', () => {
    const item = only({
      imonggoCustomers: [imonggoCustomer(1)],
      links: [customerLink(1, { imonggo: 1, store: null }, { state: 'pending' })],
    });

    assert.equal(item.action, 'skip');
    assert.match(item.reason, /interrupted run/);
  });

  it('says why nothing is updated when no Imonggo customer is read', () => {
    assert.match(plan({}).notes[0] ?? '', /has no customers/);
    assert.match(plan({ full: false }).notes[0] ?? '', /No Imonggo customer changed/);
  });
});
