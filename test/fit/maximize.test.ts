import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maximize } from '../../src/fit/maximize.ts';

describe('maximize', () => {
  it('finds the top of a concave parabola anywhere in the interval to 1e-6 (law)', () =>
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 100, noNaN: true }), (top, curvature) => {
        expect(maximize((t) => -curvature * (t - top) ** 2, -10, 10)).toBeCloseTo(top, 6);
      }),
    ));

  it('returns the bound when the function keeps rising to it', () => {
    expect(maximize((t) => t, 0, 5)).toBeCloseTo(5, 6);
    expect(maximize((t) => -t, 0, 5)).toBeCloseTo(0, 6);
  });

  it('picks the higher of two bumps, not the first one found (the grid brackets the best)', () => {
    const twoBumps = (t: number) => Math.exp(-((t - 1) ** 2) * 20) + 2 * Math.exp(-((t - 7) ** 2) * 20);
    expect(maximize(twoBumps, 0, 10)).toBeCloseTo(7, 5);
  });

  it('treats NaN as −∞', () => {
    expect(maximize((t) => (t < 3 ? Number.NaN : -((t - 4) ** 2)), 0, 10)).toBeCloseTo(4, 6);
  });
});
