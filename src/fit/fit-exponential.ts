/** The shifted exponential candidate: `exponential { mean, shift }`. */
import type { CandidateFit } from './candidate.ts';
import { roundParameter } from './round-parameter.ts';

/**
 * The unbiased version of the maximum-likelihood fit. The MLE is shift =
 * min, mean = x̄ − min; the minimum of n draws overshoots the true shift by
 * mean/n on average, so: mean = n/(n − 1) · (x̄ − min), shift = min − mean/n
 * (the UMVU estimators), with the shift floored at 0 (the schema's rule).
 * Skipped when all samples are equal.
 *
 * @param sorted - ascending, finite, ≥ 0, at least 2 values.
 * @example
 * fitExponential([10, 20, 30]) // { status: 'fitted', dist: { type: 'exponential', mean: 15, shift: 5 }, parameters: 2 }
 */
export function fitExponential(sorted: readonly number[]): CandidateFit {
  const n = sorted.length;
  const min = sorted[0] ?? 0;
  let sum = 0;
  for (const x of sorted) sum += x;
  const excess = sum / n - min;
  if (!(excess > 0)) return { status: 'skipped', reason: 'all samples are equal (the mean above the shift would be 0)' };
  const mean = (n / (n - 1)) * excess;
  const shift = Math.max(0, min - mean / n);
  return { status: 'fitted', dist: { type: 'exponential', mean: roundParameter(mean), shift: roundParameter(shift) }, parameters: 2 };
}
