import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { WebEnv } from '../env.ts';
import { checkLive } from '../login-check.ts';
import {
  emptyLoginValues,
  readLoginForm,
  type FieldError,
  type LoginValues,
} from '../login-form.ts';
import { ErrorPage } from '../pages/layout.tsx';
import { LoginPage } from '../pages/login.tsx';
import { page } from '../render.ts';
import type { Services } from '../services.ts';
import { randomToken, sameToken } from '../sessions.ts';
import { loginSubjects } from '../throttle.ts';

const loginCookie = 'bin_login';

/**
 * The login form has no session yet, so its token is a double-submit cookie: a random value in
 * a SameSite=Strict cookie that the form repeats.
 */
function loginToken(c: Context<WebEnv>, services: Services): string {
  const existing = getCookie(c, loginCookie);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomToken();
  setCookie(c, loginCookie, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: services.secure(c),
    path: '/',
  });
  return token;
}

function loginPage(
  c: Context<WebEnv>,
  services: Services,
  values: LoginValues,
  errors: FieldError[],
  status: 200 | 400 | 403 = 200,
) {
  return page(c, LoginPage({ values, errors, loginToken: loginToken(c, services) }), status);
}

export function mountAuth(app: Hono<WebEnv>, services: Services): void {
  const logger = services.deps.logger.child({ component: 'login' });

  app.get('/', (c) => {
    if (c.get('session')) return c.redirect('/home', 303);
    return loginPage(c, services, emptyLoginValues, []);
  });

  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const cookieToken = getCookie(c, loginCookie) ?? '';
    const formToken = typeof form._login === 'string' ? form._login : '';
    const read = readLoginForm(form, services.deps.allowedHosts);

    if (cookieToken === '' || !sameToken(cookieToken, formToken)) {
      return loginPage(
        c,
        services,
        read.values,
        [{ field: 'account_id', message: 'the login form expired; enter your details again' }],
        403,
      );
    }
    if (!read.input) return loginPage(c, services, read.values, read.errors, 400);

    const subjects = loginSubjects(services.clientAddress(c), read.input.values.accountId);
    const blockedUntil = await services.throttle.blockedUntil(subjects);
    if (blockedUntil) {
      logger.warn({ account: read.input.values.accountId }, 'login throttled');
      c.header(
        'Retry-After',
        String(Math.ceil((blockedUntil.getTime() - services.clock.now()) / 1000)),
      );
      return page(
        c,
        ErrorPage({
          title: 'Too many failed logins',
          message: `Too many failed logins from here or for this account. Try again after ${blockedUntil
            .toISOString()
            .slice(11, 16)} UTC (${blockedUntil.toISOString().slice(0, 10)}).`,
        }),
        429,
      );
    }

    const check = await checkLive(read.input, services.deps.remote, logger, services.clock);
    if (!check.ok) {
      if (check.refused) await services.throttle.failed(subjects);
      return loginPage(c, services, read.values, check.errors, 400);
    }

    const connection = await services.connections.upsert(check.credentials);
    await services.throttle.succeeded(subjects[1] ?? '');
    const old = c.get('session');
    if (old) await services.sessions.end(c, old);
    await services.sessions.start(c, connection.id);
    logger.info({ connection: connection.id }, 'signed in');
    return c.redirect('/home', 303);
  });

  app.post('/logout', async (c) => {
    await services.sessions.end(c, c.get('session'));
    return c.redirect('/', 303);
  });
}
