/**
 * The gate across a strategy's points: did the strategy as a whole get slower?
 *
 * A regression of a client's code usually slows every point of its ladder.
 * One point alone can be too noisy to decide: measured here, `concurrent` at
 * N = 200-1600 is CPU-bound and its median own time moved ±5% between
 * same-build processes at 20 runs a point, so a point's interval of ±10% could
 * neither pass nor fail. The points' noise is largely independent, so their
 * mean narrows: over the same processes, the mean over concurrent's six
 * points stayed within [-3.2%, +6.5%] in all ten pairs.
 *
 * The statistic is the geometric mean over the strategy's points of the ratio
 * of medians (the mean log ratio), its interval a percentile bootstrap in
 * which every resample redraws each point's runs, each side within itself, as
 * `median-ratio.ts` does for one point. It is decided like a point
 * (`decide-point.ts`): `regressed` fails the gate, and `unchanged` (or
 * `improved`) rules out a slowdown of the whole strategy by more than the
 * threshold, so a point left undecided alone in such a strategy does not
 * block: only a slowdown confined to that point, smaller than its detectable
 * effect, could have hidden there, and the report says how large.
 */
import { bootstrapDistribution, type Interval, median, percentileInterval, type Rng } from '../stats/index.ts';
import { resampledMedian } from './median-ratio.ts';
import { decideRatio, type PointDecision } from './decide-point.ts';
import { detectableEffect } from './detectable-effect.ts';

/** One point's gate values on each side (`gate-value.ts`). */
export interface PointValues {
  baseline: readonly number[];
  current: readonly number[];
}

/** The gate's answer for one strategy across its points. */
export interface AcrossPoints {
  strategy: string;
  /** Points pooled: those with enough runs on both sides for an interval. */
  points: number;
  /** Geometric mean over them of median(current) / median(baseline). */
  ratio: number;
  /** Its (1 − α) percentile bootstrap interval. */
  ci: Interval;
  /** The smallest uniform slowdown of the strategy this comparison could have shown (`detectable-effect.ts`). */
  detectable: number;
  decision: Exclude<PointDecision, 'too-few-runs'>;
}

/**
 * Compare one strategy across `points` (each with at least one run a side).
 *
 * @returns null when `points` is empty.
 * @example acrossPoints('concurrent', [{ baseline: [1, 1.1, 0.9], current: [1.2, 1.3, 1.1] }], 0.1, 2000, 0.95, rng)?.decision
 */
export function acrossPoints(
  strategy: string,
  points: readonly PointValues[],
  threshold: number,
  resamples: number,
  confidence: number,
  rng: Rng,
): AcrossPoints | null {
  if (points.length === 0) return null;
  const logRatio = points.reduce((sum, p) => sum + Math.log(median(p.current) / median(p.baseline)), 0) / points.length;
  const draws = points.map((p) => ({ current: resampledMedian(p.current), baseline: resampledMedian(p.baseline) }));
  const distribution = bootstrapDistribution((r) => draws.reduce((sum, d) => sum + Math.log(d.current(r) / d.baseline(r)), 0) / draws.length, resamples, rng);
  const logInterval = percentileInterval(distribution, confidence);
  const ratio = Math.exp(logRatio);
  const ci = { low: Math.exp(logInterval.low), high: Math.exp(logInterval.high) };
  return { strategy, points: points.length, ratio, ci, detectable: detectableEffect(ratio, ci, threshold), decision: decideRatio(ci, threshold) };
}
