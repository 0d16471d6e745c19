import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, median, quantileSorted, sd, sortedCopy } from '../../src/stats/descriptive.ts';

const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 });

// Naive references, written from the definitions rather than from the code under test.
/** Type 7: the quantile at q interpolates linearly between order statistics at rank 1 + (n − 1)q. */
function naiveQuantile(values: readonly number[], q: number): number {
  const s = values.toSorted((a, b) => a - b);
  const rank = 1 + (s.length - 1) * q; // 1-based
  const lower = Math.floor(rank);
  const frac = rank - lower;
  const at = (r: number): number => s[Math.min(r, s.length) - 1] as number;
  return at(lower) * (1 - frac) + at(lower + 1) * frac;
}
function naiveMedian(values: readonly number[]): number {
  const s = values.toSorted((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
function naiveSd(values: readonly number[]): number {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.map((v) => (v - m) ** 2).reduce((a, b) => a + b, 0) / (values.length - 1));
}
const close = (a: number, b: number, scale: number): void => {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));
};

describe('quantileSorted', () => {
  it('agrees with a naive type-7 quantile', () =>
    fc.assert(
      fc.property(sample, fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        close(quantileSorted(sortedCopy(values), q), naiveQuantile(values, q), Math.max(...values.map(Math.abs)));
      }),
    ));

  it('gives the min at 0, the max at 1, and never leaves [min, max]', () =>
    fc.assert(
      fc.property(sample, fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        const s = sortedCopy(values);
        expect(quantileSorted(s, 0)).toBe(s[0]);
        expect(quantileSorted(s, 1)).toBe(s[s.length - 1]);
        const v = quantileSorted(s, q);
        expect(v).toBeGreaterThanOrEqual(s[0] as number);
        expect(v).toBeLessThanOrEqual(s[s.length - 1] as number);
      }),
    ));

  it('matches R on a worked example', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(0.1, 0.9)) → 1.4, 7.6
    expect(quantileSorted([1, 2, 3, 4, 10], 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileSorted([1, 2, 3, 4, 10], 0.9)).toBeCloseTo(7.6, 12);
  });

  it('is NaN for an empty sample and rejects q outside [0, 1]', () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(() => quantileSorted([1], 1.5)).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_ARGUMENT', argument: 'q' }));
    expect(() => quantileSorted([1], Number.NaN)).toThrow(/q must be in \[0, 1\]/);
  });
});

describe('median, mean, sd', () => {
  it('agree with naive references', () =>
    fc.assert(
      fc.property(sample, (values) => {
        const scale = Math.max(...values.map(Math.abs));
        close(median(values), naiveMedian(values), scale);
        close(mean(values), values.reduce((a, b) => a + b, 0) / values.length, scale);
        if (values.length > 1) close(sd(values), naiveSd(values), scale);
      }),
    ));

  it('do not reorder their input', () =>
    fc.assert(
      fc.property(sample, (values) => {
        const copy = [...values];
        median(values);
        sortedCopy(values);
        expect(values).toEqual(copy);
      }),
    ));

  it('sd is 0 for one value and unchanged by a shift', () =>
    fc.assert(
      fc.property(sample, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (values, shift) => {
        expect(sd([values[0] as number])).toBe(0);
        close(sd(values.map((v) => v + shift)), sd(values), Math.max(...values.map(Math.abs)));
      }),
    ));

  it('are NaN for an empty sample', () => {
    expect(median([])).toBeNaN();
    expect(mean([])).toBeNaN();
    expect(sd([])).toBeNaN();
  });
});
