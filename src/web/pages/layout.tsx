import type { Child } from 'hono/jsx';

export interface LayoutProps {
  title: string;
  /** The session's form token; given only when someone is signed in. */
  csrf?: string | undefined;
  children?: Child;
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** The frame of every page: the navigation when signed in, the content, the one script. */
export function Layout(props: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · BIN`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href={props.csrf ? '/home' : '/'}>
            BIN
          </a>
          {props.csrf ? (
            <nav aria-label="Main">
              <a href="/home">Home</a>
              <a href="/history">History</a>
              <a href="/settings">Settings</a>
              <form method="post" action="/logout" class="inline">
                <CsrfField token={props.csrf} />
                <button type="submit" class="link-button" data-testid="logout">
                  LOGOUT
                </button>
              </form>
            </nav>
          ) : null}
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

export function ErrorPage(props: { title: string; message: string; csrf?: string | undefined }) {
  return (
    <Layout title={props.title} csrf={props.csrf}>
      <h1>{props.title}</h1>
      <p data-testid="error-message">{props.message}</p>
      <p>
        <a href={props.csrf ? '/home' : '/'}>Back</a>
      </p>
    </Layout>
  );
}
