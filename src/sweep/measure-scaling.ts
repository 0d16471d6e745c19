/**
 * `measureScaling`: the kit's question asked of a user's own code. Sweep N,
 * repeat (adding repetitions while the verdict is inconclusive), fit, and
 * return the verdict and the efficiency against the model.
 */
import os from 'node:os';
import { measureTrial, type TrialResult } from '../measure/index.ts';
import type { ScalingAnalysis } from '../scaling/index.ts';
import { median } from '../stats/index.ts';
import type { PointModelSummary } from '../results/index.ts';
import { readServerFaults, readServerUsage, usageSince } from './server-usage.ts';
import { countsSince } from './run-sweep.ts';
import { summarizePoint, summarizeScaling, type SummarizedStrategy, type SummaryContext } from './summarize-trials.ts';
import { concurrent } from '../strategies/index.ts';
import { InvalidOptionError } from '../../mock-server/errors/index.ts';
import { DEFAULT_TIMEOUT_MS, type FetchOne, type Strategy } from '../types/index.ts';

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
  /**
   * The mock's URL, when it runs in its own process (`startChildMockServer`,
   * `pokebench serve`): its admin API is read before and after each run, so
   * its CPU and event-loop time enter the model (the server's roof).
   */
  serverUrl?: string;
  /**
   * The server's cumulative injected-fault counts by kind, e.g.
   * `() => server.api.faultCounts()` for a mock in this process (with
   * `serverUrl`, they are read from its admin API). Each run records the
   * change, so requests the profile asked to fail never make a point invalid.
   * Without either, a run may lose at most 0.5% of its requests.
   */
  serverFaults?: () => Record<string, number> | undefined | Promise<Record<string, number> | undefined>;
}

/** One N of a scaling measurement. */
export interface ScalingPoint {
  n: number;
  /** Makespan of each repetition, ms. */
  times: number[];
  medianMs: number;
  /** (max − min) / median of `times`; 0 when the median is 0. */
  spread: number;
  /** The model's ideal for the median run, ms (src/model: the simulated fan-out; see `pointIdeal`). */
  idealMs: number;
  /** idealMs / medianMs: the same number `run` reports. */
  efficiency: number;
  /** The roofs, the binding one and the wait-only efficiency. */
  model?: PointModelSummary | undefined;
  /** Client CPU per request (user + system), median over repetitions, ms. */
  cpuPerRequestMs: number;
  /** Requests that did not end ok, over all repetitions. */
  failed: number;
  /** Set when the runs lost requests the profile did not ask to lose: the cause, with the fix (the verdict is then `invalid`). */
  invalid?: string | undefined;
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
 * Run the mock in its own process (as `run` does), so its work is not billed
 * to the client measured, and pass its URL as `serverUrl` so its own cost
 * enters the model.
 *
 * @example
 * const server = await startChildMockServer({ profile: 'fast-jitter-30ms' });
 * const result = await measureScaling(bounded(4), {
 *   client: () => createUndiciClient({ baseUrl: server.url }),
 *   serverUrl: server.url,
 *   ns: [4, 16, 32, 64],
 * });
 * expect(result).toScaleAsPoolOf(4);
 * await server.close();
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
  const runs = new Map<number, TrialResult[]>(ns.map((n) => [n, []]));
  const serverUrl = options.serverUrl;
  const serverFaults = options.serverFaults ?? (serverUrl === undefined ? undefined : () => readServerFaults(serverUrl));

  const once = async () => {
    // Interleaved: one pass over every N per repetition, so drift hits all N alike.
    for (const n of ns) {
      // A factory's client is closed after its run; a shared one stays open for the next.
      const fetchOne = factory ? factory() : shared!;
      const before = options.serverUrl === undefined ? undefined : await readServerUsage(options.serverUrl);
      const faultsBefore = await serverFaults?.();
      const run = await measureTrial({ strategy, fetchOne, n, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, closeClient: factory !== undefined });
      if (before && options.serverUrl !== undefined) run.server = usageSince(before, await readServerUsage(options.serverUrl));
      const faultsAfter = faultsBefore && (await serverFaults?.());
      if (faultsBefore && faultsAfter) run.injectedFaults = countsSince(faultsBefore, faultsAfter);
      runs.get(n)!.push(run);
    }
  };
  for (let r = 0; r < repeats; r++) await once();
  const context: SummaryContext = { serverCap: options.serverCap, cpus: os.availableParallelism(), seed: options.seed };
  let result = summarizeMeasurement(strategy, ns, runs, context);
  for (let r = repeats; r < maxRepeats && result.verdict === 'inconclusive'; r++) {
    await once();
    result = summarizeMeasurement(strategy, ns, runs, context);
  }
  return result;
}

/**
 * The measurement of a strategy's runs, through the same summary path as
 * `run`'s results (`summarize-trials.ts`): the points, verdict, slope interval,
 * mean latency, spread and efficiency equal those of results built from the
 * same runs.
 *
 * @throws InvalidOptionError when no response carried a positive applied delay.
 */
export function summarizeMeasurement(strategy: SummarizedStrategy, ns: readonly number[], runs: ReadonlyMap<number, readonly TrialResult[]>, context: SummaryContext): ScalingMeasurement {
  const sorted = ns.toSorted((a, b) => a - b);
  const results = sorted.map((n) => summarizePoint(strategy, n, runs.get(n) ?? [], context));
  const { summary, analysis } = summarizeScaling(strategy, results, sorted.flatMap((n) => runs.get(n) ?? []), context);
  if (!(summary.meanLatencyMs > 0) || analysis === undefined) {
    throw new InvalidOptionError('fetchOne', 'No response carried a positive x-mock-delay-ms: measure against a pokebench mock with a non-zero latency profile.');
  }
  const points = results.map(
    (p): ScalingPoint => ({
      n: p.n,
      times: p.runs.map((r) => r.wallMs),
      medianMs: p.medianMs,
      spread: p.spread,
      idealMs: p.idealMs,
      efficiency: p.efficiency,
      cpuPerRequestMs: median(p.runs.map((r) => r.cpuMs)) / p.n,
      failed: p.runs.reduce((a, r) => a + p.n - r.counts.ok, 0),
      ...(p.invalid !== undefined ? { invalid: p.invalid } : {}),
      ...(p.model ? { model: p.model } : {}),
    }),
  );
  return {
    strategy: strategy.name,
    kind: strategy.kind,
    k: strategy.k,
    points,
    meanLatencyMs: summary.meanLatencyMs,
    analysis,
    verdict: analysis.verdict.label,
    efficiency: Math.min(...points.map((p) => p.efficiency)),
  };
}
