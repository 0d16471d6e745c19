/**
 * `measureScaling`: the kit's question asked of a user's own code. Sweep N,
 * repeat (adding repetitions while the verdict is inconclusive), fit, and
 * return the verdict and the efficiency against the model.
 */
import { alignedDelays, measureRun, type RunResult } from '../measure/index.ts';
import { efficiency, idealMakespan } from '../model/index.ts';
import { analyzeStrategyScaling, type ScalingAnalysis } from '../scaling/index.ts';
import { median } from '../stats/index.ts';
import { concurrent } from '../strategies/index.ts';
import { InvalidOptionError } from '../../mock-server/errors.ts';
import type { FetchOne, Strategy } from '../types.ts';
import { DEFAULT_TIMEOUT_MS } from '../types.ts';

/** Options of {@link measureScaling}. */
export interface MeasureScalingOptions {
  /** N values to sweep (at least 3). */
  ns: readonly number[];
  /**
   * A client factory, called once per run: each run gets a fresh client and
   * pays its own connection setup, as a cold fan-out does (and the client is
   * closed after the run). Give this or `fetchOne` when the first argument is a strategy.
   */
  client?: () => FetchOne;
  /** One client shared by every run (kept open; its sockets stay warm between runs). */
  fetchOne?: FetchOne;
  /** The strategy, when the first argument is a `fetchOne`. @defaultValue `concurrent()` */
  strategy?: Strategy;
  /** Repetitions per N to start with (at least 3 for a verdict). @defaultValue 5 */
  repeats?: number;
  /** While the verdict is inconclusive, add repetitions up to this many. @defaultValue 12 */
  maxRepeats?: number;
  /** Per-request timeout, ms. @defaultValue 30000 */
  timeoutMs?: number;
  /** Seed of the bootstrap. */
  seed?: number;
  /**
   * The mock's concurrency cap (`concurrency.max` of its profile), so the
   * model schedules on min(k, c) slots: a capped server makes any strategy at
   * most a pool of c, and the verdict is judged accordingly.
   */
  serverCap?: number;
}

/** One N of a scaling measurement. */
export interface ScalingPoint {
  n: number;
  /** Makespan of each repetition, ms. */
  times: number[];
  medianMs: number;
  /** Median of the model's ideal makespan over repetitions, ms. */
  idealMs: number;
  /** idealMs / medianMs. */
  efficiency: number;
  /** Client CPU per request (user + system), median over repetitions, ms. */
  cpuPerRequestMs: number;
  /** Requests that did not end ok, over all repetitions. */
  failed: number;
}

/** What {@link measureScaling} returns; the vitest matchers read it. */
export interface ScalingMeasurement {
  strategy: string;
  kind: Strategy['kind'];
  k: number | undefined;
  points: ScalingPoint[];
  /** Mean delay the server applied, ms (L̄). */
  meanLatencyMs: number;
  analysis: ScalingAnalysis;
  /** Shorthand for `analysis.verdict.label`. */
  verdict: string;
  /** The lowest efficiency over the points. */
  efficiency: number;
}

/**
 * Measures how a strategy's total time grows with N against a running mock.
 *
 * @example
 * const result = await measureScaling(bounded(4), {
 *   client: () => createUndiciClient({ baseUrl: server.url }),
 *   ns: [4, 16, 32, 64],
 * });
 * expect(result).toScaleAsPoolOf(4);
 */
export async function measureScaling(target: Strategy | FetchOne, options: MeasureScalingOptions): Promise<ScalingMeasurement> {
  const isStrategy = typeof target === 'object' && target !== null && 'run' in target;
  const strategy = isStrategy ? target : (options.strategy ?? concurrent());
  const factory = isStrategy ? options.client : undefined;
  const shared = isStrategy ? options.fetchOne : (target as FetchOne);
  if (!factory && !shared) {
    throw new InvalidOptionError('options.client', 'measureScaling needs a client when measuring a strategy: pass options.client (a factory) or options.fetchOne.');
  }
  const ns = [...options.ns];
  if (ns.length < 3 || ns.some((n) => !Number.isInteger(n) || n < 1) || new Set(ns).size !== ns.length) {
    throw new InvalidOptionError('options.ns', `options.ns must list at least 3 distinct whole numbers >= 1, got ${JSON.stringify(options.ns)}.`);
  }
  const repeats = options.repeats ?? 5;
  const maxRepeats = Math.max(repeats, options.maxRepeats ?? 12);
  if (!Number.isInteger(repeats) || repeats < 3) throw new InvalidOptionError('options.repeats', `options.repeats must be a whole number >= 3, got ${String(options.repeats)}.`);
  const runs = new Map<number, RunResult[]>(ns.map((n) => [n, []]));

  const once = async () => {
    // Interleaved: one pass over every N per repetition, so drift hits all N alike.
    for (const n of ns) {
      // A factory's client is closed after its run; a shared one stays open for the next.
      const fetchOne = factory ? factory() : shared!;
      runs.get(n)!.push(await measureRun({ strategy, fetchOne, n, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, closeClient: factory !== undefined }));
    }
  };
  for (let r = 0; r < repeats; r++) await once();
  let result = summarize(strategy, ns, runs, options.seed, options.serverCap);
  for (let r = repeats; r < maxRepeats && result.verdict === 'inconclusive'; r++) {
    await once();
    result = summarize(strategy, ns, runs, options.seed, options.serverCap);
  }
  return result;
}

function summarize(strategy: Strategy, ns: number[], runs: Map<number, RunResult[]>, seed: number | undefined, serverCap: number | undefined): ScalingMeasurement {
  let delaySum = 0;
  let delayCount = 0;
  const ideals = new Map<number, number[]>();
  const points = ns.map((n): ScalingPoint => {
    const rs = runs.get(n)!;
    for (const r of rs) {
      for (const d of r.appliedDelaysMs) delaySum += d;
      delayCount += r.appliedDelaysMs.length;
    }
    const times = rs.map((r) => r.wallMs);
    const medianMs = median(times);
    const idealTimes = rs.map((r) => idealMakespan(strategy.kind, strategy.k, alignedDelays(r.records), serverCap));
    ideals.set(n, idealTimes);
    const idealMs = median(idealTimes);
    return {
      n,
      times,
      medianMs,
      idealMs,
      efficiency: medianMs > 0 ? efficiency(idealMs, medianMs) : Number.NaN,
      cpuPerRequestMs: median(rs.map((r) => (r.cpuMs.user + r.cpuMs.system) / n)),
      failed: rs.reduce((a, r) => a + n - r.counts.ok, 0),
    };
  });
  const meanLatencyMs = delayCount ? delaySum / delayCount : Number.NaN;
  if (!(meanLatencyMs > 0)) {
    throw new InvalidOptionError('fetchOne', 'No response carried a positive x-mock-delay-ms: measure against a pokebench mock with a non-zero latency profile.');
  }
  const analysis = analyzeStrategyScaling(
    strategy,
    ns.map((n, i) => ({ n, times: points[i]!.times, idealTimes: ideals.get(n)! })),
    meanLatencyMs,
    seed,
    serverCap,
  );
  return {
    strategy: strategy.name,
    kind: strategy.kind,
    k: strategy.k,
    points,
    meanLatencyMs,
    analysis,
    verdict: analysis.verdict.label,
    efficiency: Math.min(...points.map((p) => p.efficiency)),
  };
}
