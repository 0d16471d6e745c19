/**
 * The gate's statistic: how much slower the current build is at one point,
 * as the ratio of median wall times current / baseline, with a percentile
 * bootstrap interval.
 *
 * Why this and not a Mann–Whitney U test: a point has 3–10 runs per side, where
 * U's p-value can only take a handful of values (with 3 against 3 the smallest
 * two-sided p is 0.1, so it can never reject at 0.05) and says nothing about
 * *how much* slower. The gate needs an effect size with an interval so it can
 * apply criterion's double gate: the change must be significant (the interval
 * excludes "no change") AND larger than the noise threshold (the interval
 * clears 1 ± threshold), and an interval does both at once. Medians, because
 * one stalled run (a GC pause, a 1 s connection retry) must not move the
 * statistic; a ratio, because the same relative threshold then fits N = 10
 * and N = 1600.
 */
import { bootstrapDistribution, type Interval, median, percentileInterval, randomIndex, type Rng } from '../stats/index.ts';

/** The ratio of medians and its interval. */
export interface MedianRatio {
  /** median(current) / median(baseline). */
  ratio: number;
  /** Percentile bootstrap interval of the ratio at the requested confidence. */
  interval: Interval;
}

/**
 * Bootstrap the ratio of medians: each resample draws the current runs and
 * then the baseline runs with replacement, each side within itself (the two
 * sides are independent samples), and takes the ratio of their medians.
 * Draw for draw the same as `median(resample(current)) / median(resample(baseline))`
 * with the stats helpers, without allocating a resample.
 *
 * Laws: a resample's median lies between its sample's min and max, so the
 * interval lies within [min(current) / max(baseline), max(current) / min(baseline)],
 * which is what makes a large slowdown certain to be caught (see `decide-point.ts`).
 *
 * @param baseline - baseline wall times (ms), at least one, all > 0.
 * @param current - current wall times (ms), at least one, all > 0.
 * @param resamples - bootstrap resamples, a positive integer.
 * @param confidence - in (0, 1), e.g. 0.95.
 * @example medianRatio([100, 102, 98], [200, 205, 195], 2000, 0.95, mulberry32(1)).ratio // 2
 */
export function medianRatio(
  baseline: readonly number[],
  current: readonly number[],
  resamples: number,
  confidence: number,
  rng: Rng,
): MedianRatio {
  const ratio = median(current) / median(baseline);
  const drawCurrent = resampledMedian(current);
  const drawBaseline = resampledMedian(baseline);
  const distribution = bootstrapDistribution((r) => drawCurrent(r) / drawBaseline(r), resamples, rng);
  return { ratio, interval: percentileInterval(distribution, confidence) };
}

/**
 * A function that draws one resample of `values` and returns its type-7
 * median (the gate's point interval above, and `across-points.ts`). It draws the same indices as `resample` but only counts how often
 * each is drawn: since a resample's order statistics are the sample's sorted
 * values repeated by those counts, the middle ones are found by one walk,
 * with no sort and no allocation (2000 resamples per point add up).
 */
export function resampledMedian(values: readonly number[]): (rng: Rng) => number {
  const n = values.length;
  // order[rank] is the index in `values` of the rank-th smallest; rankOf inverts it,
  // so a drawn index (as `resample` draws it) is counted at its rank.
  const order = values.map((_, i) => i).toSorted((a, b) => (values[a] as number) - (values[b] as number));
  const sorted = order.map((i) => values[i] as number);
  const rankOf = new Uint32Array(n);
  order.forEach((index, rank) => {
    rankOf[index] = rank;
  });
  const counts = new Uint32Array(n);
  const positions: number[] = [];
  const h = (n - 1) / 2;
  const lo = Math.floor(h);
  const frac = h - lo;
  return (rng) => {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const rank = rankOf[randomIndex(rng, n)] as number;
      counts[rank] = (counts[rank] as number) + 1;
    }
    positions.length = 0;
    let seen = 0;
    for (let rank = 0; rank < n && positions.length < 2; rank++) {
      seen += counts[rank] as number;
      while (positions.length < 2 && seen > lo + positions.length) positions.push(rank);
    }
    const below = sorted[positions[0] as number] as number;
    if (frac === 0) return below;
    const above = sorted[positions[1] as number] as number;
    return below + frac * (above - below);
  };
}
