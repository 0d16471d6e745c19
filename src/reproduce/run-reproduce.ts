/**
 * `pokebench reproduce`: the blog's experiment on the mock. Its clients (the
 * peers) and the Node strategies over the same N ladder, on a PokeAPI-like
 * profile, with slim and realistic payloads; then the two knobs (httpx's
 * pool size, the server's concurrency cap); then the claims, checked, and
 * the roofline that explains them, measured.
 */
import { startMockServer } from '../../mock-server/node/server.ts';
import { loadProfile } from '../../mock-server/profile/index.ts';
import type { PayloadSize } from '../../mock-server/data/index.ts';
import { SHIPPED_PEER_NAMES } from '../peers/index.ts';
import type { MachineInfo, Results } from '../results/types.ts';
import { defaultPoolSize } from '../strategies/index.ts';
import { machineInfo } from '../sweep/build-results.ts';
import { runBenchmark, type RunHooks } from '../sweep/run-benchmark.ts';
import { InvalidOptionError } from '../../mock-server/errors.ts';
import { checkClaims, cpuPerRequest, type ClaimCheck } from './claims.ts';
import { sweepPoolSize, sweepServerCap, type KnobSweep } from './knob-sweeps.ts';
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
  /** @defaultValue 3 */
  repeats?: number;
  /** @defaultValue `['slim', 'realistic']` */
  payloads?: PayloadSize[];
  /** Peers to run (missing toolchains are skipped with a notice). @defaultValue all shipped peers */
  peers?: string[];
  /** httpx pool sizes to sweep (null = unlimited), at `knobN`. @defaultValue `[10, 25, 50, 100, 200, null]` */
  poolSizes?: (number | null)[];
  /** Server concurrency caps to sweep (null = none), at `knobN`. @defaultValue `[25, 100, 400, null]` */
  caps?: (number | null)[];
  /** N of the knob sweeps. @defaultValue the ladder's largest N */
  knobN?: number;
}

/** Everything `reproduce` measured and concluded. */
export interface ReproduceReport {
  schema: 'pokebench-reproduce';
  createdAt: string;
  machine: MachineInfo;
  settings: Required<Omit<ReproduceOptions, 'quick'>> & { quick: boolean };
  /** One sweep per payload, in the order run. */
  payloads: { payload: PayloadSize; results: Results; roofline: RooflineRow[] }[];
  /** Checked on the slim payload (the blog's bodies were parsed, but it did not measure their size). */
  claims: ClaimCheck[];
  poolSweep: KnobSweep;
  capSweep: KnobSweep;
  /** Per client: CPU per request with each payload at the largest N both measured. */
  payloadEffect: { client: string; n: number; slimCpuMs: number; realisticCpuMs: number; slimMs: number; realisticMs: number }[];
  durationMs: number;
}

const QUICK = { ns: [20, 40, 80], sequentialNs: [5, 10, 20], repeats: 2, poolSizes: [5, 20, null], caps: [4, null] };
const FULL = { ns: [100, 400, 1600], sequentialNs: [25, 50, 100], repeats: 3, poolSizes: [10, 25, 50, 100, 200, null], caps: [25, 100, 400, null] };

/** Fills the defaults and checks the options, naming a bad one. */
export function resolveReproduceOptions(options: ReproduceOptions = {}): ReproduceReport['settings'] {
  const base = options.quick ? QUICK : FULL;
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
  return {
    profile: options.profile ?? 'pokeapi-like',
    quick: options.quick ?? false,
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
  await loadProfile(settings.profile); // a bad profile fails here, before minutes of measuring
  const started = performance.now();
  const k = defaultPoolSize();
  const payloads: ReproduceReport['payloads'] = [];
  const noticed = new Set<string>();
  const notice = (message: string) => {
    if (!noticed.has(message)) hooks.onNotice?.(message);
    noticed.add(message);
  };
  for (const payload of settings.payloads) {
    hooks.onPhase?.(`${payload} payload: Node strategies and peers over N = ${settings.ns.join(', ')}`);
    const results = await runBenchmark(
      {
        profile: settings.profile,
        payload,
        strategies: ['sequential', 'concurrent', `bounded(${k})`],
        peers: settings.peers,
        n: settings.ns,
        sequentialN: settings.sequentialNs,
        repeats: settings.repeats,
        warmup: 1,
        timeoutMs: 60_000,
        maxSeconds: 3600,
      },
      { onProgress: hooks.onProgress, onNotice: notice, signal: hooks.signal },
    );
    payloads.push({ payload, results, roofline: rooflineRows(results.strategies, results.machine.cpus) });
  }

  const server = await startMockServer({ profile: settings.profile });
  let poolSweep: KnobSweep;
  let capSweep: KnobSweep;
  try {
    hooks.onPhase?.(`httpx pool-size sweep at N = ${settings.knobN}: ${settings.poolSizes.map((p) => p ?? 'unlimited').join(', ')}`);
    const asyncioRan = payloads.some((p) => p.results.strategies.some((s) => s.name === 'py-asyncio' && s.points.length > 0));
    poolSweep = asyncioRan
      ? await sweepPoolSize(server.url, settings.knobN, settings.poolSizes, hooks.signal)
      : { kind: 'skipped', client: 'py-asyncio', reason: 'the py-asyncio peer did not run (pokebench peers check)' };
    hooks.onPhase?.(`server concurrency-cap sweep at N = ${settings.knobN}: ${settings.caps.map((c) => c ?? 'none').join(', ')}`);
    capSweep = await sweepServerCap(server, settings.knobN, settings.caps, hooks.signal);
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
    payloadEffect: slim && realistic ? payloadEffect(slim.results, realistic.results) : [],
    durationMs: performance.now() - started,
  };
}

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
