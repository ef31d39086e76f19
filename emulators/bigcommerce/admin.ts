import type { Hono } from 'hono';
import { ADMIN_PREFIX, readJson } from '../common/admin.ts';
import { dumpState, loadState, StateError } from './state.ts';
import type { World } from './world.ts';

/** `PUT /__admin/state` replaces every store; `GET /__admin/state` returns them. */
export function mountStateAdmin(app: Hono, world: World): void {
  app.put(`${ADMIN_PREFIX}/state`, async (c) => {
    try {
      world.stores = loadState(await readJson(c), world.now());
    } catch (error) {
      if (!(error instanceof StateError)) throw error;
      return c.json(
        { error: 'invalid state document', field: error.field, message: error.message },
        400,
      );
    }
    return c.json(dumpState(world.stores));
  });

  app.get(`${ADMIN_PREFIX}/state`, (c) => c.json(dumpState(world.stores)));
}
