/**
 * Test helper: a {@link Results} object built programmatically, strategies × N
 * × runs, with seeded multiplicative noise from the repo's PRNG, and an
 * optional planted change at one point.
 */
import { RESULTS_VERSION, type PointResult, type Results, type StrategyResult, type Verdict } from '../../src/results/types.ts';
import { median } from '../../src/stats/descriptive.ts';
import { mulberry32 } from '../../src/stats/prng.ts';

/** One strategy of the built run: its verdict and its noise-free wall time at N. */
export interface StrategySpec {
  name: string;
  kind: StrategyResult['kind'];
  k: number | null;
  verdict: Verdict;
  timeMs: (n: number) => number;
}

/** Sequential, concurrent and bounded(4) at 100 ms per request. */
export const DEFAULT_STRATEGIES: readonly StrategySpec[] = [
  { name: 'sequential', kind: 'sequential', k: null, verdict: { class: 'linear' }, timeMs: (n) => 100 * n },
  { name: 'concurrent', kind: 'concurrent', k: null, verdict: { class: 'flat' }, timeMs: (n) => 100 + 0.2 * n },
  { name: 'bounded(4)', kind: 'bounded', k: 4, verdict: { class: 'partial', k: 4 }, timeMs: (n) => 100 * Math.ceil(n / 4) },
];

/** A change planted at one point: its wall times scaled, and optionally its own noise or run count. */
export interface Plant {
  strategy: string;
  n: number;
  factor?: number;
  noise?: number;
  runs?: number;
}

/** What to build; every field has a default. */
export interface BuildOptions {
  strategies?: readonly StrategySpec[];
  ns?: readonly number[];
  /** Runs per point. @defaultValue 5 */
  runs?: number;
  /** Each run is time × (1 + noise × u), u uniform in [−1, 1). @defaultValue 0 */
  noise?: number;
  /** Seed of the noise. @defaultValue 1 */
  seed?: number;
  plant?: Plant | undefined;
  /** Verdict overrides by strategy name. */
  verdicts?: Record<string, Verdict>;
}

/** Build a results object. */
export function buildResults(options: BuildOptions = {}): Results {
  const { strategies = DEFAULT_STRATEGIES, ns = [10, 40, 160], runs = 5, noise = 0, seed = 1, plant, verdicts = {} } = options;
  const rng = mulberry32(seed);
  return {
    schema: 'pokebench-results',
    version: RESULTS_VERSION,
    createdAt: '2025-01-01T00:00:00.000Z',
    tool: { name: 'pokebench', version: '0.1.0' },
    machine: { platform: 'linux', arch: 'x64', cpus: 2, cpuModel: 'Test CPU @ 2.0GHz', totalMemoryMb: 4096, node: 'v20.20.0', loadAverage1m: 0.5 },
    settings: {
      profile: { name: 'fixed-100', seed: 1, definition: { delay: { type: 'fixed', ms: 100 } } },
      serverCap: null,
      payload: 'slim',
      client: { kind: 'undici', connections: null, pipelining: 1, timeoutMs: null },
      repeats: runs,
      warmup: 1,
      ladders: Object.fromEntries(strategies.map((s) => [s.name, [...ns]])),
      url: null,
    },
    durationMs: 1000,
    strategies: strategies.map((spec) => ({
      name: spec.name,
      kind: spec.kind,
      k: spec.k,
      points: ns.map((n) => {
        const planted = plant !== undefined && plant.strategy === spec.name && plant.n === n ? plant : undefined;
        const base = spec.timeMs(n) * (planted?.factor ?? 1);
        const spread = planted?.noise ?? noise;
        const walls = Array.from({ length: planted?.runs ?? runs }, () => base * (1 + spread * (2 * rng() - 1)));
        return point(n, walls, spec.timeMs(n));
      }),
      scaling: {
        slope: 0,
        interval: { low: 0, high: 0 },
        verdict: verdicts[spec.name] ?? spec.verdict,
        reason: 'built by the test helper',
        interceptMs: 0,
        slopeMs: 0,
        r2: 1,
        meanLatencyMs: 100,
        complexity: 'n/a',
      },
    })),
  };
}

function point(n: number, walls: number[], idealMs: number): PointResult {
  const medianMs = median(walls);
  const counts = { ok: n * walls.length, 'http-error': 0, 'network-error': 0, timeout: 0 };
  return {
    n,
    runs: walls.map((wallMs) => ({
      wallMs,
      idealMs,
      meanDelayMs: 100,
      counts: { ok: n, 'http-error': 0, 'network-error': 0, timeout: 0 },
      cpuMs: 1,
      eventLoopP99Ms: 1,
      connectionsOpened: null,
    })),
    medianMs,
    minMs: Math.min(...walls),
    maxMs: Math.max(...walls),
    spread: (Math.max(...walls) - Math.min(...walls)) / medianMs,
    idealMs,
    efficiency: idealMs / medianMs,
    overheadPerRequestMs: (medianMs - idealMs) / n,
    counts,
    latency: { p50: 100, p90: 100, p99: 100, max: 100 },
  };
}
