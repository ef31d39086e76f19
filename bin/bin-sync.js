#!/usr/bin/env -S node --max-semi-space-size=2 --heap-growing-percent=10
// Runs the TypeScript entry point through tsx, so `npx bin-sync` works without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/bin-sync.ts');
