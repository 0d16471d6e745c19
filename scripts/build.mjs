// `npm run build` (and `prepare`, so `npm ci` leaves a working build): compiles
// src/ and mock-server/ to dist/ with tsc, then copies the plain-JS modules
// (`*.mjs`, typed by their `*.d.mts`) that worker threads load as they are.
// Plain JS so that it runs on a bare Node before anything is built.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

for (const top of ['src', 'mock-server']) {
  for (const file of readdirSync(join(root, top), { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.mjs') || file.endsWith('.d.mts')) cpSync(join(root, top, file), join(dist, top, file));
  }
}
