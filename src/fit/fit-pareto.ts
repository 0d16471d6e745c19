/** The shifted Pareto candidate: `pareto { scale, alpha, shift }`. */
import type { CandidateFit } from './candidate.ts';
import { maximize } from './maximize.ts';
import { roundParameter } from './round-parameter.ts';

// The scale is searched from this fraction of the smallest sample up to all of it.
const SCALE_FLOOR = 1e-4;

/**
 * The mock's Pareto starts at m = shift + scale, and above it
 * P(X > x) = (1 + (x − m)/scale)^(−alpha). Fitted by maximum likelihood:
 * - m = the smallest sample (the MLE of a support's lower end);
 * - for a given scale, alpha has the closed-form MLE
 *   alpha = n / Σ ln(1 + (xᵢ − m)/scale);
 * - scale maximises the profile log-likelihood
 *   n·ln alpha − n·ln scale − (alpha + 1)·Σ ln(1 + (xᵢ − m)/scale)
 *   over ln(scale) in [ln(1e-4 · m), ln m] (so shift = m − scale ≥ 0, the
 *   schema's rule), by {@link maximize}; the shift is then rounded to
 *   0.01 ms, the mock's delay resolution. The floor keeps the search off the
 *   likelihood's degenerate spike at scale → 0.
 * Skipped when the smallest sample is 0 (the support must start above 0)
 * or all samples are equal.
 *
 * @param sorted - ascending, finite, ≥ 0, at least 2 values.
 */
export function fitPareto(sorted: readonly number[]): CandidateFit {
  const n = sorted.length;
  const m = sorted[0] ?? 0;
  if (!(m > 0)) return { status: 'skipped', reason: 'a sample is 0 ms, and a Pareto starts at shift + scale > 0' };
  if (!((sorted[n - 1] ?? m) > m)) return { status: 'skipped', reason: 'all samples are equal (no tail to fit)' };
  const excess = sorted.map((x) => x - m);
  const alphaFor = (scale: number) => n / sumLog1p(excess, scale);
  const profile = (logScale: number) => {
    const scale = Math.exp(logScale);
    const s = sumLog1p(excess, scale);
    const alpha = n / s;
    return n * Math.log(alpha) - n * logScale - (alpha + 1) * s;
  };
  const scale = Math.exp(maximize(profile, Math.log(m * SCALE_FLOOR), Math.log(m)));
  const alpha = alphaFor(scale);
  const roundedScale = roundParameter(scale);
  return {
    status: 'fitted',
    dist: { type: 'pareto', scale: roundedScale, alpha: roundParameter(alpha), shift: Math.max(0, Math.round((m - roundedScale) * 100) / 100) },
    parameters: 3,
  };
}

function sumLog1p(excess: readonly number[], scale: number): number {
  let sum = 0;
  for (const y of excess) sum += Math.log1p(y / scale);
  return sum;
}
