/**
 * Percentile bootstrap: resample with replacement, recompute the statistic,
 * take the middle `confidence` of the resampled values as the interval.
 */
import { quantileSorted, sortedCopy } from './descriptive.ts';
import { InvalidArgumentError } from '../../mock-server/errors/index.ts';
import { randomIndex, type Rng } from './prng.ts';

/** A two-sided interval. */
export interface Interval {
  low: number;
  high: number;
}

/** A resample of `values` with replacement, of the same length. */
export function resample<T>(values: readonly T[], rng: Rng): T[] {
  return Array.from({ length: values.length }, () => values[randomIndex(rng, values.length)] as T);
}

/**
 * The statistic computed on `resamples` independent resamples. `draw` builds
 * one resample with the given generator and returns its statistic, so the
 * caller decides what is resampled (a flat sample, or groups apart).
 *
 * @throws InvalidArgumentError when `resamples` is not a positive integer.
 */
export function bootstrapDistribution(draw: (rng: Rng) => number, resamples: number, rng: Rng): number[] {
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new InvalidArgumentError('resamples', `bootstrapDistribution: resamples must be a positive integer, got ${resamples}.`);
  }
  return Array.from({ length: resamples }, () => draw(rng));
}

/**
 * The central `confidence` interval of a bootstrap distribution (the
 * percentile method): its (1−c)/2 and (1+c)/2 type-7 quantiles.
 *
 * @throws InvalidArgumentError when `confidence` is not in (0, 1).
 * @example percentileInterval(dist, 0.95) // { low: q(0.025), high: q(0.975) }
 */
export function percentileInterval(distribution: readonly number[], confidence: number): Interval {
  if (!(confidence > 0 && confidence < 1)) {
    throw new InvalidArgumentError('confidence', `percentileInterval: confidence must be in (0, 1), got ${confidence}.`);
  }
  const sorted = sortedCopy(distribution);
  return {
    low: quantileSorted(sorted, (1 - confidence) / 2),
    high: quantileSorted(sorted, (1 + confidence) / 2),
  };
}
