#!/usr/bin/env node
// The CLI ships as TypeScript source; tsx (a runtime dependency) loads it, so
// `npx pokebench` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
