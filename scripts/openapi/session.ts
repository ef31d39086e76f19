import { createBigCommerceEmulator } from '../../emulators/bigcommerce/index.ts';
import { driveClient, smallWorld } from './client-session.ts';
import { probeEmulator } from './probes.ts';
import { Recorder, type AccountKind, type Exchange } from './recorder.ts';
import { servedRoutes, type ServedRoute } from './routes.ts';

export interface Session {
  served: ServedRoute[];
  exchanges: Exchange[];
}

const kinds: readonly AccountKind[] = ['oauth', 'legacy'];

/**
 * The emulator's routes, then one fresh small world per account kind for the client and one for
 * the probes. Each world's own request log must agree with what the recorder saw, or the record
 * is not to be trusted.
 */
export async function runSession(): Promise<Session> {
  const served = servedRoutes(createBigCommerceEmulator().app.routes);
  const recorder = new Recorder();

  for (const kind of kinds) {
    for (const drive of [driveClient, probeEmulator]) {
      const emulator = smallWorld();
      const before = recorder.exchanges.length;
      await drive(emulator, recorder, kind);

      const logged = emulator.requests.list().length;
      const recorded = recorder.exchanges.length - before;
      if (logged !== recorded) {
        throw new Error(`the emulator logged ${logged} requests, the recorder saw ${recorded}`);
      }
    }
  }
  return { served, exchanges: recorder.exchanges };
}
