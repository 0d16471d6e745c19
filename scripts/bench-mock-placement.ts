/**
 * `npm run bench:mock-placement`: does the kit add anything to what it
 * measures? `npm start`'s default sweep for `concurrent` (the mock started by
 * the kit, in a child process by default) against the same sweep with
 * `--url` to a `pokebench serve` started separately, alternating, each a
 * fresh `pokebench run` process. Prints the N = 1600 medians of every pass
 * and the default / --url ratio of their medians. Bar: ≤ 1.10.
 *
 * Prints figures; asserts nothing (the machine is shared and noisy): run it
 * on a quiet machine. `--passes 2 --n 1,100,400` is a quick smoke run.
 *
 *   npx tsx scripts/bench-mock-placement.ts [--passes 5] [--n 1,100,200,400,800,1600] [--mock child|in-process]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startChildMockServer } from '../mock-server/node/child.ts';
import type { Results } from '../src/results/types.ts';

const BAR = 1.1;
const PROFILE = 'fast-jitter-30ms';
// The built CLI, as `npm start` runs it (`npm ci` builds it).
const BIN = fileURLToPath(new URL('../dist/src/cli/bin.js', import.meta.url));

const { values } = parseArgs({
  options: {
    passes: { type: 'string', default: '5' },
    n: { type: 'string', default: '1,100,200,400,800,1600' },
    mock: { type: 'string', default: 'child' },
  },
});
const passes = Number(values.passes);
const ns = values.n.split(',').map(Number);
if (!(Number.isInteger(passes) && passes >= 1) || !ns.every((n) => Number.isInteger(n) && n >= 1)) {
  throw new Error(`--passes must be a whole number >= 1 and --n whole numbers >= 1, got ${values.passes} and ${values.n}.`);
}
if (values.mock !== 'child' && values.mock !== 'in-process') throw new Error(`--mock must be child or in-process, got ${values.mock}.`);
const top = Math.max(...ns);

/** One `pokebench run` process; returns concurrent's median at the largest N and the mock's CPU there. */
async function sweep(extra: string[], out: string): Promise<{ medianMs: number; mockCpuMs: number | undefined; clientCpuMs: number }> {
  const args = [BIN, 'run', '--profile', PROFILE, '--strategies', 'concurrent', '--n', ns.join(','), '--out', out, '--json', ...extra];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`pokebench run ${extra.join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const results = JSON.parse(stdout) as Results;
  const point = results.strategies[0]?.points.find((p) => p.n === top);
  if (!point) throw new Error(`no concurrent point at N = ${top}`);
  const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const mock = point.runs.map((r) => r.serverCpuMs).filter((x): x is number => x !== undefined);
  return { medianMs: point.medianMs, mockCpuMs: mock.length ? median(mock) : undefined, clientCpuMs: median(point.runs.map((r) => r.cpuMs)) };
}

const out = await mkdtemp(path.join(os.tmpdir(), 'pokebench-bench-mock-'));
// Started once, apart from every run: the `--url` side's mock.
const served = await startChildMockServer({ profile: PROFILE });
const rows: { pass: number; side: string; medianMs: number; clientCpuMs: number; mockCpuMs: number | undefined }[] = [];
try {
  console.log(`concurrent, profile ${PROFILE}, N = ${ns.join(', ')}; figures at N = ${top}; ${passes} alternating passes; ${os.availableParallelism()} cpus, load ${os.loadavg()[0]?.toFixed(2)}`);
  for (let pass = 1; pass <= passes; pass++) {
    // Alternate which side goes first, so a drift in the machine hits both alike.
    const sides = pass % 2 === 1 ? (['default', '--url'] as const) : (['--url', 'default'] as const);
    for (const side of sides) {
      const extra = side === 'default' ? (values.mock === 'child' ? [] : ['--mock', values.mock]) : ['--url', served.url];
      const r = await sweep(extra, path.join(out, `${side === 'default' ? 'default' : 'url'}-${pass}`));
      rows.push({ pass, side, ...r });
      console.log(
        `pass ${pass} ${side.padEnd(7)} median ${r.medianMs.toFixed(1)} ms · client CPU ${r.clientCpuMs.toFixed(0)} ms · mock CPU ${r.mockCpuMs === undefined ? 'n/a' : `${r.mockCpuMs.toFixed(0)} ms`}`,
      );
    }
  }
} finally {
  await served.close();
  await rm(out, { recursive: true, force: true });
}
const medianOf = (side: string) => {
  const xs = rows.filter((r) => r.side === side).map((r) => r.medianMs).toSorted((a, b) => a - b);
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
};
const ratio = medianOf('default') / medianOf('--url');
console.log(
  `\ndefault (mock ${values.mock}) ${medianOf('default').toFixed(1)} ms / --url ${medianOf('--url').toFixed(1)} ms = ${ratio.toFixed(3)} at N = ${top} (bar ≤ ${BAR}): ${ratio <= BAR ? 'meets the bar' : 'ABOVE the bar'}`,
);
