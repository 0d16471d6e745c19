/**
 * The fallback candidate: `empirical { percentiles }` through the sample's
 * own percentiles. It reproduces them by construction (up to 0.01 ms), at
 * the price of inventing nothing beyond the largest sample and of many
 * parameters, so it is only picked when no parametric family fits.
 */
import { quantileSorted } from '../stats/index.ts';
import type { CandidateFit } from './candidate.ts';

/** The percentiles the fallback keeps (0 and 100, the schema requires them, are the min and max). */
export const EMPIRICAL_PERCENTILES = [
  0, 0.1, 1, 2.5, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 100,
] as const;

/**
 * The sample's type-7 percentiles at {@link EMPIRICAL_PERCENTILES}, rounded
 * to 0.01 ms (the mock's delay resolution), keeping only those the sample
 * can resolve: p and 100 − p must each cover at least one sample
 * (n · min(p, 100 − p) / 100 ≥ 1), so p99.9 needs 1000 samples. Never skipped.
 *
 * @param sorted - ascending, finite, ≥ 0, at least 2 values.
 */
export function fitEmpirical(sorted: readonly number[]): CandidateFit {
  const n = sorted.length;
  // 1e-9: 100 − 99.9 is 0.0999…94 in floating point, and 1000 samples do resolve p99.9.
  const kept = EMPIRICAL_PERCENTILES.filter((p) => p === 0 || p === 100 || n * Math.min(p, 100 - p) >= 100 - 1e-9);
  const percentiles = Object.fromEntries(kept.map((p) => [String(p), Math.round(quantileSorted(sorted, p / 100) * 100) / 100]));
  return { status: 'fitted', dist: { type: 'empirical', percentiles }, parameters: kept.length };
}
