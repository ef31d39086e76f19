#!/usr/bin/env node
// Runs the TypeScript entry point through tsx, so `npx bin-sync` works without a build step.
import process from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// BIN's memory flags (README, "Memory") go on the command line of the npm scripts. A first line of
// `#!/usr/bin/env -S node <flags>` would carry them here too, but BusyBox's env (Alpine) has no
// -S and `npx bin-sync` would not start there. So the one flag V8 reads while running is set now;
// the semi-space size is fixed when the heap is made and stays V8's default unless Node was
// started with it (a first sync of 20,000 products: 217–232 MB, against 169–180 MB with both flags
// and 362 MB with neither). The size of V8's thread pool (README, "Threads") is also fixed at start.
if (!process.execArgv.some((flag) => flag.startsWith('--heap-growing-percent'))) {
  setFlagsFromString('--heap-growing-percent=10');
}

register();
await import('../src/cli/bin-sync.ts');
