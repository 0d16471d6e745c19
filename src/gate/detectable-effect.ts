/**
 * The gate's power: the smallest slowdown a comparison could have caught,
 * given the noise it saw (the minimum detectable effect, MDE).
 *
 * Derivation. At one point the gate has the observed ratio of medians
 * r = median(current) / median(baseline) and its percentile bootstrap
 * interval [low, high] (`median-ratio.ts`). Scale every current run by a
 * factor f: each resample draws the same indices, so every resampled median of
 * the current side, every resampled ratio, and hence both ends of the
 * percentile interval are multiplied by f exactly; the spread relative to the
 * ratio, r / low, does not change. A current build slower than the baseline by
 * a factor m, measured with the same noise, therefore shows the ratio m with
 * the interval [m · low / r, m · high / r], and the gate calls it `regressed`
 * (`decide-point.ts`, rule 2) exactly when m · low / r > 1 + t. The smallest
 * such m is
 *
 *     m* = (1 + t) · r / low,        MDE = m* − 1,
 *
 * a relative slowdown (0.74 = 74%). It depends on both samples' spread and run
 * counts through r / low, the lower half-width of the interval in ratio terms,
 * and on the confidence through the interval. It is the slowdown that would
 * have been flagged had it shown up at its true size; a slowdown exactly at
 * the MDE shows up above it about half the time, well above it nearly always.
 * Since low ≤ r for any sane interval, the MDE is never below the threshold:
 * the gate by design ignores changes smaller than t.
 */
import type { Interval } from '../stats/index.ts';

/**
 * The minimum detectable slowdown at one point, as a fraction (0.74 = 74%).
 *
 * @param ratio - the observed ratio of medians current / baseline (> 0).
 * @param interval - its bootstrap interval at the gate's confidence (low > 0).
 * @param threshold - the gate's noise threshold t.
 * @returns (1 + t) · ratio / interval.low − 1.
 * @example detectableEffect(1, { low: 0.632, high: 1.58 }, 0.1) // ≈ 0.74: a 74% slowdown would have shown, a 50% one not
 */
export function detectableEffect(ratio: number, interval: Interval, threshold: number): number {
  return ((1 + threshold) * ratio) / interval.low - 1;
}

/** Per strategy, the point with the largest detectable effect: what the comparison of that strategy could not see below. */
export interface StrategyPower {
  strategy: string;
  /** The worst point's N. */
  n: number;
  /**
   * Its minimum detectable slowdown as a fraction, or `null` when the point had
   * too few runs for an interval (the comparison could not see any slowdown there).
   */
  detectable: number | null;
  /** Points of the strategy compared. */
  points: number;
}

/**
 * The worst detectable effect of each strategy over its compared points, in
 * the order the strategies first appear. A point with no interval (`null`)
 * counts as the worst.
 *
 * @example strategyPower([{ strategy: 'concurrent', n: 800, detectable: 0.74 }, …])
 * // [{ strategy: 'concurrent', n: 800, detectable: 0.74, points: 1 }]
 */
export function strategyPower(rows: readonly { strategy: string; n: number; detectable: number | null }[]): StrategyPower[] {
  const out = new Map<string, StrategyPower>();
  for (const row of rows) {
    const seen = out.get(row.strategy);
    if (seen === undefined) {
      out.set(row.strategy, { strategy: row.strategy, n: row.n, detectable: row.detectable, points: 1 });
      continue;
    }
    seen.points += 1;
    if (seen.detectable !== null && (row.detectable === null || row.detectable > seen.detectable)) {
      seen.n = row.n;
      seen.detectable = row.detectable;
    }
  }
  return [...out.values()];
}
