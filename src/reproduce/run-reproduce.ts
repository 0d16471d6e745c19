/**
 * `pokebench reproduce`: the blog's experiment on the mock. Its clients (the
 * peers) and the Node strategies over the same N ladder, on a PokeAPI-like
 * profile, with slim and realistic payloads; then the two knobs (httpx's
 * pool size, the server's concurrency cap); then the claims, checked, and
 * the roofline that explains them, measured.
 */
import { startChildMockServer } from '../../mock-server/index.ts';
import { loadProfile } from '../../mock-server/profile/index.ts';
import type { PayloadSize } from '../../mock-server/data/index.ts';
import { SHIPPED_PEER_NAMES } from '../peers/index.ts';
import { machineInfo, type MachineInfo, type Results } from '../results/index.ts';
import { defaultPoolSize } from '../strategies/index.ts';
import { runBenchmark, type RunHooks } from '../sweep/index.ts';
import { InvalidOptionError } from '../../mock-server/errors/index.ts';
import { BLOG_SPEEDUP, CLAIM_FACTOR, checkClaims, cpuPerRequest, type ClaimCheck } from './claims.ts';
import { coresList, coresTable, predictSpeedup, pythonWorkersFor, type CoresTable } from './cores-like.ts';
import { fastLadder, moreTrials, pureWaiting } from './fast-plan.ts';
import { sweepPoolSize, sweepServerCap, sweepWorkers, type KnobSweep } from './knob-sweeps.ts';
import { rooflineRows, type RooflineRow } from './roofline-rows.ts';

/** Options of {@link runReproduce}. */
export interface ReproduceOptions {
  /** @defaultValue `'pokeapi-like'` */
  profile?: string;
  /** A short ladder for a smoke run (about a minute): N 20..80, 2 repetitions. @defaultValue false */
  quick?: boolean;
  /** N ladder of every client but the sequential ones. @defaultValue `[100, 400, 1600]` */
  ns?: number[];
  /** N ladder of the sequential clients (they cost N·L̄ each). @defaultValue `[25, 50, 100]` */
  sequentialNs?: number[];
  /** Runs per point: the most, with adaptive repetition; exactly this many with `thorough` or `quick`. @defaultValue 5 (3 with `thorough`) */
  repeats?: number;
  /** @defaultValue `['slim', 'realistic']` */
  payloads?: PayloadSize[];
  /** Peers to run (missing toolchains are skipped with a notice). @defaultValue all shipped peers */
  peers?: string[];
  /** httpx pool sizes to sweep (null = unlimited), at `knobN`. @defaultValue `[25, 50, 100, 200, null]` (`thorough`: 10 too) */
  poolSizes?: (number | null)[];
  /** Server concurrency caps to sweep (null = none), at `knobN`. @defaultValue `[25, 100, 400, null]` */
  caps?: (number | null)[];
  /** N of the knob sweeps. @defaultValue the ladder's largest N */
  knobN?: number;
  /**
   * Core counts to emulate: the thread-pool peer runs with min(32, c + 4)
   * workers for each (this machine's own count is always added). Empty: no
   * cores table. @defaultValue `[8, 16]` (`[4, 8, 16]` with `thorough`)
   */
  coresLike?: number[];
  /**
   * The full grid: every client over the whole ladder with both payloads,
   * `repeats` runs per point. Otherwise (the default) points are repeated
   * adaptively up to `repeats`, and clients the model predicts to be pure
   * waiting run a shorter ladder with realistic bodies. @defaultValue false
   */
  thorough?: boolean;
}

/** Everything `reproduce` measured and concluded. */
export interface ReproduceReport {
  schema: 'pokebench-reproduce';
  createdAt: string;
  machine: MachineInfo;
  settings: Required<Omit<ReproduceOptions, 'quick' | 'thorough'>> & { quick: boolean; thorough: boolean };
  /** One sweep per payload, in the order run. */
  payloads: { payload: PayloadSize; results: Results; roofline: RooflineRow[] }[];
  /** Checked on the slim payload (the blog's bodies were parsed, but it did not measure their size). */
  claims: ClaimCheck[];
  poolSweep: KnobSweep;
  capSweep: KnobSweep;
  /** The blog's machine, emulated (pool size) and predicted (model); undefined without the peers or `coresLike`. */
  cores: CoresTable | { skipped: string } | undefined;
  /** The command line that reruns these settings. */
  rerun: string;
  /** Per client: CPU per request with each payload at the largest N both measured. */
  payloadEffect: { client: string; n: number; slimCpuMs: number; realisticCpuMs: number; slimMs: number; realisticMs: number }[];
  durationMs: number;
}

const QUICK = { ns: [20, 40, 80], sequentialNs: [5, 10, 20], repeats: 2, poolSizes: [5, 20, null], caps: [4, null], coresLike: [4, 16] };
const THOROUGH = { ns: [100, 400, 1600], sequentialNs: [25, 50, 100], repeats: 3, poolSizes: [10, 25, 50, 100, 200, null], caps: [25, 100, 400, null], coresLike: [4, 8, 16] };
// The fast default: the same ladder, at most 4 runs a point but usually 1-2 (adaptive), and fewer pool sizes.
// Emulated machines: 8 and 16 cores (beside this one) in the default; `--thorough` adds 4, whose row
// costs the longest thread-pool run (a pool of 8 waits ~22 s at N = 1600) and shows the same trend.
const FAST = { ...THOROUGH, repeats: 4, poolSizes: [25, 50, 100, 200, null], coresLike: [8, 16] };

/** Fills the defaults and checks the options, naming a bad one. */
export function resolveReproduceOptions(options: ReproduceOptions = {}): ReproduceReport['settings'] {
  const thorough = options.thorough ?? false;
  const base = options.quick ? QUICK : thorough ? THOROUGH : FAST;
  const ns = options.ns ?? base.ns;
  const sequentialNs = options.sequentialNs ?? base.sequentialNs;
  for (const [name, list] of [['ns', ns], ['sequentialNs', sequentialNs]] as const) {
    if (list.length < 1 || !list.every((n) => Number.isInteger(n) && n >= 1 && n <= 100_000)) {
      throw new InvalidOptionError(name, `options.${name} must list whole numbers from 1 to 100000, got ${JSON.stringify(list)}.`);
    }
  }
  const repeats = options.repeats ?? base.repeats;
  if (!(Number.isInteger(repeats) && repeats >= 1 && repeats <= 100)) throw new InvalidOptionError('repeats', `options.repeats must be a whole number from 1 to 100, got ${repeats}.`);
  const knobs = [...(options.poolSizes ?? base.poolSizes), ...(options.caps ?? base.caps)];
  if (!knobs.every((k) => k === null || (Number.isInteger(k) && k >= 1))) throw new InvalidOptionError('poolSizes', 'pool sizes and caps must be whole numbers >= 1 (or null for none).');
  const coresLike = options.coresLike ?? base.coresLike;
  if (!coresLike.every((c) => Number.isInteger(c) && c >= 1 && c <= 1024)) {
    throw new InvalidOptionError('coresLike', `options.coresLike must list core counts from 1 to 1024, got ${JSON.stringify(coresLike)}.`);
  }
  return {
    profile: options.profile ?? 'pokeapi-like',
    quick: options.quick ?? false,
    thorough,
    coresLike: coresLike.toSorted((a, b) => a - b),
    ns: ns.toSorted((a, b) => a - b),
    sequentialNs: sequentialNs.toSorted((a, b) => a - b),
    repeats,
    payloads: options.payloads ?? ['slim', 'realistic'],
    peers: options.peers ?? [...SHIPPED_PEER_NAMES],
    poolSizes: options.poolSizes ?? base.poolSizes,
    caps: options.caps ?? base.caps,
    knobN: options.knobN ?? Math.max(...ns),
  };
}

/** What {@link runReproduce} reports as it goes. */
export interface ReproduceHooks {
  /** A phase starts: `slim payload`, `pool-size sweep`... */
  onPhase?: (phase: string) => void;
  onProgress?: RunHooks['onProgress'];
  onNotice?: (message: string) => void;
  signal?: AbortSignal;
}

/** Runs the experiment and returns the report (writing files is the CLI's job). */
export async function runReproduce(options: ReproduceOptions = {}, hooks: ReproduceHooks = {}): Promise<ReproduceReport> {
  const settings = resolveReproduceOptions(options);
  // Resolved once, here: a bad profile fails before minutes of measuring, and every phase runs the same one.
  const profile = await loadProfile(settings.profile);
  const started = performance.now();
  const k = defaultPoolSize();
  const payloads: ReproduceReport['payloads'] = [];
  const noticed = new Set<string>();
  const notice = (message: string) => {
    if (!noticed.has(message)) hooks.onNotice?.(message);
    noticed.add(message);
  };
  const nodePool = `bounded(${k})`;
  // Fast runs: clients that were pure waiting with one payload run their smallest N with the next.
  let waiting = new Set<string>();
  let previousLadders: Record<string, number[]> = {};
  for (const payload of settings.payloads) {
    hooks.onPhase?.(`${payload} payload: Node strategies and peers over N = ${settings.ns.join(', ')}${settings.thorough ? '' : ' (adaptive repetitions)'} (elapsed ${seconds(performance.now() - started)})`);
    const fast = !settings.thorough && !settings.quick;
    const ladderFor = (name: string) => (fast ? fastLadder(name, previousLadders[name] ?? settings.ns, nodePool, waiting) : undefined);
    const results = await runBenchmark(
      {
        profile,
        payload,
        strategies: ['sequential', 'concurrent', nodePool],
        peers: settings.peers,
        n: settings.ns,
        sequentialN: settings.sequentialNs,
        repeats: settings.repeats,
        warmup: 1,
        timeoutMs: 60_000,
        maxSeconds: 3600,
      },
      { onProgress: hooks.onProgress, onNotice: notice, signal: hooks.signal, ...(fast ? { ladderFor, moreTrials } : {}) },
    );
    const roofline = rooflineRows(results.strategies, results.machine.cpus);
    payloads.push({ payload, results, roofline });
    waiting = pureWaiting(roofline);
    previousLadders = results.settings.ladders ?? {};
  }

  // In a process of its own, like the sweeps above: its work is not billed to the client measured.
  const server = await startChildMockServer({ profile: settings.profile });
  let poolSweep: KnobSweep;
  let capSweep: KnobSweep;
  let cores: ReproduceReport['cores'];
  try {
    const first = payloads[0]?.results;
    const asyncio = first?.strategies.find((st) => st.name === 'py-asyncio' && st.points.length > 0);
    const L = asyncio?.scaling.meanLatencyMs ?? Number.NaN;
    const c = asyncio ? cpuPerRequest(asyncio, asyncio.points.at(-1)!.n) : Number.NaN;
    // The model's time for each phase: the larger roof of every setting, from the first sweep's L̄ and asyncio's c.
    const poolEta = settings.poolSizes.reduce<number>((a, p) => a + predictSpeedup({ n: settings.knobN, latencyMs: L, workers: 1, asyncioPool: p ?? settings.knobN, asyncioCpuMs: c }).asyncioMs, 0);
    const capEta = settings.caps.reduce<number>((a, cap) => a + Math.ceil(settings.knobN / (cap ?? settings.knobN)) * L, 0);
    const eta = (ms: number) => (Number.isFinite(ms) ? `, about ${seconds(ms)} by the model` : '');
    hooks.onPhase?.(`httpx pool-size sweep at N = ${settings.knobN}: ${settings.poolSizes.map((p) => p ?? 'unlimited').join(', ')} (elapsed ${seconds(performance.now() - started)}${eta(poolEta)})`);
    const asyncioRan = payloads.some((p) => p.results.strategies.some((s) => s.name === 'py-asyncio' && s.points.length > 0));
    poolSweep = asyncioRan
      ? await sweepPoolSize(server.url, settings.knobN, settings.poolSizes, hooks.signal)
      : { kind: 'skipped', client: 'py-asyncio', reason: 'the py-asyncio peer did not run (pokebench peers check)' };
    hooks.onPhase?.(`server concurrency-cap sweep at N = ${settings.knobN}: ${settings.caps.map((x) => x ?? 'none').join(', ')} (elapsed ${seconds(performance.now() - started)}${eta(capEta)})`);
    capSweep = await sweepServerCap(server.url, settings.knobN, settings.caps, hooks.signal);
    cores = await emulateCores(server.url, settings, payloads[0]?.results, hooks, started);
  } finally {
    await server.close();
  }

  const slim = payloads.find((p) => p.payload === 'slim') ?? payloads[0];
  const realistic = payloads.find((p) => p.payload === 'realistic');
  return {
    schema: 'pokebench-reproduce',
    createdAt: new Date().toISOString(),
    machine: machineInfo(),
    settings,
    payloads,
    claims: slim ? checkClaims(slim.results) : [],
    poolSweep,
    capSweep,
    cores,
    rerun: rerunCommand(settings),
    payloadEffect: slim && realistic ? payloadEffect(slim.results, realistic.results) : [],
    durationMs: performance.now() - started,
  };
}

/**
 * The cores table: py-threadpool at the knob N with the pool each emulated
 * machine would give it, beside asyncio as measured in the first payload's
 * sweep at that N (unchanged: its CPU is this machine's).
 */
async function emulateCores(url: string, settings: ReproduceReport['settings'], results: Results | undefined, hooks: ReproduceHooks, started: number): Promise<ReproduceReport['cores']> {
  if (settings.coresLike.length === 0 || !results) return undefined;
  const pool = results.strategies.find((s) => s.name === 'py-threadpool' && s.points.length > 0);
  const asyncio = results.strategies.find((s) => s.name === 'py-asyncio' && s.points.length > 0);
  if (!pool || !asyncio) return { skipped: 'needs the py-threadpool and py-asyncio peers (pokebench peers check)' };
  const n = Math.max(...asyncio.points.map((p) => p.n).filter((x) => pool.points.some((q) => q.n === x)));
  const asyncioPoint = asyncio.points.find((p) => p.n === n);
  const poolPoint = pool.points.find((p) => p.n === n);
  if (!asyncioPoint || !poolPoint) return { skipped: 'py-threadpool and py-asyncio share no N' };
  const own = results.machine.cpus;
  const emulated = coresList(settings.coresLike, own).filter((c) => c !== own);
  const latencyMs = pool.scaling.meanLatencyMs;
  const predictedMs = emulated.reduce((a, c) => a + Math.ceil(n / pythonWorkersFor(c)) * latencyMs, 0);
  hooks.onPhase?.(
    `cores-like: py-threadpool at N = ${n} with ${emulated.map((c) => `${pythonWorkersFor(c)} workers (${c} cores)`).join(', ')} (elapsed ${seconds(performance.now() - started)}, about ${seconds(predictedMs)} by the model)`,
  );
  const measured = await sweepWorkers(url, n, emulated.map(pythonWorkersFor), hooks.signal);
  if ('skipped' in measured) return { skipped: measured.skipped };
  const threadPoolMs = new Map<number, number>([[own, poolPoint.medianMs]]);
  emulated.forEach((c, i) => threadPoolMs.set(c, measured[i]?.medianMs ?? Number.NaN));
  return coresTable(
    {
      n,
      latencyMs,
      asyncioMs: asyncioPoint.medianMs,
      asyncioCpuMs: cpuPerRequest(asyncio, n),
      asyncioPool: asyncio.k ?? 100,
      threadPoolCpuMs: cpuPerRequest(pool, n),
      ownCores: own,
      threadPoolMs,
    },
    BLOG_SPEEDUP,
    CLAIM_FACTOR,
  );
}

/** `npx pokebench reproduce` with the flags that give these settings (defaults left out). */
export function rerunCommand(settings: ReproduceReport['settings']): string {
  const base = settings.quick ? QUICK : settings.thorough ? THOROUGH : FAST;
  const flags = ['npx pokebench reproduce'];
  const list = (xs: readonly (number | string | null)[]) => xs.map((x) => x ?? 'none').join(',');
  const differs = (a: readonly unknown[], b: readonly unknown[]) => a.length !== b.length || a.some((x, i) => x !== b[i]);
  if (settings.quick) flags.push('--quick');
  if (settings.thorough) flags.push('--thorough');
  if (settings.profile !== 'pokeapi-like') flags.push('--profile', settings.profile);
  if (differs(settings.ns, base.ns)) flags.push('--n', list(settings.ns));
  if (differs(settings.sequentialNs, base.sequentialNs)) flags.push('--sequential-n', list(settings.sequentialNs));
  if (settings.repeats !== base.repeats) flags.push('--repeats', String(settings.repeats));
  if (differs(settings.payloads, ['slim', 'realistic'])) flags.push('--payloads', list(settings.payloads));
  if (differs(settings.peers, SHIPPED_PEER_NAMES)) flags.push('--peers', list(settings.peers));
  if (differs(settings.coresLike, base.coresLike)) flags.push('--cores-like', settings.coresLike.length ? list(settings.coresLike) : 'none');
  return flags.join(' ');
}

const seconds = (ms: number): string => `${ms < 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(0)} s`;

/** CPU per request and time, slim against realistic, per client at the largest N both measured. */
export function payloadEffect(slim: Results, realistic: Results): ReproduceReport['payloadEffect'] {
  const rows: ReproduceReport['payloadEffect'] = [];
  for (const a of slim.strategies) {
    const b = realistic.strategies.find((s) => s.name === a.name);
    const n = Math.max(...a.points.map((p) => p.n).filter((x) => b?.points.some((q) => q.n === x)));
    const pa = a.points.find((p) => p.n === n);
    const pb = b?.points.find((p) => p.n === n);
    if (!b || !pa || !pb) continue;
    rows.push({ client: a.name, n, slimCpuMs: cpuPerRequest(a, n), realisticCpuMs: cpuPerRequest(b, n), slimMs: pa.medianMs, realisticMs: pb.medianMs });
  }
  return rows;
}
