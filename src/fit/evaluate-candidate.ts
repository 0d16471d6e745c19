/**
 * Judges one fitted candidate against the sample with the mock's own
 * `cdf` and `quantile` (so the fit is judged by what the mock will sample,
 * clamp included): its KS distance and its p50/p90/p99/p99.9 beside the
 * observed ones.
 */
import { cdf, quantile, type Distribution } from '../../mock-server/profile/index.ts';
import { ksDistance } from './ks-distance.ts';
import { REPORTED_PERCENTILES, type ObservedSummary } from './observed-summary.ts';

/** One percentile of the sample beside the candidate's theoretical one. */
export interface QuantileCheck {
  /** `p50`, `p90`, `p99` or `p99.9`. */
  label: string;
  /** The probability, e.g. 0.99. */
  p: number;
  /** The sample's type-7 percentile, ms. */
  observed: number;
  /** The candidate's quantile under the clamp, ms. */
  theory: number;
  /** (theory − observed) / observed; null when observed is 0 and theory is not. */
  relativeError: number | null;
}

/** A candidate's distance from the sample. */
export interface CandidateScore {
  /** The KS distance D = sup |Fₙ − F|, F the clamped CDF. */
  ks: number;
  /** At {@link REPORTED_PERCENTILES}. */
  quantiles: QuantileCheck[];
}

/**
 * Scores `dist` under `clamp.max = cap`: the clamp moves the mass above
 * `cap` onto `cap`, so F(x) = 1 from `cap` on and every quantile is at most `cap`.
 *
 * @param sorted - the sample, ascending.
 */
export function evaluateCandidate(sorted: readonly number[], observed: ObservedSummary, dist: Distribution, cap: number): CandidateScore {
  const ks = ksDistance(sorted, (x) => (x >= cap ? 1 : cdf(dist, x)));
  const quantiles = REPORTED_PERCENTILES.map(({ label, p }): QuantileCheck => {
    const seen = observed.percentiles[label] ?? Number.NaN;
    const theory = Math.min(quantile(dist, p), cap);
    return { label, p, observed: seen, theory, relativeError: relativeError(theory, seen) };
  });
  return { ks, quantiles };
}

function relativeError(theory: number, observed: number): number | null {
  if (observed === 0) return theory === 0 ? 0 : null;
  return (theory - observed) / observed;
}
