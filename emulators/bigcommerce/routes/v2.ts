import { Hono } from 'hono';
import type { BcEnv, World } from '../world.ts';
import { v2CategoryRoutes } from './v2-categories.ts';
import { v2CustomerRoutes } from './v2-customers.ts';
import { v2OrderRoutes } from './v2-orders.ts';
import { v2ProductRoutes } from './v2-products.ts';

/** The v2 tree, served to both kinds of credentials. */
export function v2Routes(world: World): Hono<BcEnv> {
  const app = new Hono<BcEnv>();
  app.route('/', v2OrderRoutes(world));
  app.route('/', v2ProductRoutes(world));
  app.route('/', v2CategoryRoutes());
  app.route('/', v2CustomerRoutes(world));
  return app;
}
