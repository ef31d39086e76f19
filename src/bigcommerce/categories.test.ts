import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConflictError } from '../http/errors.ts';
import { clientFor, emulatorWith, kinds, requestLines } from './test-support.ts';

const manyCategories = Array.from({ length: 300 }, (_, i) => ({
  id: i + 1,
  parent_id: 0,
  name: `Category ${i + 1}`,
  is_visible: true,
}));

for (const kind of kinds) {
  void describe(`categories with a ${kind} account`, () => {
    void it('lists every category past a page', async () => {
      const emulator = emulatorWith({ categories: manyCategories });
      const client = clientFor(emulator, kind);

      const listed = await client.listCategories();

      assert.equal(listed.length, 300);
      assert.deepEqual(listed[0], { id: 1, parent_id: 0, name: 'Category 1', is_visible: true });
      assert.ok(requestLines(emulator).every((line) => line.startsWith('GET')));
    });

    void it('creates a top-level and a child category', async () => {
      const client = clientFor(emulatorWith(), kind);

      const parent = await client.createCategory({ name: 'Kitchen', is_visible: true });
      const child = await client.createCategory({ name: 'Cups', parent_id: parent.id });

      assert.equal(parent.parent_id, 0);
      assert.equal(child.parent_id, parent.id);
      assert.ok((await client.listCategories()).some((category) => category.name === 'Cups'));
    });

    void it('refuses a second category of the same name', async () => {
      const client = clientFor(emulatorWith(), kind);

      await assert.rejects(client.createCategory({ name: 'Mugs' }), ConflictError);
    });
  });
}
