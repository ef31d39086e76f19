import { setTimeout as delay } from 'node:timers/promises';
import type { Context } from 'hono';
import type { FaultInjector } from '../common/faults.ts';
import type { Account, World } from './records.ts';
import { notFound, render, type Format, type Reply } from './reply.ts';
import { readResourceBody, type ApiRequest, type ResourceRoutes } from './request.ts';
import { customerRoutes } from './routes/customers.ts';
import { inventoryRoutes } from './routes/inventories.ts';
import { invoiceRoutes } from './routes/invoices.ts';
import { branchRoutes, paymentTypeRoutes, taxSettingRoutes, tokenReply } from './routes/misc.ts';
import { productRoutes } from './routes/products.ts';
import { noteWrite } from './list-cache.ts';

const resources: Record<string, ResourceRoutes> = {
  products: productRoutes,
  inventories: inventoryRoutes,
  customers: customerRoutes,
  invoices: invoiceRoutes,
  branches: branchRoutes,
  payment_types: paymentTypeRoutes,
  tax_settings: taxSettingRoutes,
};

/**
 * Account addressing, our emulator's choice: the real service gives every account its own host
 * (`https://ACCOUNT.c3.imonggo.com`), which a local emulator cannot. So each account is also
 * served under `/accounts/{account_id}/api/...`. A plain `/api/...` finds its account by the Host
 * header's first label when that is an account id, else by the API token (tokens are unique
 * across accounts), and the token exchange by the one account whose email and password match.
 */
const pathRe =
  /^(?:\/accounts\/([^/]+))?(\/api\/([a-z_]+)(?:\/([^/.]+))?(?:\.(xml|json))?|\/system\/api_url)\/?$/;

interface Route {
  accountId: string | undefined;
  resource: string | undefined;
  id: string | undefined;
  suffix: Format | undefined;
}

function parseRoute(pathname: string): Route | undefined {
  const match = pathRe.exec(pathname);
  if (!match) return undefined;
  return {
    accountId: match[1],
    resource: match[2] === '/system/api_url' ? 'api_url' : match[3],
    id: match[4],
    suffix: match[5] as Format | undefined,
  };
}

/** The URL suffix picks the answer format; without one, the Accept header; else XML, as the docs. */
function formatOf(route: Route | undefined, request: Request): Format {
  if (route?.suffix) return route.suffix;
  return (request.headers.get('accept') ?? '').includes('json') ? 'json' : 'xml';
}

function basicAuthToken(request: Request): string | undefined {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return undefined;

  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? decoded : decoded.slice(0, colon);
}

function addressedAccount(world: World, route: Route, request: Request): Account | undefined {
  if (route.accountId !== undefined) {
    return world.accounts.find((a) => a.account_id === route.accountId);
  }

  const hostLabel = (request.headers.get('host') ?? '').split('.')[0]?.split(':')[0] ?? '';
  const byHost = world.accounts.find((a) => a.account_id === hostLabel);
  if (byHost) return byHost;

  if (route.resource === 'tokens') {
    const query = new URL(request.url).searchParams;
    const email = (query.get('email') ?? '').toLowerCase();
    const password = query.get('password') ?? '';
    return world.accounts.find((a) => a.email.toLowerCase() === email && a.password === password);
  }

  const token = basicAuthToken(request);
  return token === undefined ? undefined : world.accounts.find((a) => a.api_token === token);
}

/**
 * A refused token gets Rails' own HTTP Basic refusal (the real body is not documented): a plain
 * text line and a `WWW-Authenticate` challenge, which a client must read as 401 without choking
 * on the non-XML body.
 */
const unauthorized: Reply = {
  kind: 'text',
  status: 401,
  text: 'HTTP Basic: Access denied.\n',
  headers: { 'www-authenticate': 'Basic realm="Application"' },
};

function actionOf(method: string, id: string | undefined): keyof ResourceRoutes | undefined {
  if (method === 'GET') return id === undefined ? 'list' : 'show';
  if (method === 'POST' && id === undefined) return 'create';
  if (method === 'PUT' && id !== undefined) return 'update';
  if (method === 'DELETE' && id !== undefined) return 'destroy';
  return undefined;
}

export interface GatewayOptions {
  world: () => World;
  faults: FaultInjector;
  now: () => number;
}

/**
 * Every API request: latency, then the rate limit and injected errors for the request's account
 * (before anything is applied), then authentication, then the resource's action.
 */
export function apiGateway(options: GatewayOptions) {
  return async (c: Context): Promise<Response> => {
    const request = c.req.raw;
    const url = new URL(request.url);
    const route = parseRoute(url.pathname);
    const format = formatOf(route, request);
    const world = options.world();
    const account = route ? addressedAccount(world, route, request) : undefined;

    if (options.faults.latencyMs > 0) await delay(options.faults.latencyMs);

    const decision = options.faults.decide(account?.account_id ?? '(unknown account)');
    // Imonggo's rate limit answers 503 with nothing else: whether it sends Retry-After is
    // unknown, so it sends none and clients must back off on their own.
    if (decision.kind === 'rate_limited') return new Response(null, { status: 503 });
    if (decision.kind === 'error') return new Response(null, { status: decision.status });

    const reply = await answer({ route, account, world, request, url, format, now: options.now });
    return render(reply, format);
  };
}

interface Arrival {
  route: Route | undefined;
  account: Account | undefined;
  world: World;
  request: Request;
  url: URL;
  format: Format;
  now: () => number;
}

async function answer(arrival: Arrival): Promise<Reply> {
  const { route, account, request, url, format, now } = arrival;
  if (!route?.resource) return notFound();
  if (route.accountId !== undefined && !account) return notFound();

  if (route.resource === 'api_url') return apiUrlReply(arrival);

  if (route.resource === 'tokens') {
    if (request.method !== 'GET' || route.id !== undefined) return notFound();
    return tokenReply(account, url.searchParams);
  }

  if (!account || basicAuthToken(request) !== account.api_token) return unauthorized;

  const action = actionOf(request.method, route.id);
  const handler = action ? resources[route.resource]?.[action] : undefined;
  if (!handler) return notFound();

  const apiRequest: ApiRequest = {
    account,
    format,
    id: route.id,
    query: url.searchParams,
    now,
    body: (name) => readResourceBody(request, format, name),
  };
  if (action === 'list' || action === 'show') return handler(apiRequest);
  try {
    return await handler(apiRequest);
  } finally {
    // Lists found before this request are kept no longer (see matchingRecords).
    noteWrite(account);
  }
}

/**
 * `GET /system/api_url?account_id=`: the account's base URL as plain text. An unknown account
 * gets an empty 500, which Imonggo's SDK reads as "invalid account id".
 */
function apiUrlReply({ world, url, request }: Arrival): Reply {
  if (request.method !== 'GET') return notFound();

  const wanted = url.searchParams.get('account_id') ?? '';
  const account = world.accounts.find((a) => a.account_id === wanted);
  if (!account) return { kind: 'empty', status: 500 };
  return { kind: 'text', status: 200, text: `${url.origin}/accounts/${account.account_id}` };
}
