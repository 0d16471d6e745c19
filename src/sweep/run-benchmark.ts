/**
 * The main job, as a function: start the mock in a process of its own (or on
 * this event loop with `mock: 'in-process'`, or use `url`), sweep the
 * strategies, and return the results. The CLI's `run` is a thin shell
 * around this, so tests and users' scripts get the same thing.
 */
import { ServerStartError, startChildMockServer, startMockServer } from '../../mock-server/node/index.ts';
import { loadProfile, parseProfile, type Profile } from '../../mock-server/profile/index.ts';
import { createFetchClient, createUndiciClient } from '../clients/index.ts';
import { defaultPoolSize, parseStrategy } from '../strategies/index.ts';
import type { RunConfig } from '../config/index.ts';
import { isExternal, peerStrategy } from './external-strategy.ts';
import { checkFanOut, largestFanOut, readMachineLimits, type MachineLimits } from '../limits/index.ts';
import { resolvePeerCommand } from '../peers/index.ts';
import { ConfigError, InvalidOptionError } from '../../mock-server/errors/index.ts';
import { machineInfo, type MockPlacement, type Results, type RunSettings } from '../results/index.ts';
import { DEFAULT_TIMEOUT_MS, type FetchOne, type Strategy } from '../types/index.ts';
import { buildResults, serverCapOf } from './build-results.ts';
import { pickShard } from '../shard/index.ts';
import { adminHeaders, readTargetInfo } from '../remote/index.ts';
import { runSweep, type SweepOptions, type SweepProgress } from './run-sweep.ts';
import { readServerFaults, readServerUsage, reportsServerUsage } from './server-usage.ts';
import { gatePrecision } from './gate-precision.ts';
import type { SummaryContext } from './summarize-trials.ts';
import type { ProcessUsage } from '../../mock-server/core/index.ts';

/**
 * The defaults of `pokebench run`. Five repetitions a point, not three: with
 * three, the gate's interval of a ratio of medians is as wide as the extreme
 * runs allow ([min/max, max/min]), so on a noisy point a 20% slowdown cannot
 * show; five is also what the scaling verdicts ask for, and the gate adds
 * repetitions where a point stays undecided.
 */
export const RUN_DEFAULTS = {
  profile: 'fast-jitter-30ms',
  strategies: ['sequential', 'concurrent', 'bounded', 'batched', 'workers'],
  concurrentN: [1, 100, 200, 400, 800, 1600],
  poolN: [1, 20, 40, 80, 160, 320],
  sequentialN: [1, 5, 10, 20, 40],
  repeats: 5,
  maxRepeats: 25,
  extraShare: 0.5,
  warmup: 1,
  client: 'undici',
  payload: 'slim',
  out: 'pokebench-results',
  timeoutMs: DEFAULT_TIMEOUT_MS,
  maxSeconds: 600,
  mock: 'child',
} as const;

/** Hooks of {@link runBenchmark}. */
export interface RunHooks {
  onProgress?: (progress: SweepProgress) => void;
  /** Called once the server is up, with its URL and where it runs. */
  onServer?: (url: string, placement: MockPlacement) => void;
  /** Something the user should know that does not stop the run (a peer skipped, a server past its capacity). */
  onNotice?: (message: string) => void;
  signal?: AbortSignal;
  /** A strategy's own N ladder, by name, over the config's (`reproduce` keeps waiting clients short). */
  ladderFor?: (name: string) => readonly number[] | undefined;
  /** Adaptive repetition: `repeats` becomes the most, and a point is repeated only while this says so. */
  moreTrials?: SweepOptions['moreTrials'];
  /** Bearer token for the admin API of a `url` target (its profile and stats). */
  adminToken?: string | undefined;
}

/**
 * Internal test seams of {@link runBenchmarkWith}, not part of the public API
 * (`src/index.ts` exports only `runBenchmark`).
 */
export interface RunSeam {
  /**
   * Swaps the implementation behind a listed strategy name, to plant a known
   * regression and check that the gate catches it (`scripts/verdict-quality.ts`
   * slows one strategy down; the gate's end-to-end tests do the same through
   * `pokebench run`). Config, ladders and results still speak only of names,
   * so there is no other way in. Return `undefined` to keep the parsed
   * strategy; a replacement must carry the same name.
   */
  strategyOverride?: (strategy: Strategy) => Strategy | undefined;
  /** The machine's limits the sweep is checked against before it starts. @defaultValue `readMachineLimits()` (from /proc) */
  machineLimits?: () => MachineLimits;
}

/** Parses strategy names, giving a bare `bounded`, `batched` or `workers` the pool size `k`. */
export function resolveStrategies(names: readonly string[], k: number): Strategy[] {
  const strategies = names.map((name) => parseStrategy(/^(bounded|batched|workers)$/.test(name) ? `${name}(${k})` : name));
  const seen = new Set<string>();
  for (const s of strategies) {
    if (seen.has(s.name)) throw new ConfigError(`strategies: '${s.name}' is listed twice.`);
    seen.add(s.name);
  }
  return strategies;
}

/** The N ladder `config` gives a strategy of `kind` (sequential gets its own, shorter one). */
export function strategyLadder(config: Pick<RunConfig, 'n' | 'sequentialN'>, kind: Strategy['kind']): readonly number[] {
  if (kind === 'sequential') return config.sequentialN ?? RUN_DEFAULTS.sequentialN;
  return config.n ?? (kind === 'concurrent' ? RUN_DEFAULTS.concurrentN : RUN_DEFAULTS.poolN);
}

/**
 * The most repetitions of a point: `maxRepeats` as configured; else 25 for the
 * default run, and exactly `repeats` when the user chose `repeats`.
 *
 * @throws InvalidOptionError when maxRepeats is below repeats.
 */
export function resolveMaxRepeats(config: RunConfig, repeats: number = config.repeats ?? RUN_DEFAULTS.repeats): number {
  const most = config.maxRepeats ?? (config.repeats === undefined ? RUN_DEFAULTS.maxRepeats : repeats);
  if (most < repeats) {
    throw new InvalidOptionError('maxRepeats', `maxRepeats (${most}) must be at least repeats (${repeats}): raise --max-repeats, or lower --repeats.`);
  }
  return most;
}

/**
 * How the sweep repeats points: a caller's rule (`reproduce`), exactly
 * `repeats`, or `repeats` and then more where the gate could not yet decide a
 * point against itself, up to `maxRepeats` and half again the sweep's time
 * (`gate-precision.ts`).
 */
function repetitions(hooks: RunHooks, repeats: number, maxRepeats: number, context: SummaryContext, threshold: number | undefined): Pick<SweepOptions, 'repeats' | 'minRepeats' | 'moreTrials' | 'extraShare'> {
  if (hooks.moreTrials) return { repeats, moreTrials: hooks.moreTrials };
  if (maxRepeats <= repeats) return { repeats };
  return { repeats: maxRepeats, minRepeats: repeats, moreTrials: gatePrecision(context, threshold), extraShare: RUN_DEFAULTS.extraShare };
}

/** Runs the sweep described by `config` and returns its results. */
export async function runBenchmark(config: RunConfig, hooks: RunHooks = {}): Promise<Results> {
  return runBenchmarkWith(config, hooks, {});
}

/** {@link runBenchmark} with the internal test seam; for the CLI's and the scripts' tests only. */
export async function runBenchmarkWith(config: RunConfig, hooks: RunHooks, seam: RunSeam): Promise<Results> {
  const k = config.k ?? defaultPoolSize();
  // A shard keeps its whole strategies (peers dealt after the strategies), chosen from the configured list on every machine alike.
  const names = config.strategies ?? RUN_DEFAULTS.strategies;
  const dealt = pickShard([...names.map((name) => ({ name, peer: false })), ...(config.peers ?? []).map((name) => ({ name, peer: true }))], config.shard);
  const strategies = resolveStrategies(dealt.filter((e) => !e.peer).map((e) => e.name), k).map((parsed) => {
    const swapped = seam.strategyOverride?.(parsed);
    if (swapped !== undefined && swapped.name !== parsed.name) {
      throw new ConfigError(`strategyOverride: the replacement for '${parsed.name}' is named '${swapped.name}'; it must keep the name.`);
    }
    return swapped ?? parsed;
  });
  const clientKind = config.client ?? RUN_DEFAULTS.client;
  const payload = config.payload ?? RUN_DEFAULTS.payload;
  const timeoutMs = config.timeoutMs ?? RUN_DEFAULTS.timeoutMs;
  const repeats = config.repeats ?? RUN_DEFAULTS.repeats;
  const maxRepeats = resolveMaxRepeats(config, repeats);
  const ladder = (s: Strategy): readonly number[] => strategyLadder(config, s.kind);

  // Resolved before the server starts: a malformed peer command line fails with no socket left open.
  const peers = await availablePeers(dealt.filter((e) => e.peer).map((e) => e.name), hooks.onNotice);
  const server = await startServer(config, payload, hooks.adminToken);
  const baseUrl = server.url;
  let profileInfo: RunSettings['profile'];
  try {
    profileInfo = server.profile ?? (await remoteProfile(baseUrl, typeof config.profile === 'object' ? config.profile.name : config.profile, hooks.adminToken));
  } catch (error) {
    await server.close();
    throw error;
  }
  // Read once, from the profile the server runs, and stored as a field (the model schedules a pool on min(k, cap)).
  const serverCap = serverCapOf(profileInfo.definition);
  hooks.onServer?.(baseUrl, server.placement);
  strategies.push(...peers.map((spec) => peerStrategy(spec, { url: baseUrl })));
  if (strategies.length === 0) {
    await server.close();
    throw new ConfigError('strategies: nothing to run (no strategies, and no peer could run here).');
  }

  // Fixed before the sweep: a peer's reported model may change its kind, never the ladder it was given.
  const ladders = new Map(strategies.map((s) => [s.name, [...(hooks.ladderFor?.(s.name) ?? ladder(s))]]));

  // Before the first request: a ladder the machine cannot fan out is refused with the limit named (exit 2).
  try {
    const plan = largestFanOut(
      strategies.map((st) => ({ name: st.name, kind: st.kind, k: st.k, external: isExternal(st) })),
      (st) => ladders.get(st.name) ?? [],
      { connections: config.connections, serverInProcess: server.placement === 'in-process' },
    );
    for (const note of checkFanOut(plan, (seam.machineLimits ?? readMachineLimits)())) hooks.onNotice?.(note);
  } catch (error) {
    await server.close();
    throw error;
  }

  // Against a target that may have several workers or replicas, name each run's draws, so a delay does not depend on which one answers.
  let runIndex = 0;
  const external = server.placement === 'external';
  const makeClient = (): FetchOne =>
    clientKind === 'fetch'
      ? createFetchClient({ baseUrl, connections: config.connections })
      : createUndiciClient({ baseUrl, connections: config.connections, drawPrefix: external ? `run-${runIndex++}` : undefined });

  const started = performance.now();
  try {
    const cells = await runSweep({
      strategies,
      ladder: (s) => ladders.get(s.name) ?? ladder(s),
      ...repetitions(hooks, repeats, maxRepeats, { serverCap: serverCap ?? undefined, cpus: machineInfo().cpus }, config.threshold),
      warmup: config.warmup ?? RUN_DEFAULTS.warmup,
      serverCap,
      makeClient,
      timeoutMs,
      maxDurationMs: (config.maxSeconds ?? RUN_DEFAULTS.maxSeconds) * 1000,
      signal: hooks.signal,
      onProgress: hooks.onProgress,
      serverFaults: server.faults,
      serverUsage: server.usage,
    });
    const settings: RunSettings = {
      profile: profileInfo,
      serverCap,
      payload,
      client: { kind: clientKind, connections: config.connections ?? null, pipelining: 1, timeoutMs },
      repeats,
      ...(maxRepeats > repeats && !hooks.moreTrials ? { maxRepeats } : {}),
      warmup: config.warmup ?? RUN_DEFAULTS.warmup,
      ladders: Object.fromEntries(ladders),
      url: external ? baseUrl : null,
      mock: server.placement,
      ...(external ? { target: await readTargetInfo(baseUrl, hooks.adminToken) } : {}),
    };
    const results = buildResults(cells, settings, performance.now() - started);
    return config.shard ? { ...results, shard: config.shard } : results;
  } finally {
    await server.close();
  }
}

/** The server a run measures against, wherever it runs. */
interface RunServer {
  url: string;
  placement: MockPlacement;
  /** The active profile, when the kit started the mock (else read over HTTP). */
  profile?: RunSettings['profile'] | undefined;
  /** The mock's cumulative injected-fault counts; undefined when the server cannot say. */
  faults: () => Record<string, number> | undefined | Promise<Record<string, number> | undefined>;
  /** The mock's cumulative CPU and event-loop time, when it runs in a process of its own. */
  usage?: () => Promise<ProcessUsage>;
  close(): Promise<void>;
}

/**
 * The mock, by default in a child process of its own: its parse, route,
 * serialize and timer work is then not billed to the client's event loop, and
 * it reports its own CPU through its admin API. `mock: 'in-process'` keeps it
 * on the client's loop, for machines where spawning is not allowed.
 */
async function startServer(config: RunConfig, payload: RunSettings['payload'], token: string | undefined): Promise<RunServer> {
  if (config.url) {
    const url = config.url.replace(/\/$/, '');
    // A pokebench mock of this version reports its own CPU; any other server is measured without it.
    const usage = (await reportsServerUsage(url, token)) ? () => readServerUsage(url, token) : undefined;
    return { url, placement: 'external', faults: () => readServerFaults(url, token), usage, close: async () => {} };
  }
  // Resolved once, here: a bad profile fails with the loader's message before any server starts.
  const loaded = await resolveProfile(config.profile);
  // The profile the server runs (the seed override applied), known here rather than read back from the server.
  const active: Profile = config.seed === undefined ? loaded : { ...loaded, seed: config.seed };
  const profile = { name: active.name ?? (typeof config.profile === 'string' ? config.profile : RUN_DEFAULTS.profile), seed: active.seed, description: active.description, definition: active };
  if ((config.mock ?? RUN_DEFAULTS.mock) === 'in-process') {
    const server = await startMockServer({ profile: active, payload });
    return { url: server.url, placement: 'in-process', profile, faults: () => server.api.faultCounts(), close: () => server.close() };
  }
  let child: Awaited<ReturnType<typeof startChildMockServer>>;
  try {
    // A profile named by the user is named to the child too; one given as an object crosses over its admin API.
    const named = typeof config.profile === 'object' ? undefined : (config.profile ?? RUN_DEFAULTS.profile);
    child = await startChildMockServer({ profile: named ?? 'instant', seed: config.seed, payload });
    if (named === undefined) await putProfile(child.url, active).catch(async (error: unknown) => {
      await child.close();
      throw error;
    });
  } catch (error) {
    throw new ServerStartError(`${(error as Error).message} Where a process cannot be spawned, run with --mock in-process (config: mock: 'in-process').`, { cause: error });
  }
  return {
    url: child.url,
    placement: 'child',
    profile,
    faults: () => readServerFaults(child.url),
    usage: () => readServerUsage(child.url),
    close: () => child.close(),
  };
}

/** The peers that can run here; the others are skipped with a notice naming the fix. */
async function availablePeers(specs: readonly string[], notice: ((message: string) => void) | undefined): Promise<string[]> {
  const peers: string[] = [];
  for (const spec of specs) {
    const resolved = await resolvePeerCommand(spec);
    if (resolved.ok) peers.push(spec);
    else notice?.(`skipping peer ${resolved.name}: ${resolved.message}`);
  }
  return peers;
}

/** Replaces the profile of the kit's own child mock through its admin API. */
async function putProfile(url: string, profile: Profile): Promise<void> {
  const res = await fetch(`${url}/__admin/profile`, { method: 'PUT', body: JSON.stringify(profile), headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  if (!res.ok) throw new ServerStartError(`Failed to set the child mock's profile: status ${res.status}: ${text}`);
}

/** A profile given by name or path is loaded; one given as an object (already resolved by the caller) is only checked. */
async function resolveProfile(profile: RunConfig['profile']): Promise<Profile> {
  if (typeof profile === 'object') return parseProfile(profile, 'config.profile');
  return loadProfile(profile ?? RUN_DEFAULTS.profile);
}

/** Reads the active profile of a pokebench mock at `url`; any other server gets a placeholder. */
async function remoteProfile(url: string, name: string | undefined, token: string | undefined): Promise<RunSettings['profile']> {
  try {
    const res = await fetch(`${url}/__admin/profile`, { headers: adminHeaders(token), signal: AbortSignal.timeout(5_000) });
    if (res.ok) {
      const p = (await res.json()) as { name?: string; seed?: number; description?: string };
      return { name: p.name ?? name ?? 'remote', seed: p.seed ?? 0, description: p.description, definition: p };
    }
    await res.body?.cancel();
  } catch {
    // Not a pokebench mock (or no admin API): fall through.
  }
  return { name: name ?? 'unknown (external server)', seed: 0, description: undefined, definition: null };
}
