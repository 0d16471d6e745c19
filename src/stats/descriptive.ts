/**
 * Descriptive statistics of a sample: quantiles (type 7), median, mean and
 * standard deviation. Pure functions; an empty sample gives `NaN`, never a
 * throw, so a report over zero successful requests still renders.
 */
import { InvalidArgumentError } from '../../mock-server/errors/index.ts';

/**
 * The q-quantile of an ascending-sorted sample by linear interpolation between
 * order statistics (Hyndman & Fan type 7, R's and NumPy's default).
 *
 * @param sorted - ascending sample; not checked, sort it first.
 * @param q - in [0, 1].
 * @returns `NaN` for an empty sample.
 * @throws InvalidArgumentError when `q` is outside [0, 1].
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 1)) {
    throw new InvalidArgumentError('q', `quantileSorted: q must be in [0, 1], got ${q}.`);
  }
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const frac = h - lo;
  // On an order statistic return it as is (keeps -0 and avoids ∞ − ∞).
  if (frac === 0) return below;
  const above = sorted[lo + 1] as number;
  // below + t·(above − below) rather than a weighted sum, so that equal
  // neighbours give exactly that value (no rounding drift).
  return below + frac * (above - below);
}

/** An ascending copy of `values` (numeric order, not `Array#sort`'s string order). */
export function sortedCopy(values: readonly number[]): number[] {
  return values.toSorted((a, b) => a - b);
}

/**
 * The median (type-7 0.5-quantile) of an unsorted sample.
 *
 * @returns `NaN` for an empty sample.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  return quantileSorted(sortedCopy(values), 0.5);
}

/**
 * The arithmetic mean.
 *
 * @returns `NaN` for an empty sample.
 */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * The sample standard deviation (Bessel-corrected, divisor n − 1).
 *
 * @returns `NaN` for an empty sample, 0 for a single value.
 */
export function sd(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  if (n === 1) return 0;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / (n - 1));
}
