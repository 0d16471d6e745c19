/**
 * `npm run bench:large-n`: the `concurrent` strategy at N = 1,600, 5,000 and
 * 10,000 against the mock in another process (default profile), the kit's
 * client beside the same client on undici's own `Pool` (what the kit used
 * before), runs interleaved (every N and client once per pass, the client
 * order alternating), medians over passes.
 *
 * Prints, per cell: median wall time, outcomes, per-request overhead
 * ((median − ideal) / N, the figure of every report) and event-loop busy time
 * per request. Asserts nothing (the machine may be shared); the bars it
 * checks and prints:
 * - every request ok at N = 10,000;
 * - per-request overhead at 10,000 ≤ 1.5 × that at 1,600 (the kit's client);
 * - N = 20,000 either all ok, or refused before it starts with the limit named.
 *
 * Options: --reps N (passes, default 5), --ns LIST (default 1600,5000,10000;
 * the bars read the first and the last), --big N (default 20000), --budget S
 * (no pass starts past it, default 240).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { startChildMockServer } from '../mock-server/index.ts';
import { createUndiciClient, toFetchResult } from '../src/clients/index.ts';
import { getPokemon } from '../src/clients/wire.mjs';
import { checkFanOut, largestFanOut, MachineLimitError, readMachineLimits } from '../src/limits/index.ts';
import { measureTrial, type TrialResult } from '../src/measure/index.ts';
import { concurrentMakespan, overheadPerRequest } from '../src/model/index.ts';
import { layoutTable, type TextColumn } from '../src/report/text-table.ts';
import { median } from '../src/stats/index.ts';
import { concurrent } from '../src/strategies/index.ts';
import { OUTCOMES, type FetchOne, type Outcome } from '../src/types/index.ts';

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '5' },
    ns: { type: 'string', default: '1600,5000,10000' },
    big: { type: 'string', default: '20000' },
    budget: { type: 'string', default: '240' },
  },
});
const REPS = Number(values.reps);
const NS = values.ns.split(',').map(Number);
const BIG_N = Number(values.big);
const BUDGET_MS = Number(values.budget) * 1000;
const PROFILE = 'fast-jitter-30ms';
const TIMEOUT_MS = 30_000;
const RATIO_BAR = 1.5;
if (!(REPS >= 1 && NS.length >= 2 && NS.every((n) => Number.isInteger(n) && n >= 1) && Number.isInteger(BIG_N) && BUDGET_MS > 0)) {
  throw new Error('bench-large-n: --reps must be >= 1, --ns at least two whole numbers, --big a whole number, --budget > 0 s.');
}

/** The kit's client, and the same request path on undici's own Pool (the kit before its free-list pool). */
const CLIENTS = {
  kit: (baseUrl: string): FetchOne => createUndiciClient({ baseUrl }),
  'undici Pool': (baseUrl: string): FetchOne => {
    const pool = new Pool(baseUrl, { connections: null });
    const fetchOne: FetchOne = async (id, signal) => toFetchResult(await getPokemon(pool as never, '', id, signal), true);
    return Object.assign(fetchOne, { close: () => pool.close() });
  },
} as const;
type ClientName = keyof typeof CLIENTS;
const CLIENT_NAMES = Object.keys(CLIENTS) as ClientName[];

interface Sample {
  wallMs: number;
  idealMs: number;
  counts: Record<Outcome, number>;
  loopActiveMs: number;
  cpuMs: number;
  codes: string[];
}

function sampleOf(run: TrialResult): Sample {
  const codes = new Set<string>();
  for (const r of run.records) if (r.outcome === 'network-error') codes.add(r.code ?? r.error);
  return {
    wallMs: run.wallMs,
    idealMs: concurrentMakespan(run.appliedDelaysMs),
    counts: run.counts,
    loopActiveMs: run.loopActiveMs,
    cpuMs: run.cpuMs.user + run.cpuMs.system,
    codes: [...codes],
  };
}

const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const us = (ms: number) => (Number.isFinite(ms) ? `${(ms * 1000).toFixed(0)} µs` : '-');

function outcomes(samples: readonly Sample[], n: number): string {
  const total = Object.fromEntries(OUTCOMES.map((o) => [o, samples.reduce((s, x) => s + x.counts[o], 0)])) as Record<Outcome, number>;
  if (total.ok === n * samples.length) return 'all ok';
  const codes = [...new Set(samples.flatMap((s) => s.codes))].join(', ');
  return `${OUTCOMES.filter((o) => total[o] > 0).map((o) => `${o} ${total[o]}`).join(', ')}${codes ? ` (${codes})` : ''}`;
}

// ---- measure ----
const startedAt = performance.now();
const loadBefore = loadavg();
const server = await startChildMockServer({ profile: PROFILE });
const cells = new Map<string, Sample[]>();
const key = (client: ClientName, n: number) => `${client}@${n}`;
let passes = 0;
let bigLine: string;
let bigOk: boolean;
try {
  const once = async (client: ClientName, n: number) => sampleOf(await measureTrial({ strategy: concurrent(), fetchOne: CLIENTS[client](server.url), n, timeoutMs: TIMEOUT_MS }));
  for (const client of CLIENT_NAMES) await once(client, 400); // JIT and the child's warm-up, untimed
  let lastPassMs = 0;
  for (let pass = 0; pass < REPS && performance.now() - startedAt + lastPassMs < BUDGET_MS; pass++) {
    const passStart = performance.now();
    const order = pass % 2 === 0 ? CLIENT_NAMES : CLIENT_NAMES.toReversed();
    for (const n of NS) {
      for (const client of order) {
        const samples = cells.get(key(client, n)) ?? [];
        samples.push(await once(client, n));
        cells.set(key(client, n), samples);
      }
    }
    passes = pass + 1;
    lastPassMs = performance.now() - passStart;
    process.stderr.write(`  pass ${passes}/${REPS} done at ${((performance.now() - startedAt) / 1000).toFixed(0)} s, load ${loadavg()}\n`);
  }

  // N = BIG_N: the preflight `pokebench run` applies (the mock out of process), then one run if it passes.
  try {
    const plan = largestFanOut([{ name: 'concurrent', kind: 'concurrent' }], () => [BIG_N], { serverInProcess: false });
    checkFanOut(plan, readMachineLimits());
    const big = await once('kit', BIG_N);
    bigOk = big.counts.ok === BIG_N;
    bigLine = `ran: ${outcomes([big], BIG_N)}, ${big.wallMs.toFixed(0)} ms, overhead ${us(overheadPerRequest(big.idealMs, big.wallMs, BIG_N))}/request`;
  } catch (error) {
    if (!(error instanceof MachineLimitError)) throw error;
    bigOk = /open files|local ports/.test(error.message);
    bigLine = `refused before it started: ${error.message.split('\n').slice(1).join(' ').trim()}`;
  }
} finally {
  await server.close();
}

// ---- report ----
interface Cell {
  client: ClientName;
  n: number;
  medianMs: number;
  idealMs: number;
  overheadMs: number;
  loopPerRequestMs: number;
  cpuPerRequestMs: number;
  outcomes: string;
  allOk: boolean;
}
const summary: Cell[] = [];
for (const client of CLIENT_NAMES) {
  for (const n of NS) {
    const samples = cells.get(key(client, n)) ?? [];
    if (samples.length === 0) continue;
    const medianMs = median(samples.map((s) => s.wallMs));
    const idealMs = median(samples.map((s) => s.idealMs));
    summary.push({
      client,
      n,
      medianMs,
      idealMs,
      overheadMs: overheadPerRequest(idealMs, medianMs, n),
      loopPerRequestMs: median(samples.map((s) => s.loopActiveMs / n)),
      cpuPerRequestMs: median(samples.map((s) => s.cpuMs / n)),
      outcomes: outcomes(samples, n),
      allOk: samples.every((s) => s.counts.ok === n),
    });
  }
}
const right = (header: string): TextColumn => ({ header, align: 'right' });
const columns: TextColumn[] = [
  { header: 'client', align: 'left' },
  right('N'),
  right('median'),
  right('ideal'),
  right('overhead/req'),
  right('overhead ×'),
  right('loop busy/req'),
  right('CPU/req'),
  right('CPU ×'),
  { header: 'outcomes', align: 'left' },
];
const first = (client: ClientName) => summary.find((c) => c.client === client && c.n === NS[0]);
const rows = summary.map((c) => [
  { text: c.client },
  { text: String(c.n) },
  { text: `${c.medianMs.toFixed(0)} ms` },
  { text: `${c.idealMs.toFixed(0)} ms` },
  { text: us(c.overheadMs) },
  { text: `${(c.overheadMs / (first(c.client)?.overheadMs ?? Number.NaN)).toFixed(2)}×` },
  { text: us(c.loopPerRequestMs) },
  { text: us(c.cpuPerRequestMs) },
  { text: `${(c.cpuPerRequestMs / (first(c.client)?.cpuPerRequestMs ?? Number.NaN)).toFixed(2)}×` },
  { text: c.outcomes },
]);

const lastN = NS.at(-1) as number;
const kitFirst = first('kit');
const kitLast = summary.find((c) => c.client === 'kit' && c.n === lastN);
const ratio = kitFirst && kitLast ? kitLast.overheadMs / kitFirst.overheadMs : Number.NaN;
const bars = [
  { name: `all ok at N = ${lastN} (kit)`, ok: kitLast?.allOk === true, figure: kitLast?.outcomes ?? '-' },
  { name: `overhead/request at ${lastN} ≤ ${RATIO_BAR}× that at ${NS[0]} (kit)`, ok: ratio <= RATIO_BAR, figure: `${ratio.toFixed(2)}×` },
  { name: `N = ${BIG_N} all ok, or refused before it starts with the limit named`, ok: bigOk, figure: bigLine },
];

console.log(`bench:large-n: concurrent, profile ${PROFILE}, mock in a child process; medians of ${passes} interleaved passes.`);
console.log(`Machine: ${os.availableParallelism()} cores, load ${loadBefore} at start, ${loadavg()} at end; took ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`);
console.log('overhead/req = (median − ideal) / N; loop busy/req = the event loop\'s busy time / N; CPU/req = process CPU / N; × = the ratio to the same client at the first N.');
console.log('On a busy machine wall time includes waiting for a core; CPU/req and its ratio show the client\'s own work.\n');
console.log(layoutTable(columns, rows));
console.log('');
for (const bar of bars) console.log(`${bar.ok ? 'PASS' : 'FAIL'}  ${bar.name}: ${bar.figure}`);
