import pino from 'pino';
import { GateRegistry } from '../http/account-gate.ts';
import { createImonggoEmulator, type ImonggoEmulator } from '../../emulators/imonggo/index.ts';
import { smallAccount, testToken } from '../../emulators/imonggo/test-helpers.ts';
import { ImonggoClient, type ImonggoClientOptions } from './client.ts';
import type { Format } from './wire.ts';

export const silentLogger = pino({ level: 'silent' });
export const baseUrl = 'http://127.0.0.1:4101/accounts/{account_id}';

/** An emulator on real time (so quota windows expire), with the small test account. */
export function testEmulator(
  account: Record<string, unknown> = smallAccount(),
  random: () => number = () => 0,
): ImonggoEmulator {
  const emulator = createImonggoEmulator({ random });
  emulator.setState({ accounts: [account] });
  return emulator;
}

export function testClient(
  emulator: ImonggoEmulator,
  format: Format,
  overrides: Partial<ImonggoClientOptions> = {},
): ImonggoClient {
  return new ImonggoClient({
    accountId: 'acme',
    apiToken: testToken,
    baseUrl,
    format,
    fetch: emulator.fetch,
    logger: silentLogger,
    gates: new GateRegistry(),
    timeoutMs: 2_000,
    retries: 2,
    backoffMs: 1,
    ...overrides,
  });
}

/** A fetch whose first answer gets a different body (and status), to fake a broken server. */
export function replacingFirstBody(
  inner: typeof fetch,
  replace: (text: string) => string,
  status?: number,
): typeof fetch {
  let replaced = false;
  return async (input, init) => {
    const response = await inner(input, init);
    if (replaced) return response;

    replaced = true;
    const text = replace(await response.text());
    return new Response(text, { status: status ?? response.status, headers: response.headers });
  };
}
