/**
 * From a sweep's wall times to a verdict with a confidence interval: how does
 * the total time of N requests grow with N, in units of the mean latency?
 */
import { bootstrapDistribution, type Interval, median, mulberry32, percentileInterval, resample, type Rng, theilSen } from '../stats/index.ts';
import { InvalidArgumentError } from '../../mock-server/errors/index.ts';
import {
  BOOTSTRAP_RESAMPLES,
  CONFIDENCE,
  DEFAULT_SEED,
  MIN_DISTINCT_N,
  MIN_REPETITIONS,
} from './thresholds.ts';
import { decideVerdict, type ScalingVerdict } from './verdict.ts';

/** Wall times (ms) of the repetitions at one N. */
export interface SweepPoint {
  /** Requests in the fan-out. */
  n: number;
  /** One wall time per repetition, in ms. */
  times: readonly number[];
}

/** Input of {@link analyzeScaling}. */
export interface ScalingInput {
  /** One entry per distinct N; order does not matter. */
  points: readonly SweepPoint[];
  /** Mean delay the server applied (L̄, ms), to normalise the slope. */
  meanLatencyMs: number;
  /** Pool size of the strategy, when it has one: the verdict then tests 1/k. */
  k?: number | undefined;
  /** Seed of the bootstrap. @defaultValue {@link DEFAULT_SEED} */
  seed?: number | undefined;
  /** Bootstrap resamples. @defaultValue {@link BOOTSTRAP_RESAMPLES} */
  resamples?: number | undefined;
}

/** The fit, its interval and the verdict. */
export interface ScalingAnalysis {
  /** The per-N medians the line was fitted to, ascending in N. */
  medians: { n: number; medianMs: number; repetitions: number }[];
  /** Intercept a of T = a + b·N, ms. */
  interceptMs: number;
  /** Slope b of T = a + b·N, ms per request. */
  slopeMs: number;
  /** Normalised slope s = b / L̄. */
  slope: number;
  /** R² of the Theil–Sen line on the medians (can be negative: worse than their mean). */
  r2: number;
  /** Bootstrap interval of s at {@link CONFIDENCE}. */
  interval: Interval;
  confidence: number;
  resamples: number;
  seed: number;
  verdict: ScalingVerdict;
}

/**
 * Fit T = a + b·N to the per-N medians, bootstrap the normalised slope
 * s = b / L̄, and give the verdict (`flat`, `linear`, `partial(1/k)`,
 * `inconclusive`) from its interval. Deterministic for a given seed.
 *
 * Theil–Sen rather than least squares: on a noisy shared box one slow
 * repetition (a GC pause, a 1 s SYN retry) can survive even the median at a
 * small rep count, and least squares lets that single point tilt the whole
 * line; the median of pairwise slopes shrugs it off.
 *
 * Resampling is *within* each N (repetitions are exchangeable there, not
 * across N), keeping the design's N values fixed.
 *
 * Fewer than {@link MIN_DISTINCT_N} N values or {@link MIN_REPETITIONS}
 * repetitions at some N gives `inconclusive`, whatever the interval says.
 *
 * @throws InvalidArgumentError for fewer than 2 distinct N, duplicate N, an
 *   empty or non-finite `times`, a non-positive `meanLatencyMs`, a bad k or seed.
 * @example
 * analyzeScaling({ points: [{ n: 100, times: [...] }, …], meanLatencyMs: 100, k: 4 }).verdict.label
 * // 'partial(1/4)'
 */
export function analyzeScaling(input: ScalingInput): ScalingAnalysis {
  const { meanLatencyMs, k } = input;
  const seed = input.seed ?? DEFAULT_SEED;
  const resamples = input.resamples ?? BOOTSTRAP_RESAMPLES;
  const points = checkPoints(input.points);
  if (!(Number.isFinite(meanLatencyMs) && meanLatencyMs > 0)) {
    throw new InvalidArgumentError('meanLatencyMs', `analyzeScaling: meanLatencyMs must be a finite number > 0, got ${meanLatencyMs}.`);
  }
  if (k !== undefined && !(Number.isInteger(k) && k >= 1)) {
    throw new InvalidArgumentError('k', `analyzeScaling: k must be a positive integer, got ${k}.`);
  }
  // mulberry32 and bootstrapDistribution check seed and resamples.
  const rng = mulberry32(seed);

  const ns = points.map((p) => p.n);
  const medians = points.map((p) => median(p.times));
  const fit = theilSen(ns, medians);
  const slope = fit.slope / meanLatencyMs;

  const draw = (r: Rng): number => theilSen(ns, points.map((p) => median(resample(p.times, r)))).slope / meanLatencyMs;
  const interval = percentileInterval(bootstrapDistribution(draw, resamples, rng), CONFIDENCE);

  const fewest = Math.min(...points.map((p) => p.times.length));
  const verdict: ScalingVerdict =
    points.length < MIN_DISTINCT_N
      ? inconclusive(`only ${points.length} distinct N; a verdict needs at least ${MIN_DISTINCT_N}`)
      : fewest < MIN_REPETITIONS
        ? inconclusive(`only ${fewest} repetition(s) at some N; a verdict needs at least ${MIN_REPETITIONS} at each`)
        : decideVerdict({ slope, interval, k });

  return {
    medians: points.map((p, i) => ({ n: p.n, medianMs: medians[i] as number, repetitions: p.times.length })),
    interceptMs: fit.intercept,
    slopeMs: fit.slope,
    slope,
    r2: fit.r2,
    interval,
    confidence: CONFIDENCE,
    resamples,
    seed,
    verdict,
  };
}

function inconclusive(reason: string): ScalingVerdict {
  return { kind: 'inconclusive', label: 'inconclusive', reason };
}

function checkPoints(points: readonly SweepPoint[]): SweepPoint[] {
  if (points.length < 2) {
    throw new InvalidArgumentError('points', `analyzeScaling: points must hold at least 2 distinct N, got ${points.length}.`);
  }
  const seen = new Set<number>();
  points.forEach((p, i) => {
    if (!(Number.isFinite(p.n) && p.n > 0)) {
      throw new InvalidArgumentError(`points[${i}].n`, `analyzeScaling: points[${i}].n must be a finite number > 0, got ${p.n}.`);
    }
    if (seen.has(p.n)) {
      throw new InvalidArgumentError(`points[${i}].n`, `analyzeScaling: N = ${p.n} appears twice; merge its repetitions into one point.`);
    }
    seen.add(p.n);
    if (p.times.length === 0 || !p.times.every((t) => Number.isFinite(t))) {
      throw new InvalidArgumentError(`points[${i}].times`, `analyzeScaling: points[${i}].times must be a non-empty list of finite ms.`);
    }
  });
  return points.toSorted((a, b) => a.n - b.n);
}
