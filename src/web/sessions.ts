import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { WebSession, WebSessionRepository } from '../store/web-sessions.ts';

const plainName = 'bin_session';
/** The __Host- prefix makes the browser refuse the cookie unless Secure, host-only and Path=/. */
const secureName = '__Host-bin_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface SessionOptions {
  repository: WebSessionRepository;
  now: () => number;
  idleMs: number;
  maxMs: number;
  secure: (c: Context) => boolean;
}

/** Sessions carried by an HttpOnly, SameSite=Lax cookie of 32 random bytes. */
export class SessionManager {
  readonly #options: SessionOptions;

  constructor(options: SessionOptions) {
    this.#options = options;
  }

  async start(c: Context, connectionId: string): Promise<WebSession> {
    const token = randomToken();
    const now = this.#options.now();
    const session: WebSession = {
      tokenHash: hashToken(token),
      connectionId,
      csrfToken: randomToken(),
      createdAt: new Date(now).toISOString(),
      lastSeenAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.#options.idleMs).toISOString(),
    };
    await this.#options.repository.create(session);

    const secure = this.#options.secure(c);
    setCookie(c, secure ? secureName : plainName, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: '/',
      maxAge: Math.floor(this.#options.maxMs / 1000),
    });
    return session;
  }

  /** The session of this request, or undefined when there is none or it has ended. */
  async read(c: Context): Promise<WebSession | undefined> {
    const token = getCookie(c, secureName) ?? getCookie(c, plainName);
    if (!token || token.length > 100) return undefined;

    const session = await this.#options.repository.find(hashToken(token));
    if (!session) return undefined;

    const now = this.#options.now();
    const tooOld = now - Date.parse(session.createdAt) >= this.#options.maxMs;
    if (now >= Date.parse(session.expiresAt) || tooOld) {
      await this.#options.repository.delete(session.tokenHash);
      return undefined;
    }

    // Renewing at most once a minute keeps a busy page (progress events) from writing constantly.
    if (now - Date.parse(session.lastSeenAt) > 60_000) {
      session.lastSeenAt = new Date(now).toISOString();
      session.expiresAt = new Date(now + this.#options.idleMs).toISOString();
      await this.#options.repository.touch(
        session.tokenHash,
        session.lastSeenAt,
        session.expiresAt,
      );
    }
    return session;
  }

  async end(c: Context, session: WebSession | undefined): Promise<void> {
    if (session) await this.#options.repository.delete(session.tokenHash);
    deleteCookie(c, plainName, { path: '/' });
    deleteCookie(c, secureName, { path: '/', secure: true });
  }
}
