import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leastSquares, rSquared } from '../../src/stats/least-squares.ts';
import { mulberry32 } from '../../src/stats/prng.ts';
import { theilSen } from '../../src/stats/theil-sen.ts';

const coef = fc.integer({ min: -1000, max: 1000 });
const xsArb = fc.uniqueArray(fc.integer({ min: -500, max: 500 }), { minLength: 2, maxLength: 40 });

// Naive references from the definitions.
function naiveLeastSquares(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number } {
  const n = xs.length;
  const sx = xs.reduce((a, b) => a + b, 0);
  const sy = ys.reduce((a, b) => a + b, 0);
  const sxy = xs.reduce((a, x, i) => a + x * (ys[i] as number), 0);
  const sxx = xs.reduce((a, x) => a + x * x, 0);
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return { slope, intercept: (sy - slope * sx) / n };
}
function naiveTheilSenSlope(xs: readonly number[], ys: readonly number[]): number {
  const slopes: number[] = [];
  xs.forEach((x, i) => xs.forEach((x2, j) => {
    if (j > i && x2 !== x) slopes.push(((ys[j] as number) - (ys[i] as number)) / (x2 - x));
  }));
  const sorted = slopes.toSorted((a, b) => a - b);
  const m = sorted.length;
  return m % 2 ? (sorted[(m - 1) / 2] as number) : ((sorted[m / 2 - 1] as number) + (sorted[m / 2] as number)) / 2;
}

describe('leastSquares', () => {
  it('recovers an exact line with R² = 1', () =>
    fc.assert(
      fc.property(xsArb, coef, coef, (xs, a, b) => {
        const fit = leastSquares(xs, xs.map((x) => a + b * x));
        expect(fit.slope).toBeCloseTo(b, 6);
        expect(fit.intercept).toBeCloseTo(a, 6);
        expect(fit.r2).toBeCloseTo(1, 9);
      }),
    ));

  it('agrees with the textbook normal equations on noisy data, with R² in [0, 1]', () =>
    fc.assert(
      fc.property(xsArb, fc.integer(), (xs, seed) => {
        const rng = mulberry32(seed);
        const ys = xs.map((x) => 3 * x + 100 * rng());
        const fit = leastSquares(xs, ys);
        const ref = naiveLeastSquares(xs, ys);
        expect(fit.slope).toBeCloseTo(ref.slope, 6);
        expect(fit.intercept).toBeCloseTo(ref.intercept, 4);
        expect(fit.r2).toBeGreaterThanOrEqual(-1e-12);
        expect(fit.r2).toBeLessThanOrEqual(1 + 1e-12);
      }),
    ));

  it('rejects unequal lengths, non-finite values and a single distinct x', () => {
    expect(() => leastSquares([1, 2], [1])).toThrow(expect.objectContaining({ argument: 'ys' }));
    expect(() => leastSquares([1, Number.NaN], [1, 2])).toThrow(/xs\[1\] must be a finite number/);
    expect(() => leastSquares([3, 3, 3], [1, 2, 3])).toThrow(/two distinct values/);
  });
});

describe('rSquared', () => {
  it('is 1 for a line through constant data, 0 for a line missing it', () => {
    expect(rSquared([1, 2, 3], [5, 5, 5], 0, 5)).toBe(1);
    expect(rSquared([1, 2, 3], [5, 5, 5], 1, 5)).toBe(0);
  });
});

describe('theilSen', () => {
  it('agrees with the naive median of pairwise slopes', () =>
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: -1000, max: 1000 })), { minLength: 2, maxLength: 30 }), (pts) => {
        fc.pre(new Set(pts.map((p) => p[0])).size >= 2);
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        expect(theilSen(xs, ys).slope).toBeCloseTo(naiveTheilSenSlope(xs, ys), 9);
      }),
    ));

  it('recovers an exact line', () =>
    fc.assert(
      fc.property(xsArb, coef, coef, (xs, a, b) => {
        const fit = theilSen(xs, xs.map((x) => a + b * x));
        expect(fit.slope).toBeCloseTo(b, 9);
        expect(fit.intercept).toBeCloseTo(a, 6);
      }),
    ));

  it('shrugs off one wild point that tilts least squares', () =>
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 30 }), coef, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 10_000, max: 1e6 }), (n, a, b, outlier) => {
        const xs = Array.from({ length: n }, (_, i) => i + 1);
        const ys = xs.map((x) => a + b * x);
        ys[n - 1] = (ys[n - 1] as number) + outlier;
        expect(theilSen(xs, ys).slope).toBeCloseTo(b, 9);
        expect(Math.abs(leastSquares(xs, ys).slope - b)).toBeGreaterThan(1);
      }),
    ));
});
