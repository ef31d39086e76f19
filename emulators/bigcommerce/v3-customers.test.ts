import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { harness, json, readJson, storeA } from './test-support.ts';

interface Customer {
  id: number;
  email: string;
  first_name: string;
  date_modified: string;
}
interface CustomerList {
  data: Customer[];
  meta: { pagination: { total: number; total_pages: number } };
}

const person = (n: number) => ({
  email: `buyer${n}@example.test`,
  first_name: `Buyer`,
  last_name: `No${n}`,
});

function withCustomers(count: number) {
  const customers = Array.from({ length: count }, (_, i) => person(i + 1));
  return harness({ stores: [{ ...storeA, customers }] });
}

void describe('/v3/customers', () => {
  void it('creates a batch and answers 200 {data: [...]}', async () => {
    const { current } = harness();

    const response = await current('/v3/customers', {
      method: 'POST',
      ...json([person(1), person(2)]),
    });

    assert.equal(response.status, 200);
    const { data } = await readJson<{ data: Customer[] }>(response);
    assert.deepEqual(
      data.map((c) => c.id),
      [1, 2],
    );
  });

  void it('refuses a taken email (any case) with 422 and creates none of the batch', async () => {
    const { current } = withCustomers(1);

    const response = await current('/v3/customers', {
      method: 'POST',
      ...json([person(5), { ...person(9), email: 'BUYER1@example.test' }]),
    });
    const twice = await current('/v3/customers', {
      method: 'POST',
      ...json([person(7), person(7)]),
    });
    const list = await readJson<CustomerList>(await current('/v3/customers'));

    assert.equal(response.status, 422);
    assert.ok('1.email' in (await readJson<{ errors: object }>(response)).errors);
    assert.equal(twice.status, 422);
    assert.equal(list.meta.pagination.total, 1);
  });

  void it('answers 413 for more than 10 and 422 for a missing field', async () => {
    const { current } = harness();
    const eleven = Array.from({ length: 11 }, (_, i) => person(i));

    const tooMany = await current('/v3/customers', { method: 'POST', ...json(eleven) });
    const missing = await current('/v3/customers', {
      method: 'POST',
      ...json([{ email: 'x@example.test' }]),
    });

    assert.equal(tooMany.status, 413);
    assert.equal(missing.status, 422);
    assert.deepEqual(Object.keys((await readJson<{ errors: object }>(missing)).errors).sort(), [
      '0.first_name',
      '0.last_name',
    ]);
  });

  void it('filters by email:in (any case), id:in and date_modified:min, and pages', async () => {
    const { current, clock } = withCustomers(5);
    clock.now += 5000;
    await current('/v3/customers', { method: 'PUT', ...json([{ id: 4, first_name: 'Bea' }]) });
    const ids = async (query: string) =>
      (await readJson<CustomerList>(await current(`/v3/customers?${query}`))).data.map((c) => c.id);

    assert.deepEqual(await ids('email:in=BUYER2@example.test,buyer3@example.test'), [2, 3]);
    assert.deepEqual(await ids('id:in=1,5'), [1, 5]);
    assert.deepEqual(await ids('date_modified:min=2026-01-05T10:00:03Z'), [4]);
    const second = await readJson<CustomerList>(await current('/v3/customers?limit=2&page=3'));
    assert.deepEqual(
      second.data.map((c) => c.id),
      [5],
    );
    assert.equal(second.meta.pagination.total_pages, 3);
  });

  void it('answers 422 for a filter it does not know', async () => {
    const { current } = withCustomers(1);

    const response = await current('/v3/customers?customer_id=1');

    assert.equal(response.status, 422);
  });

  void it('updates a batch all or nothing, refusing a taken email', async () => {
    const { current } = withCustomers(3);

    const clash = await current('/v3/customers', {
      method: 'PUT',
      ...json([
        { id: 1, first_name: 'Changed' },
        { id: 2, email: 'Buyer3@example.test' },
      ]),
    });
    const unknown = await current('/v3/customers', {
      method: 'PUT',
      ...json([{ id: 77, first_name: 'Nobody' }]),
    });
    const swap = await current('/v3/customers', {
      method: 'PUT',
      ...json([
        { id: 3, email: 'new3@example.test' },
        { id: 2, email: 'buyer3@example.test' },
      ]),
    });
    const first = await readJson<CustomerList>(await current('/v3/customers?id:in=1'));

    assert.equal(clash.status, 422);
    assert.equal(unknown.status, 422);
    assert.equal(swap.status, 200);
    assert.equal(first.data[0]?.first_name, 'Buyer');
  });

  void it('deletes by id:in, and a delete without it changes nothing', async () => {
    const { current } = withCustomers(3);

    const bare = await current('/v3/customers', { method: 'DELETE' });
    const filtered = await current('/v3/customers?id:in=1,2', { method: 'DELETE' });
    const left = await readJson<CustomerList>(await current('/v3/customers'));

    assert.equal(bare.status, 204);
    assert.equal(filtered.status, 204);
    assert.deepEqual(
      left.data.map((c) => c.id),
      [3],
    );
  });
});
