import type { WebDatabase } from '../store/web-schema.ts';
import type { WebSession } from '../store/web-sessions.ts';

/** Values the middleware hands to the routes. */
export interface WebEnv {
  Variables: {
    session: WebSession | undefined;
    /** Token the login form carries before anyone is signed in (double-submit cookie). */
    loginToken: string;
    db: WebDatabase;
  };
}
