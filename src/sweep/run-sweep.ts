/**
 * The sweep: every strategy over its N ladder, repeated, and *interleaved*
 * (repetition-major, so one slow minute on a shared machine smears across all
 * points instead of bending one strategy's curve). Returns raw runs; turning
 * them into results is `build-results.ts`'s job.
 */
import { fastestProbe, measureTrial, speedProbe, type TrialResult, warmSpeedProbe } from '../measure/index.ts';
import { DEFAULT_TIMEOUT_MS, type FetchOne, type Strategy } from '../types/index.ts';
import { isExternal } from './external-strategy.ts';
import { SweepTimeoutError } from '../../mock-server/errors/index.ts';
import type { ProcessUsage } from '../../mock-server/core/index.ts';
import { usageSince } from './server-usage.ts';

export { SweepTimeoutError };

/** What the sweep reports as it goes, for a progress display. */
export interface SweepProgress {
  phase: 'warmup' | 'measure';
  strategy: string;
  n: number;
  /** 1-based repetition (0 during warm-up). */
  repetition: number;
  repeats: number;
  /** Runs finished so far, of `total` (warm-up included). */
  done: number;
  total: number;
  elapsedMs: number;
  /** Estimated time left, from the expected cost of the runs left (null until one run has finished). */
  etaMs: number | null;
}

/** Options of {@link runSweep}. */
export interface SweepOptions {
  strategies: readonly Strategy[];
  /** The N ladder of a strategy. */
  ladder: (strategy: Strategy) => readonly number[];
  /** Measured repetitions per (strategy, N); with `moreTrials`, the most. @defaultValue 5 */
  repeats?: number;
  /**
   * Adaptive repetition: after each interleaved round, a point is measured
   * again only while this says so (see `adaptive-repeats.ts`). Absent: every
   * point gets exactly `repeats`.
   */
  moreTrials?: (cell: SweepCell) => boolean;
  /** With `moreTrials`: rounds every point gets before `moreTrials` is asked. @defaultValue 1 */
  minRepeats?: number;
  /**
   * With `moreTrials`: a round past `minRepeats` starts only while those
   * rounds have taken less than this share of the time the sweep took up to
   * the end of round `minRepeats` (0.5: at most half as long again).
   * @defaultValue `Infinity`
   */
  extraShare?: number;
  /** Unmeasured runs per strategy before measuring (JIT, sockets, worker threads); see {@link warmUpRuns}. @defaultValue 1 */
  warmup?: number;
  /** The mock's concurrency cap, when its profile sets one: an all-at-once strategy then costs N/c delays, so it warms small. */
  serverCap?: number | null | undefined;
  /** A fresh client per run, so every run pays its own connection setup, as a cold fan-out does. */
  makeClient: () => FetchOne;
  /** Per-request timeout, ms. @defaultValue 30000 */
  timeoutMs?: number;
  /** Hard cap on the whole sweep, ms: past it, the sweep stops with an error. @defaultValue 600000 */
  maxDurationMs?: number;
  /** Mean delay the profile is expected to apply, ms, used only for the ETA before any run finished. */
  expectedLatencyMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: SweepProgress) => void;
  /** @defaultValue `performance.now` */
  now?: () => number;
  /**
   * The server's cumulative injected-fault counts by kind (the embedded
   * mock's `api.faultCounts`, or a mock's admin stats); each run records the
   * change over it. Undefined (or a call that resolves undefined) when the
   * server cannot say: its runs are then judged by a loss threshold.
   */
  serverFaults?: () => Record<string, number> | undefined | Promise<Record<string, number> | undefined>;
  /**
   * The mock's cumulative CPU and event-loop busy time, when it runs in its
   * own process (its admin API); each run records the change over it.
   */
  serverUsage?: () => Promise<ProcessUsage>;
}

/** A run that produced no result (an external client that crashed, hung or printed garbage). */
export interface SweepFailure {
  /** 1-based repetition (0 for the warm-up). */
  repetition: number;
  reason: string;
  message: string;
}

/** All measured trials of one strategy at one N. */
export interface SweepCell {
  strategy: Strategy;
  n: number;
  trials: TrialResult[];
  /** Trials that failed, in order; an in-process strategy never fails a trial (its requests do). */
  failures: SweepFailure[];
}

/** Requests a warm-up of an all-at-once strategy sends before measuring: enough for V8 to optimise the request path. */
export const WARM_REQUESTS = 3000;

/**
 * The N of each unmeasured warm-up run of a strategy. A pool or sequential
 * run costs N/k delays, so it warms `warmup` times at a small N (≤ 20). An
 * in-process all-at-once strategy costs about one delay at any N, and its
 * CPU-bound points are the ones a cold process distorts: measured here at
 * N = 800, a fresh process's first runs took 437, 320 and 223 ms of CPU-bound
 * wall before settling at 140-200 ms. So it warms at its largest N until it
 * has sent {@link WARM_REQUESTS} requests (at least `warmup` runs, at most 10).
 * A peer runs in a fresh process each time, so warming this one does not help
 * it; under a server cap an all-at-once run costs N/c delays, so it warms small.
 */
export function warmUpRuns(strategy: Strategy, ladder: readonly number[], warmup: number, serverCap?: number | null): number[] {
  if (warmup <= 0 || ladder.length === 0) return [];
  const top = Math.max(...ladder);
  const allAtOnce = strategy.kind === 'concurrent' && !isExternal(strategy) && (serverCap === undefined || serverCap === null);
  if (!allAtOnce) return Array.from({ length: warmup }, () => Math.min(top, 20));
  const runs = Math.min(10, Math.max(warmup, Math.ceil(WARM_REQUESTS / top)));
  return Array.from({ length: runs }, () => top);
}

/** Runs the sweep and returns one cell per (strategy, N), in strategy then ladder order. */
export async function runSweep(options: SweepOptions): Promise<SweepCell[]> {
  const repeats = options.repeats ?? 5;
  const minRepeats = Math.min(repeats, Math.max(1, options.minRepeats ?? 1));
  const extraShare = options.extraShare ?? Number.POSITIVE_INFINITY;
  const warmup = options.warmup ?? 1;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxDurationMs = options.maxDurationMs ?? 600_000;
  const now = options.now ?? (() => performance.now());
  const started = now();
  warmSpeedProbe();

  const cells = new Map<string, SweepCell>();
  const warm: { strategy: Strategy; n: number }[] = [];
  for (const strategy of options.strategies) {
    const ladder = options.ladder(strategy);
    for (const n of warmUpRuns(strategy, ladder, warmup, options.serverCap)) warm.push({ strategy, n });
    for (const n of ladder) cells.set(`${strategy.name}@${n}`, { strategy, n, trials: [], failures: [] });
  }
  const firstCell = new Map<string, SweepCell>();
  for (const cell of cells.values()) if (!firstCell.has(cell.strategy.name)) firstCell.set(cell.strategy.name, cell);
  const ns = [...new Set([...cells.values()].map((c) => c.n))].toSorted((a, b) => a - b);
  // One interleaved round: every point still open, N ascending, strategies in order.
  const round = (repetition: number) => {
    const out: { cell: SweepCell; repetition: number }[] = [];
    for (const n of ns) {
      for (const strategy of options.strategies) {
        const cell = cells.get(`${strategy.name}@${n}`);
        if (cell && (repetition <= minRepeats || !options.moreTrials || options.moreTrials(cell))) out.push({ cell, repetition });
      }
    }
    return out;
  };
  const plan: { cell: SweepCell; repetition: number }[] = [];
  if (options.moreTrials) plan.push(...round(1));
  else for (let repetition = 1; repetition <= repeats; repetition++) plan.push(...round(repetition));

  // Expected cost of a run, in units of L: used only to spread the ETA sensibly
  // (a sequential run of N costs N·L, a concurrent one about L).
  const cost = (s: Strategy, n: number) =>
    s.kind === 'sequential' ? n : s.kind === 'concurrent' ? 1 : Math.ceil(n / (s.k ?? 1));
  // Adaptive: a point still open after round r is guessed to need one more round (while rounds remain),
  // so on a noisy machine the ETA runs a round ahead instead of promising the end.
  // Rounds up to minRepeats are certain; one more is guessed while rounds remain.
  const guessLeft = (afterRound: number) =>
    options.moreTrials ? Math.max(0, minRepeats - afterRound) + Math.min(1, Math.max(0, repeats - Math.max(afterRound, minRepeats))) : 0;
  let totalCost = warm.reduce((a, w) => a + cost(w.strategy, w.n), 0) + plan.reduce((a, p) => a + cost(p.cell.strategy, p.cell.n) * (1 + guessLeft(1)), 0);
  let doneCost = 0;
  let done = 0;
  let total = warm.length + plan.length * (1 + guessLeft(1));
  const report = (phase: SweepProgress['phase'], strategy: Strategy, n: number, repetition: number) => {
    const elapsedMs = now() - started;
    const etaMs =
      doneCost > 0
        ? (elapsedMs / doneCost) * (totalCost - doneCost)
        : options.expectedLatencyMs !== undefined
          ? (totalCost - doneCost) * options.expectedLatencyMs
          : null;
    options.onProgress?.({ phase, strategy: strategy.name, n, repetition, repeats, done, total, elapsedMs, etaMs });
  };

  const runOnce = async (strategy: Strategy, n: number): Promise<TrialResult | Omit<SweepFailure, 'repetition'>> => {
    if (now() - started > maxDurationMs) throw new SweepTimeoutError(maxDurationMs);
    options.signal?.throwIfAborted();
    const before = await options.serverFaults?.();
    const usage0 = await options.serverUsage?.();
    const probes = [speedProbe(), speedProbe(), speedProbe()];
    let trial: TrialResult;
    if (isExternal(strategy)) {
      // A peer process measures itself; a broken one is recorded, never fatal.
      const external = await strategy.measureExternal({ n, timeoutMs, signal: options.signal });
      if (external.kind === 'failed') return { reason: external.reason, message: external.message };
      trial = external.trial;
    } else {
      // measureTrial closes the client when the trial ends.
      trial = await measureTrial({ strategy, fetchOne: options.makeClient(), n, timeoutMs, signal: options.signal });
    }
    probes.push(speedProbe(), speedProbe(), speedProbe());
    trial.probeMs = fastestProbe(probes);
    if (usage0 && options.serverUsage) trial.server = usageSince(usage0, await options.serverUsage());
    const after = before && (await options.serverFaults?.());
    if (before && after) trial.injectedFaults = countsSince(before, after);
    return trial;
  };

  for (const { strategy, n } of warm) {
    report('warmup', strategy, n, 0);
    const outcome = await runOnce(strategy, n);
    // A failed warm-up is filed with the strategy's first point, so the report shows it.
    if ('reason' in outcome) firstCell.get(strategy.name)?.failures.push({ repetition: 0, ...outcome });
    done += 1;
    doneCost += cost(strategy, n);
  }
  let mandatoryMs = Number.POSITIVE_INFINITY;
  for (let r = 1; plan.length > 0; r++) {
    for (const { cell, repetition } of plan) {
      report('measure', cell.strategy, cell.n, repetition);
      const outcome = await runOnce(cell.strategy, cell.n);
      if ('reason' in outcome) cell.failures.push({ repetition, ...outcome });
      else cell.trials.push(outcome);
      done += 1;
      doneCost += cost(cell.strategy, cell.n);
    }
    if (!options.moreTrials || r >= repeats) break;
    if (r === minRepeats) mandatoryMs = now() - started;
    if (r >= minRepeats && now() - started > mandatoryMs * (1 + extraShare)) break;
    // The guess for this round's points is replaced by what the rule decided.
    const next = round(r + 1);
    const decidedCost = (p: { cell: SweepCell }) => cost(p.cell.strategy, p.cell.n);
    totalCost += next.reduce((a, p) => a + decidedCost(p) * (1 + guessLeft(r + 1)), 0) - plan.reduce((a, p) => a + decidedCost(p) * guessLeft(r), 0);
    total += next.length * (1 + guessLeft(r + 1)) - plan.length * guessLeft(r);
    plan.length = 0;
    plan.push(...next);
  }
  return [...cells.values()];
}

/** after − before, by key, keeping only the kinds that happened. */
export function countsSince(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [kind, n] of Object.entries(after)) {
    const d = n - (before[kind] ?? 0);
    if (d > 0) delta[kind] = d;
  }
  return delta;
}
