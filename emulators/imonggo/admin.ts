import type { Hono } from 'hono';
import { ADMIN_PREFIX, readJson } from '../common/admin.ts';
import { StateError } from './state.ts';

/**
 * `PUT /__admin/state` replaces every account with the document's; `GET` returns the current
 * state in the same shape. A refused document answers 400 naming the first bad field.
 */
export function mountStateAdmin(
  app: Hono,
  state: { setState(doc: unknown): void; getState(): unknown },
): void {
  app.put(`${ADMIN_PREFIX}/state`, async (c) => {
    try {
      state.setState(await readJson(c));
    } catch (error) {
      if (!(error instanceof StateError)) throw error;
      return c.json({ error: error.message, field: error.field }, 400);
    }
    return c.json(state.getState());
  });

  app.get(`${ADMIN_PREFIX}/state`, (c) => c.json(state.getState()));
}
