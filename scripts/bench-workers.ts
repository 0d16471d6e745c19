/**
 * `npm run bench:workers`: what `serve --workers 2` buys over `--workers 1`
 * on this machine, measured side by side in one run, alternating which goes
 * first:
 *
 * - capacity: zero delay (`instant`), autocannon with its own worker threads,
 *   requests per second of each;
 * - tail: a concurrent fan-out of N = 1600 on `fixed-100ms`, wall time of each.
 *
 * Prints figures; asserts nothing. Bars: no tail regression with 2 workers
 * (median ratio of 2-worker to 1-worker fan-out time <= 1.10; max <= 1.5 x
 * median). The capacity ratio is reported as it is: the load generator
 * shares the cores with the workers.
 *
 * Small settings to check the script works: `npm run bench:workers -- --small`.
 */
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { startChildMockServer, type ChildMockServer } from '../mock-server/node/child.ts';
import { createUndiciClient } from '../src/clients/undici-client.ts';
import { measureTrial } from '../src/measure/index.ts';
import { parseStrategy } from '../src/strategies/index.ts';

const small = process.argv.includes('--small');
const ROUNDS = small ? 2 : 5;
const SECONDS = small ? 1 : 5;
const N = small ? 200 : 1600;
const FANOUTS = small ? 2 : 5;
const LOADGEN_WORKERS = Math.max(1, Math.min(2, availableParallelism()));

const median = (xs: readonly number[]) => {
  const s = xs.toSorted((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function both(profile: string): Promise<Record<1 | 2, ChildMockServer>> {
  const [one, two] = await Promise.all([startChildMockServer({ profile, workers: 1 }), startChildMockServer({ profile, workers: 2 })]);
  return { 1: one, 2: two };
}

const orderOf = (round: number) => (round % 2 === 1 ? ([1, 2] as const) : ([2, 1] as const));

console.log(`pokebench bench:workers on ${availableParallelism()} cores${small ? ' (small settings: proves the script works, not a measurement)' : ''}`);
console.log(`\ncapacity: instant profile, autocannon (${LOADGEN_WORKERS} worker threads, 100 connections), ${ROUNDS} alternating rounds of ${SECONDS} s`);
const instant = await both('instant');
const rps: Record<1 | 2, number[]> = { 1: [], 2: [] };
try {
  const load = (url: string, duration: number) =>
    autocannon({ url: `${url}/api/v2/pokemon/25`, connections: 100, duration, pipelining: 1, workers: LOADGEN_WORKERS });
  for (const w of [1, 2] as const) await load(instant[w].url, 1); // warm each before measuring
  for (let round = 1; round <= ROUNDS; round++) {
    for (const w of orderOf(round)) {
      const result = await load(instant[w].url, SECONDS);
      rps[w].push(result.requests.average);
      console.log(`  round ${round} --workers ${w}: ${result.requests.average.toFixed(0).padStart(7)} req/s  p99 ${result.latency.p99} ms  errors ${result.errors + result.non2xx}`);
    }
  }
} finally {
  await Promise.all([instant[1].close(), instant[2].close()]);
}
const capacity = median(rps[2].map((r, i) => r / rps[1][i]!));
console.log(`capacity --workers 2 / --workers 1: ${capacity.toFixed(2)} (median of per-round ratios; ${median(rps[1]).toFixed(0)} vs ${median(rps[2]).toFixed(0)} req/s)`);

console.log(`\ntail: concurrent fan-out of N = ${N} on fixed-100ms (undici, one fresh client per run), ${FANOUTS} alternating rounds`);
const fixed = await both('fixed-100ms');
const wall: Record<1 | 2, number[]> = { 1: [], 2: [] };
try {
  const fanout = async (url: string) => {
    // measureTrial closes the client's pool when the run ends.
    const run = await measureTrial({ strategy: parseStrategy('concurrent'), fetchOne: createUndiciClient({ baseUrl: url }), n: N, timeoutMs: 30_000 });
    if (run.counts.ok !== N) throw new Error(`only ${run.counts.ok} of ${N} requests ok against ${url}`);
    return run.wallMs;
  };
  for (const w of [1, 2] as const) await fanout(fixed[w].url); // warm-up
  for (let round = 1; round <= FANOUTS; round++) {
    for (const w of orderOf(round)) {
      const ms = await fanout(fixed[w].url);
      wall[w].push(ms);
      console.log(`  round ${round} --workers ${w}: ${ms.toFixed(0).padStart(5)} ms`);
    }
  }
} finally {
  await Promise.all([fixed[1].close(), fixed[2].close()]);
}
const ratios = wall[2].map((ms, i) => ms / wall[1][i]!);
const tail = median(ratios);
const spread2 = Math.max(...wall[2]) / median(wall[2]);
console.log(`fan-out --workers 2 / --workers 1: median ratio ${tail.toFixed(2)} (bar <= 1.10: ${tail <= 1.1 ? 'met' : 'NOT met'})`);
console.log(`--workers 2 max / median: ${spread2.toFixed(2)} (bar <= 1.5: ${spread2 <= 1.5 ? 'met' : 'NOT met'}); medians ${median(wall[1]).toFixed(0)} vs ${median(wall[2]).toFixed(0)} ms`);
