/**
 * The lognormal candidate: the mock's `lognormal { median, sigma }`, which
 * has no shift, so none is fitted.
 */
import type { CandidateFit } from './candidate.ts';
import { logMoments } from './log-moments.ts';
import { roundParameter } from './round-parameter.ts';

/**
 * Maximum likelihood on the logs: μ = mean of ln x, σ = sd of ln x with
 * divisor n (the MLE, not Bessel's n − 1); median = e^μ. Skipped when a
 * sample is 0 (its log is undefined) or all samples are equal (σ = 0).
 *
 * @param sorted - ascending, finite, ≥ 0, at least 2 values.
 * @example
 * fitLognormal([50, 90, 160]) // { status: 'fitted', dist: { type: 'lognormal', median: 89.63, sigma: 0.4749 }, parameters: 2 }
 */
export function fitLognormal(sorted: readonly number[]): CandidateFit {
  if ((sorted[0] ?? 0) <= 0) return { status: 'skipped', reason: 'a sample is 0 ms, and a lognormal has no mass at 0 (log 0 is undefined)' };
  const { mu, sigma } = logMoments(sorted);
  if (!(sigma > 0)) return { status: 'skipped', reason: 'all samples are equal (sigma would be 0)' };
  return { status: 'fitted', dist: { type: 'lognormal', median: roundParameter(Math.exp(mu)), sigma: roundParameter(sigma) }, parameters: 2 };
}
