/**
 * One summary object per sample, with piscina's histogram naming
 * (`p50`, `p99`, `p99_9`) so reports and the mock server's stats read alike.
 */
import { mean, quantileSorted, sd, sortedCopy } from './descriptive.ts';

/** Summary of a sample. Every field but `n` is `NaN` when `n` is 0. */
export interface Summary {
  /** Sample size. */
  n: number;
  min: number;
  max: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** Median (type-7 quantile, like every percentile here). */
  p50: number;
  p90: number;
  p99: number;
  /** The 99.9th percentile. */
  p99_9: number;
}

/**
 * Summarize a sample (any order; it is not modified).
 *
 * @example summarize([1, 2, 3]).p50 // 2
 */
export function summarize(values: readonly number[]): Summary {
  const sorted = sortedCopy(values);
  const n = sorted.length;
  return {
    n,
    min: n === 0 ? Number.NaN : (sorted[0] as number),
    max: n === 0 ? Number.NaN : (sorted[n - 1] as number),
    mean: mean(sorted),
    sd: sd(sorted),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    p99: quantileSorted(sorted, 0.99),
    p99_9: quantileSorted(sorted, 0.999),
  };
}
