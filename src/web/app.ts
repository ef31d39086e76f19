import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { WebDeps } from './deps.ts';
import type { WebEnv } from './env.ts';
import { ErrorPage } from './pages/layout.tsx';
import { page } from './render.ts';
import { mountAuth } from './routes/auth.tsx';
import { mountJobs } from './routes/jobs.tsx';
import { mountRuns } from './routes/runs.tsx';
import { mountSettings } from './routes/settings.tsx';
import { buildServices } from './services.ts';
import { sameToken } from './sessions.ts';
import { loadStaticFiles } from './static-files.ts';

/** Paths open without a session. */
const publicPaths = new Set(['/', '/login']);

/**
 * The BIN web app. Every page is rendered on the server; the one script only follows progress
 * and filters tables. Tests call `app.request()` on it; `server.ts` serves it.
 */
export function createApp(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const services = buildServices(deps);
  const files = loadStaticFiles();
  const logger = deps.logger.child({ component: 'web' });

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // The path only: a query could hold anything a browser was sent to.
    logger.info(
      { method: c.req.method, path: c.req.path, status: c.res.status },
      `${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`,
    );
  });

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.get('/static/:name', (c) => {
    const file = files.get(c.req.param('name'));
    if (!file) return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return c.body(file.body, 200, { 'Content-Type': file.type });
  });

  // First line against cross-site forms: the browser's Origin (or Sec-Fetch-Site) must be ours.
  app.use(csrf());

  app.use(async (c, next) => {
    c.set('session', await services.sessions.read(c));
    await next();
  });

  // Second line: every form of a session carries its token, checked on every POST.
  app.use(async (c, next) => {
    const session = c.get('session');
    if (!publicPaths.has(c.req.path) && !session) {
      if (c.req.path.endsWith('/events')) return c.text('not signed in', 401);
      return c.redirect('/', 303);
    }

    if (c.req.method === 'POST' && c.req.path !== '/login') {
      const body = await c.req.parseBody({ all: true });
      const token = typeof body._csrf === 'string' ? body._csrf : '';
      if (!session || !sameToken(token, session.csrfToken)) return forbidden(c);
    }
    await next();
  });

  mountAuth(app, services);
  mountJobs(app, services);
  mountRuns(app, services);
  mountSettings(app, services);

  app.notFound((c) =>
    page(
      c,
      ErrorPage({
        title: 'Not found',
        message: 'There is no such page here.',
        csrf: c.get('session')?.csrfToken,
      }),
      404,
    ),
  );

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    // Name and message only: a stack or a cause could carry a remote answer.
    logger.error({ error: error.name, message: error.message, path: c.req.path }, 'page failed');
    return page(
      c,
      ErrorPage({
        title: 'Something went wrong',
        message: 'BIN could not show this page. Try again; if it keeps failing, check the logs.',
        csrf: c.get('session')?.csrfToken,
      }),
      500,
    );
  });

  return app;
}

function forbidden(c: Context<WebEnv>): Promise<Response> {
  return page(
    c,
    ErrorPage({
      title: 'Form expired',
      message: 'This form is no longer valid. Go back, reload the page and try again.',
      csrf: c.get('session')?.csrfToken,
    }),
    403,
  );
}
