import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, median, quantileSorted, sd, sortedCopy } from '../../src/stats/descriptive.ts';
import { summarize } from '../../src/stats/summarize.ts';

describe('summarize', () => {
  it('reports n, min, max, mean, sd and the p50/p90/p99/p99_9 quantiles of the sample', () =>
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), (values) => {
        const s = sortedCopy(values);
        expect(summarize(values)).toEqual({
          n: values.length,
          min: Math.min(...values),
          max: Math.max(...values),
          mean: mean(s),
          sd: sd(s),
          p50: median(values),
          p90: quantileSorted(s, 0.9),
          p99: quantileSorted(s, 0.99),
          p99_9: quantileSorted(s, 0.999),
        });
      }),
    ));

  it('orders its percentiles: min ≤ p50 ≤ p90 ≤ p99 ≤ p99_9 ≤ max', () =>
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1 }), (values) => {
        const { min, p50, p90, p99, p99_9, max } = summarize(values);
        expect([min, p50, p90, p99, p99_9, max]).toEqual([min, p50, p90, p99, p99_9, max].toSorted((a, b) => a - b));
      }),
    ));

  it('summarizes 1..1000 as R would', () => {
    const s = summarize(Array.from({ length: 1000 }, (_, i) => 1000 - i));
    // R: quantile(1:1000, c(.5, .9, .99, .999)) → 500.5, 900.1, 990.01, 999.001
    expect(s).toMatchObject({ n: 1000, min: 1, max: 1000, mean: 500.5 });
    expect(s.p50).toBeCloseTo(500.5, 9);
    expect(s.p90).toBeCloseTo(900.1, 9);
    expect(s.p99).toBeCloseTo(990.01, 9);
    expect(s.p99_9).toBeCloseTo(999.001, 9);
  });

  it('gives n = 0 and NaN elsewhere for an empty sample, so a report still renders', () => {
    const s = summarize([]);
    expect(s.n).toBe(0);
    for (const key of ['min', 'max', 'mean', 'sd', 'p50', 'p90', 'p99', 'p99_9'] as const) expect(s[key]).toBeNaN();
  });
});
