/** What the report shows of the sample itself: its size, percentiles, mean and range. */
import { quantileSorted } from '../stats/index.ts';

/** The percentiles every report compares, with their labels. */
export const REPORTED_PERCENTILES: readonly { label: string; p: number }[] = [
  { label: 'p50', p: 0.5 },
  { label: 'p90', p: 0.9 },
  { label: 'p99', p: 0.99 },
  { label: 'p99.9', p: 0.999 },
];

/** A sample's shape in ms. */
export interface ObservedSummary {
  n: number;
  min: number;
  max: number;
  mean: number;
  /** Type-7 percentiles by label (`p50`...), at {@link REPORTED_PERCENTILES}. */
  percentiles: Record<string, number>;
}

/**
 * Summarises an ascending sample (type-7 percentiles, as `src/stats`).
 *
 * @param sorted - ascending, at least 1 value.
 */
export function summarizeObserved(sorted: readonly number[]): ObservedSummary {
  let sum = 0;
  for (const x of sorted) sum += x;
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sum / sorted.length,
    percentiles: Object.fromEntries(REPORTED_PERCENTILES.map(({ label, p }) => [label, quantileSorted(sorted, p)])),
  };
}
