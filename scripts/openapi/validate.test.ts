import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from './validate.ts';

const root = {
  components: {
    schemas: {
      base: {
        type: 'object',
        properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' } },
        required: ['id', 'name'],
      },
    },
  },
};

const product = {
  allOf: [
    { $ref: '#/components/schemas/base' },
    {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['physical', 'digital'] },
        image: { type: 'object', nullable: true, properties: { url: { type: 'string' } } },
        sku: { type: 'string', maxLength: 5 },
      },
    },
  ],
};

const messages = (value: unknown, direction: 'request' | 'response' = 'response') =>
  validate(value, product, root, direction).map(
    (issue) => `${issue.severity} ${issue.at} ${issue.message}`,
  );

describe('validate', () => {
  it('accepts a body that fits the merged allOf parts, nulls where nullable', () => {
    assert.deepEqual(messages({ id: 1, name: 'Mug', type: 'physical', image: null }), []);
  });

  it('names wrong types, bad enum values, lengths and missing required fields', () => {
    assert.deepEqual(messages({ id: '1', type: 'food', sku: 'TOO-LONG' }), [
      'error name is required by the spec but missing',
      'error id is string; the spec declares integer',
      'error type is "food"; the spec allows "physical", "digital"',
      'error sku is longer than 5',
    ]);
  });

  it('warns about undeclared properties in a response and refuses them in a request', () => {
    assert.deepEqual(messages({ id: 1, name: 'Mug', colour: 'blue' }), [
      'warning colour is not declared by the spec (extra property)',
    ]);
    assert.deepEqual(messages({ name: 'Mug', colour: 'blue' }, 'request'), [
      'error colour is not a property the spec declares',
    ]);
  });

  it('does not require a read-only property in a request, and flags one sent unasked', () => {
    assert.deepEqual(messages({ name: 'Mug' }, 'request'), []);

    const optionalId = {
      type: 'object',
      properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' } },
      required: ['name'],
    };
    assert.deepEqual(
      validate({ id: 3, name: 'Mug' }, optionalId, {}, 'request').map((issue) => issue.message),
      ['is read-only in the spec but sent'],
    );
  });

  it('judges oneOf by the branch that fits best and folds array positions', () => {
    const schema = {
      type: 'array',
      items: {
        oneOf: [{ type: 'integer' }, { type: 'object', properties: { id: { type: 'integer' } } }],
      },
    };
    assert.deepEqual(validate([1, { id: 2 }], schema, {}, 'response'), []);
    assert.deepEqual(
      validate([{ id: 'x' }, { id: 'y' }], schema, {}, 'response').map((issue) => issue.at),
      ['[].id'],
    );
  });

  it('only warns about a null in a schema read from prose', () => {
    const prose = {
      type: 'object',
      properties: { image: { type: 'object', 'x-prose-type': 'object' } },
    };
    assert.deepEqual(
      validate({ image: null }, prose, {}, 'response').map((issue) => issue.severity),
      ['warning'],
    );
  });
});
