/**
 * The main job, as a function: start the embedded mock (or use `url`), sweep
 * the strategies, and return the results. The CLI's `run` is a thin shell
 * around this, so tests and users' scripts get the same thing.
 */
import { startMockServer, type MockServerHandle } from '../../mock-server/node/server.ts';
import { loadProfile, parseProfile, type Profile } from '../../mock-server/profile/index.ts';
import { createFetchClient } from '../clients/fetch-client.ts';
import { createUndiciClient } from '../clients/undici-client.ts';
import { defaultPoolSize, parseStrategy } from '../strategies/index.ts';
import type { RunConfig } from '../config/run-config.ts';
import { peerStrategy } from './external-strategy.ts';
import { resolvePeerCommand } from '../peers/index.ts';
import { ConfigError } from '../../mock-server/errors.ts';
import type { Results, RunSettings } from '../results/types.ts';
import type { FetchOne, Strategy } from '../types.ts';
import { buildResults, serverCapOf } from './build-results.ts';
import { runSweep, type SweepProgress } from './run-sweep.ts';
import { DEFAULT_TIMEOUT_MS } from '../types.ts';

/** The defaults of `pokebench run`: under a minute on a 2-core machine. */
export const RUN_DEFAULTS = {
  profile: 'fast-jitter-30ms',
  strategies: ['sequential', 'concurrent', 'bounded', 'batched', 'workers'],
  concurrentN: [1, 100, 200, 400, 800, 1600],
  poolN: [1, 20, 40, 80, 160, 320],
  sequentialN: [1, 5, 10, 20, 40],
  repeats: 3,
  warmup: 1,
  client: 'undici',
  payload: 'slim',
  out: 'pokebench-results',
  timeoutMs: DEFAULT_TIMEOUT_MS,
  maxSeconds: 600,
} as const;

/** Hooks of {@link runBenchmark}. */
export interface RunHooks {
  onProgress?: (progress: SweepProgress) => void;
  /** Called once the server is up, with its URL. */
  onServer?: (url: string, embedded: boolean) => void;
  /** Something the user should know that does not stop the run (a peer skipped, a server past its capacity). */
  onNotice?: (message: string) => void;
  signal?: AbortSignal;
  /**
   * Test seam: swaps the implementation behind a listed strategy name, to
   * plant a known regression and check that the gate catches it
   * (`scripts/verdict-quality.ts` runs `bounded(4)` under the name
   * `concurrent`). Config, ladders and results still speak only of names, so
   * there is no other way in. Return `undefined` to keep the parsed strategy;
   * a replacement must carry the same name.
   */
  strategyOverride?: (name: string) => Strategy | undefined;
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

/** Runs the sweep described by `config` and returns its results. */
export async function runBenchmark(config: RunConfig, hooks: RunHooks = {}): Promise<Results> {
  const k = config.k ?? defaultPoolSize();
  const strategies = resolveStrategies(config.strategies ?? RUN_DEFAULTS.strategies, k).map((parsed) => {
    const swapped = hooks.strategyOverride?.(parsed.name);
    if (swapped !== undefined && swapped.name !== parsed.name) {
      throw new ConfigError(`strategyOverride: the replacement for '${parsed.name}' is named '${swapped.name}'; it must keep the name.`);
    }
    return swapped ?? parsed;
  });
  const clientKind = config.client ?? RUN_DEFAULTS.client;
  const payload = config.payload ?? RUN_DEFAULTS.payload;
  const timeoutMs = config.timeoutMs ?? RUN_DEFAULTS.timeoutMs;
  const ladder = (s: Strategy): readonly number[] =>
    s.kind === 'sequential'
      ? (config.sequentialN ?? RUN_DEFAULTS.sequentialN)
      : (config.n ?? (s.kind === 'concurrent' ? RUN_DEFAULTS.concurrentN : RUN_DEFAULTS.poolN));

  // Resolved before the server starts: a malformed peer command line fails with no socket left open.
  const peers = await availablePeers(config.peers ?? [], hooks.onNotice);
  let server: MockServerHandle | undefined;
  let baseUrl: string;
  let profileInfo: RunSettings['profile'];
  let serverCap: number | null;
  if (config.url) {
    baseUrl = config.url.replace(/\/$/, '');
    profileInfo = await remoteProfile(baseUrl, typeof config.profile === 'object' ? config.profile.name : config.profile);
    serverCap = serverCapOf(profileInfo.definition);
  } else {
    const loaded = await resolveProfile(config.profile);
    // The profile the server runs (the seed override applied), known here rather than read back from the server.
    const active: Profile = config.seed === undefined ? loaded : { ...loaded, seed: config.seed };
    server = await startMockServer({ profile: active, seed: config.seed, payload });
    baseUrl = server.url;
    profileInfo = { name: active.name ?? (typeof config.profile === 'string' ? config.profile : RUN_DEFAULTS.profile), seed: active.seed, description: active.description, definition: active };
    serverCap = active.concurrency?.max ?? null;
  }
  hooks.onServer?.(baseUrl, server !== undefined);
  strategies.push(...peers.map((spec) => peerStrategy(spec, { url: baseUrl })));
  if (strategies.length === 0) {
    await server?.close();
    throw new ConfigError('strategies: nothing to run (no strategies, and no peer could run here).');
  }

  const makeClient = (): FetchOne =>
    clientKind === 'fetch'
      ? createFetchClient({ baseUrl, connections: config.connections })
      : createUndiciClient({ baseUrl, connections: config.connections });

  // Fixed before the sweep: a peer's reported model may change its kind, never the ladder it was given.
  const ladders = new Map(strategies.map((s) => [s.name, [...ladder(s)]]));
  const started = performance.now();
  try {
    const cells = await runSweep({
      strategies,
      ladder: (s) => ladders.get(s.name) ?? ladder(s),
      repeats: config.repeats ?? RUN_DEFAULTS.repeats,
      warmup: config.warmup ?? RUN_DEFAULTS.warmup,
      makeClient,
      timeoutMs,
      maxDurationMs: (config.maxSeconds ?? RUN_DEFAULTS.maxSeconds) * 1000,
      signal: hooks.signal,
      onProgress: hooks.onProgress,
      serverFaults: server ? () => server.api.faultCounts() : undefined,
    });
    const settings: RunSettings = {
      profile: profileInfo,
      serverCap,
      payload,
      client: { kind: clientKind, connections: config.connections ?? null, pipelining: 1, timeoutMs },
      repeats: config.repeats ?? RUN_DEFAULTS.repeats,
      warmup: config.warmup ?? RUN_DEFAULTS.warmup,
      ladders: Object.fromEntries(ladders),
      url: server ? null : baseUrl,
    };
    return buildResults(cells, settings, performance.now() - started);
  } finally {
    await server?.close();
  }
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

/** Reads the active profile of a pokebench mock at `url`; any other server gets a placeholder. */
/** A profile given by name or path is loaded; one given as an object (already resolved by the caller) is only checked. */
async function resolveProfile(profile: RunConfig['profile']): Promise<Profile> {
  if (typeof profile === 'object') return parseProfile(profile, 'config.profile');
  return loadProfile(profile ?? RUN_DEFAULTS.profile);
}

async function remoteProfile(url: string, name: string | undefined): Promise<RunSettings['profile']> {
  try {
    const res = await fetch(`${url}/__admin/profile`, { signal: AbortSignal.timeout(5_000) });
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
