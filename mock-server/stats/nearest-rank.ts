/**
 * Percentiles of a sample by nearest rank: the smallest sample with
 * at least a fraction p of the sample at or below it. The same definition as
 * a distribution's quantile (the smallest x with P(X ≤ x) ≥ p) and as an HDR
 * histogram's, so observed and theoretical percentiles compare like for like.
 */
import { InvalidArgumentError } from '../errors/index.ts';

/**
 * The p-percentile of an ascending-sorted sample by nearest rank.
 *
 * @param sorted - ascending sample; not checked, sort it first.
 * @param p - in [0, 1]; 0 gives the minimum.
 * @returns `NaN` for an empty sample.
 * @throws InvalidArgumentError when `p` is outside [0, 1].
 * @example nearestRank([10, 20, 30, 40], 0.5) // 20
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError('p', `nearestRank: p must be in [0, 1], got ${p}.`);
  if (sorted.length === 0) return Number.NaN;
  // ceil(p·n) on a product like 0.99·100 can land a hair above the integer: round it off first.
  const rank = Math.ceil(Math.round(p * sorted.length * 1e9) / 1e9);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}
