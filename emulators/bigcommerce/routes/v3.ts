import { Hono } from 'hono';
import type { BcEnv, World } from '../world.ts';
import { v3CategoryRoutes } from './v3-categories.ts';
import { v3CustomerRoutes } from './v3-customers.ts';
import { v3ProductRoutes } from './v3-products.ts';

/** The v3 tree of the current API. */
export function v3Routes(world: World): Hono<BcEnv> {
  const app = new Hono<BcEnv>();
  app.route('/catalog/products', v3ProductRoutes(world));
  app.route('/catalog/categories', v3CategoryRoutes());
  app.route('/customers', v3CustomerRoutes(world));
  return app;
}
