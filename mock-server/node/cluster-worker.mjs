// The entry of a cluster worker: node:cluster forks a plain Node process, so
// register tsx (as bin/pokebench.mjs does) before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./cluster-worker.ts');
