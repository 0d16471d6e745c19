import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Histogram } from '../../../mock-server/stats/histogram.ts';

// Naive reference: the nearest-rank quantile of the sorted values.
function nearestRank(values: number[], q: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

const values = fc.array(fc.double({ min: 0, max: 10_000, noNaN: true }), { minLength: 1, maxLength: 300 });

describe('Histogram', () => {
  it('reads quantiles within 1% (or 0.01 ms) of the nearest-rank reference', () =>
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), (xs, q) => {
        const h = new Histogram();
        for (const x of xs) h.record(x);
        const expected = nearestRank(xs, q);
        expect(Math.abs(h.quantile(q) - expected)).toBeLessThanOrEqual(Math.max(0.011, expected * 0.0101));
      }),
    ));

  it('merges exactly: two halves merged equal the whole', () =>
    fc.assert(
      fc.property(values, values, (a, b) => {
        const whole = new Histogram();
        const left = new Histogram();
        const right = new Histogram();
        for (const x of a) {
          whole.record(x);
          left.record(x);
        }
        for (const x of b) {
          whole.record(x);
          right.record(x);
        }
        left.merge(JSON.parse(JSON.stringify(right.snapshot())));
        const { sum: mergedSum, ...merged } = left.snapshot();
        const { sum: wholeSum, ...expected } = whole.snapshot();
        expect(merged).toEqual(expected);
        // Sums differ only by float rounding order.
        expect(mergedSum).toBeCloseTo(wholeSum, 6);
      }),
    ));

  it('summarises an empty histogram as NaN, not zero', () => {
    const s = new Histogram().summary();
    expect(s.count).toBe(0);
    expect(s.p50).toBeNaN();
  });
});
