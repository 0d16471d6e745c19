/**
 * pokebench as its users get it: `npm pack`, then the tarball installed into
 * a fresh project of its own (with its own vitest from the registry) and used
 * there the three ways users do: matchers in their test suite, the mock from a
 * plain Node script, and the CLI through `npx`. Also the published-library
 * checks (publint, arethetypeswrong) on that same tarball.
 *
 * Bounded: every child process has a time limit, the install reuses npm's
 * cache (`--prefer-offline`), and the project is deleted afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packagePath, PACKAGE_ROOT } from '../../mock-server/package-files/index.ts';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** The version of a dev dependency installed here, so the consumer's install hits npm's cache. */
const installed = async (name: string) => (JSON.parse(await readFile(packagePath('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

let dir: string;
let tarball: string;
let project: string;

/** Runs a command to completion within `timeoutMs`; fails the test with its output otherwise. */
function run(command: string, args: string[], cwd: string, timeoutMs: number): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) ${result.error ? result.error.message : `exited ${result.status}`}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pokebench-consumer-'));
  // `npm pack` runs `prepare`, so the tarball holds a fresh build of these sources.
  const packed = run(NPM, ['pack', '--json', '--pack-destination', dir], PACKAGE_ROOT, 120_000);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as [{ filename: string }];
  tarball = path.join(dir, info.filename);

  project = path.join(dir, 'project');
  await run('mkdir', ['-p', project], dir, 5_000);
  const manifest = { name: 'consumer', private: true, type: 'module', dependencies: { pokebench: `file:${tarball}`, vitest: await installed('vitest'), tsx: await installed('tsx') } };
  await writeFile(path.join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], project, 150_000);
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the packed tarball, checked like a published library', () => {
  it('ships the build, fixtures, peers and schema, and no TypeScript sources or tests', () => {
    const listing = run('tar', ['-tzf', tarball], dir, 30_000).stdout.split('\n');
    for (const file of ['package/dist/src/index.js', 'package/dist/src/index.d.ts', 'package/dist/src/index.d.ts.map', 'package/dist/src/cli/bin.js', 'package/dist/src/strategies/workers-thread.mjs', 'package/fixtures/pokemon.json', 'package/peers/go/main.go', 'package/schema/results.schema.json', 'package/CHANGELOG.md']) {
      expect(listing, file).toContain(file);
    }
    expect(listing.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    expect(listing.filter((file) => file.startsWith('package/test/') || file.startsWith('package/src/') || file.startsWith('package/scripts/'))).toEqual([]);
  });

  it('publint finds nothing to report', async () => {
    const { messages, pkg } = await publint({ pack: { tarball: new Uint8Array(await readFile(tarball)).buffer }, strict: true });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual([]);
  });

  it('arethetypeswrong finds no problem for an ESM-only package', () => {
    const attw = packagePath('node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
    const result = spawnSync(process.execPath, [attw, tarball, '--profile', 'esm-only', '--format', 'table'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  });
});

describe('a project that installed the tarball', () => {
  it('runs a vitest file using pokebench/vitest matchers with its own global-fetch client against pokebench/mock-server', async () => {
    await writeFile(
      path.join(project, 'fanout.test.js'),
      `import { expect, it } from 'vitest';
import 'pokebench/vitest';
import { measureScaling, sequential } from 'pokebench';
import { startMockServer } from 'pokebench/mock-server';

// The user's own client: global fetch, reporting what the mock stamped.
const fetchOneFrom = (url) => async (id, signal) => {
  const response = await fetch(\`\${url}/api/v2/pokemon/\${id}\`, { signal });
  const body = await response.arrayBuffer();
  return { status: response.status, bytes: body.byteLength, delayMs: Number(response.headers.get('x-mock-delay-ms')) };
};

it('sequential fetches scale linearly', async () => {
  const server = await startMockServer({ profile: 'fixed-100ms' });
  try {
    const result = await measureScaling(sequential(), { fetchOne: fetchOneFrom(server.url), ns: [1, 2, 3, 4] , repeats: 3 });
    expect(result).toScaleLinearly();
    expect(result).not.toStayFlat();
  } finally {
    await server.close();
  }
}, 60_000);
`,
    );
    const result = run(process.execPath, [path.join(project, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter', 'verbose'], project, 90_000);
    expect(result.stdout).toContain('sequential fetches scale linearly');
    expect(result.stdout).toMatch(/1 passed/);
  });

  it('imports every public entry from a plain Node .mjs with no loader, starts the mock and fetches one pokemon', async () => {
    await writeFile(
      path.join(project, 'plain.mjs'),
      `import * as kit from 'pokebench';
import { startMockServer } from 'pokebench/mock-server';
import pkg from 'pokebench/package.json' with { type: 'json' };
import { existsSync } from 'node:fs';

const server = await startMockServer({ profile: 'instant' });
const response = await fetch(\`\${server.url}/api/v2/pokemon/25\`);
const pokemon = await response.json();
await server.close();
console.log(JSON.stringify({ status: response.status, name: pokemon.name, delay: response.headers.get('x-mock-delay-ms'), version: pkg.version, workers: typeof kit.workers, peer: existsSync(kit.SHIPPED_PEERS.find((p) => p.name === 'py-asyncio').command('python3')[2]) }));
`,
    );
    const result = run(process.execPath, ['plain.mjs'], project, 30_000);
    expect(JSON.parse(result.stdout)).toEqual({ status: 200, name: 'pikachu', delay: '0.00', version: expect.any(String), workers: 'function', peer: true });
    // The matchers' entry imports vitest, which only a vitest run provides: outside one it must at least resolve.
    const resolved = run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('pokebench/vitest'))"], project, 30_000);
    expect(resolved.stdout).toMatch(/dist\/src\/vitest\/matchers\.js/);
  });

  it('require() loads the ESM entries on this Node (require(esm)), as the README says', () => {
    const script = "const kit = require('pokebench'); const mock = require('pokebench/mock-server'); console.log(typeof kit.measureScaling, typeof mock.startMockServer);";
    const result = run(process.execPath, ['-e', script], project, 30_000);
    expect(result.stdout.trim()).toBe('function function');
  });

  it('npx pokebench serve: prints its URL, answers a request, stops on Ctrl-C', async () => {
    // Its own process group, signalled as a whole the way a terminal's Ctrl-C is: npx does not pass signals on to the CLI.
    const child = spawn('npx', ['--no-install', 'pokebench', 'serve', '--profile', 'instant'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const group = (signal: NodeJS.Signals) => {
      try {
        process.kill(-(child.pid ?? 0), signal);
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => group('SIGKILL'), 30_000);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          const match = /listening on (http:\/\/\S+)/.exec(line);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code} before printing its URL`)));
      });
      const response = await fetch(`${url}/api/v2/pokemon/1`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { name: string }).name).toBe('bulbasaur');
      group('SIGINT');
      await exited;
      expect(stderr).toContain('shutting down');
      // The server drains, then closes its port: poll, bounded, until nothing answers.
      let refused = false;
      for (let tries = 0; tries < 50 && !refused; tries++) {
        refused = await fetch(`${url}/api/v2/pokemon/1`).then(
          () => false,
          () => true,
        );
        if (!refused) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(refused).toBe(true);
    } finally {
      clearTimeout(timer);
      group('SIGKILL');
    }
  });

  it('npx pokebench run, set up by a pokebench.config.ts, sweeps every strategy, workers(k) included, from the compiled build', async () => {
    // A TypeScript config: plain Node cannot load it, so pokebench goes through the project's own tsx.
    await writeFile(
      path.join(project, 'pokebench.config.ts'),
      `import { defineConfig } from 'pokebench';
export default defineConfig({ profile: 'fast-jitter-30ms', n: [1, 4, 8], sequentialN: [1, 2, 3], k: 2, repeats: 3, warmup: 0 } satisfies Parameters<typeof defineConfig>[0]);
`,
    );
    const result = run('npx', ['--no-install', 'pokebench', 'run', '--out', 'out'], project, 120_000);
    expect(result.stderr).toMatch(/sequential N=3 repeat 3\/3/);
    for (const name of ['sequential', 'concurrent', 'bounded(', 'batched(', 'workers(']) expect(result.stdout).toContain(name);
    const results = JSON.parse(await readFile(path.join(project, 'out', 'results.json'), 'utf8')) as { tool: { version: string } };
    const manifest = JSON.parse(await readFile(packagePath('package.json'), 'utf8')) as { version: string };
    expect(results.tool.version).toBe(manifest.version);
  });
});
