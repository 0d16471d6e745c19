/**
 * `npm run bench:fanout`: undici `request` vs global `fetch`, concurrent
 * strategy, fixed 100 ms profile, N = 1 … 5000, median of 5. Each cell sits
 * beside the same client against a bare `node:http` server answering the same
 * bytes after the same delay: the physical limit of this machine.
 *
 * Prints figures; asserts nothing (the machine is shared and noisy). Bars at
 * N = 1600: mock ≤ 1.15 × bare (medians of alternating runs), and the
 * mock's max run ≤ 1.5 × its median (no ~1 s connection-setup stalls).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { createFetchClient, createUndiciClient } from '../src/clients/index.ts';
import type { ClientOptions, PoolFetchOne } from '../src/clients/index.ts';
import { measureTrial } from '../src/measure/index.ts';
import { concurrentMakespan, overheadPerRequest } from '../src/model/index.ts';
import { layoutTable } from '../src/report/text-table.ts';
import type { TextCell, TextColumn } from '../src/report/text-table.ts';
import { concurrent } from '../src/strategies/index.ts';
import { OUTCOMES } from '../src/types/index.ts';
import type { Outcome } from '../src/types/index.ts';
import { startChildServers } from './lib/child-servers.ts';
import type { ChildServers } from './lib/child-servers.ts';

const PROFILE = 'fixed-100ms';
const NS = [1, 100, 400, 1600, 5000] as const;
const REPS = 5;
const BAR_N = 1600;
const RATIO_BAR = 1.15;
const MAX_BAR = 1.5;
const TIMEOUT_MS = 30_000;
// No pass starts unless the last pass's duration still fits: the script stays under ~3 minutes.
const BUDGET_MS = 170_000;

const CLIENTS: Record<'undici' | 'fetch', (options: ClientOptions) => PoolFetchOne> = {
  undici: createUndiciClient,
  fetch: createFetchClient,
};
type ClientName = keyof typeof CLIENTS;
type ServerName = 'mock' | 'bare';
const CLIENT_NAMES = Object.keys(CLIENTS) as ClientName[];

/** One run of one cell. */
interface Sample {
  wallMs: number;
  /** The model's makespan for the delays the server stamped (max dᵢ): L. */
  idealMs: number;
  counts: Record<Outcome, number>;
  /** Distinct error codes (or messages) of the failed requests. */
  errors: string[];
  connections: number | undefined;
  clientCpuMs: number;
  serverCpuMs: number;
  /** Largest gap between consecutive outcomes, ms: a dropped SYN (retried after ~1 s) shows as one of ~1 s. */
  maxGapMs: number;
  meanBytes: number;
}

/** The samples of one cell, reduced. */
interface CellSummary {
  t: number;
  l: number;
  max: number;
  conns: string;
  outcomes: string | undefined;
  clientCpuMs: number;
  serverCpuMs: number;
  /** Largest gap between consecutive outcomes in the slowest run, ms. */
  maxRunGapMs: number;
}

const median = (xs: readonly number[]): number => {
  const s = xs.toSorted((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '-');
const us = (xMs: number) => (Number.isFinite(xMs) ? (xMs * 1000).toFixed(0) : '-');
const cpuTotalMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/**
 * Kernel counters of connections refused at accept-queue overflow (system
 * wide, Linux only): a dropped SYN is retried ~1 s later, the stall the
 * max/median bar looks for.
 */
function listenDrops(): { overflows: number; drops: number } | undefined {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((l) => l.startsWith('TcpExt:'));
    const names = (lines[0] ?? '').split(/\s+/);
    const values = (lines[1] ?? '').split(/\s+/).map(Number);
    const get = (name: string) => values[names.indexOf(name)] ?? Number.NaN;
    return { overflows: get('ListenOverflows'), drops: get('ListenDrops') };
  } catch {
    return undefined;
  }
}

function largestGap(ends: readonly number[]): number {
  const sorted = ends.toSorted((a, b) => a - b);
  let gap = 0;
  for (let i = 1; i < sorted.length; i++) gap = Math.max(gap, (sorted[i] as number) - (sorted[i - 1] as number));
  return gap;
}

// No forced gc() between runs: tried here, it made the next run 5-10% slower (a shrunk heap grows back inside it).
async function runOnce(servers: ChildServers, client: ClientName, server: ServerName, n: number): Promise<Sample> {
  // Read before the run and after its settle pause, so the socket closes the run caused are billed to it.
  const server0 = await servers.cpuUsage();
  const result = await measureTrial({ strategy: concurrent(), fetchOne: CLIENTS[client]({ baseUrl: servers[server] }), n, timeoutMs: TIMEOUT_MS });
  // Let the child finish closing this run's sockets before the next run starts.
  await sleep(20 + n / 50);
  const server1 = await servers.cpuUsage();
  const errors = new Set<string>();
  let bytes = 0;
  for (const r of result.records) {
    if (r.outcome === 'network-error') errors.add(r.code ?? r.error);
    else if (r.outcome === 'http-error') errors.add(`HTTP ${r.status}`);
    else if (r.outcome === 'ok') bytes += r.bytes;
  }
  return {
    wallMs: result.wallMs,
    idealMs: concurrentMakespan(result.appliedDelaysMs),
    counts: result.counts,
    errors: [...errors],
    connections: result.connectionsOpened,
    clientCpuMs: result.cpuMs.user + result.cpuMs.system,
    serverCpuMs: cpuTotalMs(server1) - cpuTotalMs(server0),
    maxGapMs: largestGap(result.records.map((r) => r.end)),
    meanBytes: bytes / Math.max(1, result.counts.ok),
  };
}

function summarize(samples: readonly Sample[], n: number): CellSummary {
  const conns = samples.flatMap((s) => (s.connections === undefined ? [] : [s.connections]));
  const lo = Math.min(...conns);
  const hi = Math.max(...conns);
  const total = Object.fromEntries(OUTCOMES.map((o) => [o, samples.reduce((sum, s) => sum + s.counts[o], 0)])) as Record<Outcome, number>;
  const errors = [...new Set(samples.flatMap((s) => s.errors))].join(', ');
  const slowest = samples.reduce((a, b) => (b.wallMs > a.wallMs ? b : a));
  return {
    t: median(samples.map((s) => s.wallMs)),
    l: median(samples.map((s) => s.idealMs)),
    max: slowest.wallMs,
    conns: conns.length === 0 ? '-' : lo === hi ? String(lo) : `${lo}-${hi}`,
    outcomes:
      total.ok === n * samples.length
        ? undefined
        : `${OUTCOMES.filter((o) => total[o] > 0).map((o) => `${total[o]} ${o}`).join(', ')}${errors ? ` (${errors})` : ''}`,
    clientCpuMs: median(samples.map((s) => s.clientCpuMs)),
    serverCpuMs: median(samples.map((s) => s.serverCpuMs)),
    maxRunGapMs: slowest.maxGapMs,
  };
}

// ---- measure ----
const startedAt = performance.now();
const loadBefore = loadavg();
const drops0 = listenDrops();
const servers = await startChildServers(PROFILE);
const cells = new Map<string, Sample[]>();
const key = (client: ClientName, n: number, server: ServerName) => `${client} ${n} ${server}`;
let passesDone = 0;
try {
  // Warm both JITs and both servers before anything is timed.
  for (const client of CLIENT_NAMES) {
    for (const server of ['mock', 'bare'] as const) await runOnce(servers, client, server, 400);
  }
  let lastPassMs = 0;
  for (let pass = 0; pass < REPS && performance.now() - startedAt + lastPassMs < BUDGET_MS; pass++) {
    const passStart = performance.now();
    // Per cell the order runs mock, bare | bare, mock | … so drift hits both alike;
    // N and clients are interleaved too, so no cell gets all its runs in one quiet spell.
    const order: readonly ServerName[] = pass % 2 === 0 ? ['mock', 'bare'] : ['bare', 'mock'];
    for (const n of NS) {
      for (const client of CLIENT_NAMES) {
        for (const server of order) {
          const samples = cells.get(key(client, n, server)) ?? [];
          samples.push(await runOnce(servers, client, server, n));
          cells.set(key(client, n, server), samples);
        }
      }
    }
    passesDone = pass + 1;
    lastPassMs = performance.now() - passStart;
    process.stderr.write(`  pass ${passesDone}/${REPS} done at ${((performance.now() - startedAt) / 1000).toFixed(0)} s, load ${loadavg()}\n`);
  }
} finally {
  await servers.stop();
}
const drops1 = listenDrops();

// ---- report ----
const right = (header: string): TextColumn => ({ header, align: 'right' });
const bar: TextColumn = { header: '|', align: 'left' };
const sep: TextCell = { text: '|' };
const columns: TextColumn[] = [
  { header: 'client', align: 'left' },
  right('N'),
  bar,
  ...['mock T', 'T/L', '(T-L)/N', 'max', 'conns'].map(right),
  bar,
  ...['bare T', 'T/L', '(T-L)/N', 'max', 'conns'].map(right),
  bar,
  right('mock/bare'),
];
const cpuColumns: TextColumn[] = [
  { header: 'client', align: 'left' },
  right('N'),
  bar,
  right('mock: client'),
  right('server'),
  bar,
  right('bare: client'),
  right('server'),
  bar,
  right('server mock-bare'),
];
const rows: TextCell[][] = [];
const cpuRows: TextCell[][] = [];
const notes: string[] = [];
const atBar = new Map<ClientName, { mock: CellSummary; bare: CellSummary }>();
for (const client of CLIENT_NAMES) {
  for (const n of NS) {
    const mockSamples = cells.get(key(client, n, 'mock')) ?? [];
    const bareSamples = cells.get(key(client, n, 'bare')) ?? [];
    if (mockSamples.length === 0 || bareSamples.length === 0) continue;
    const mock = summarize(mockSamples, n);
    const bare = summarize(bareSamples, n);
    if (n === BAR_N) atBar.set(client, { mock, bare });
    const half = (c: CellSummary): TextCell[] => [
      { text: ms(c.t) },
      { text: (c.t / c.l).toFixed(2) },
      { text: Number.isFinite(c.l) ? us(overheadPerRequest(c.l, c.t, n)) : '-' },
      { text: ms(c.max) },
      { text: c.conns },
    ];
    rows.push([{ text: client }, { text: String(n) }, sep, ...half(mock), sep, ...half(bare), sep, { text: (mock.t / bare.t).toFixed(2) }]);
    const cpu = (c: CellSummary): TextCell[] => [{ text: us(c.clientCpuMs / n) }, { text: us(c.serverCpuMs / n) }];
    cpuRows.push([{ text: client }, { text: String(n) }, sep, ...cpu(mock), sep, ...cpu(bare), sep, { text: us((mock.serverCpuMs - bare.serverCpuMs) / n) }]);
    if (mock.outcomes) notes.push(`  ${client} N=${n} mock: ${mock.outcomes}`);
    if (bare.outcomes) notes.push(`  ${client} N=${n} bare: ${bare.outcomes}`);
  }
}
// The largest N covers every id (1..1025) about equally: its mean is the mock's mean body.
const mockBytes = median(CLIENT_NAMES.flatMap((c) => (cells.get(key(c, NS[NS.length - 1] as number, 'mock')) ?? []).map((x) => x.meanBytes)));

const cpus = os.cpus();
const out = [
  `pokebench bench:fanout  ${new Date().toISOString().slice(0, 16)}Z  ${cpus.length} cpus (${cpus[0]?.model.trim() ?? '?'}), Node ${process.version}, load avg ${loadBefore} -> ${loadavg()}`,
  `concurrent, ${PROFILE} (L = 100 ms), a fresh client per run, median of ${passesDone} alternating runs (mock, bare | bare, mock | ...), servers in a child process`,
  `body: bare ${servers.bytes} B (pikachu) for every id; mock by id, mean ${mockBytes.toFixed(0)} B. T, max in ms; (T-L)/N in us per request`,
  '',
  layoutTable(columns, rows),
  ...(notes.length > 0 ? ['outcomes not all ok (summed over runs):', ...notes] : []),
  '',
  'CPU per request, us (median; client = this process, server = the child holding both servers, one loaded at a time)',
  layoutTable(cpuColumns, cpuRows),
  '',
  `bars at N=${BAR_N}:`,
];
for (const [client, { mock, bare }] of atBar) {
  const ratio = mock.t / bare.t;
  const spread = mock.max / mock.t;
  out.push(
    `  ${client.padEnd(6)}  mock/bare ${ratio.toFixed(2)} (<= ${RATIO_BAR}: ${ratio <= RATIO_BAR ? 'met' : 'NOT met'})` +
      `  mock max/median ${spread.toFixed(2)} (<= ${MAX_BAR}: ${spread <= MAX_BAR ? 'met' : 'NOT met'}; bare ${(bare.max / bare.t).toFixed(2)})`,
    `          largest gap between responses in the slowest run: mock ${ms(mock.maxRunGapMs)} ms, bare ${ms(bare.maxRunGapMs)} ms (a SYN retry stall: ~1000)`,
  );
}
if (drops0 && drops1) {
  out.push(`  kernel listen-queue overflows during the bench (system wide): ${drops1.overflows - drops0.overflows}, drops ${drops1.drops - drops0.drops}`);
}
if (passesDone < REPS) out.push(`  note: stopped after ${passesDone} of ${REPS} passes to stay within the ${BUDGET_MS / 1000} s budget`);
out.push(`total ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
console.log(out.join('\n'));
