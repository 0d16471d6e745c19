import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cdf, type Distribution } from '../../mock-server/profile/index.ts';
import { ksDistance, nextDown } from '../../src/fit/ks-distance.ts';
import { leafDistribution } from '../mock-server/profile/arbitraries.ts';

const uniform04 = (x: number) => Math.min(1, Math.max(0, x / 4));
const sample = fc.array(fc.double({ min: 0, max: 2000, noNaN: true }).map((x) => x + 0), { minLength: 1, maxLength: 60 });

// Naive reference, from the definition: for every sample value v, compare F(v) with the
// share of samples ≤ v and F(v−) with the share of samples < v; O(n²).
function naiveKs(values: readonly number[], F: (x: number) => number): number {
  const n = values.length;
  let worst = 0;
  for (const v of values) {
    const atMost = values.filter((x) => x <= v).length / n;
    const below = values.filter((x) => x < v).length / n;
    worst = Math.max(worst, Math.abs(F(v) - atMost), Math.abs(F(nextDown(v)) - below));
  }
  return worst;
}

describe('ksDistance', () => {
  it('is 0.25 for [1, 2, 3] against uniform(0, 4) (by hand: F(1) − 0 = 0.25 and 1 − F(3) = 0.25)', () => {
    expect(ksDistance([1, 2, 3], uniform04)).toBeCloseTo(0.25, 15);
  });

  it('is 0.5 for [1, 2] against fixed 2: the gap just below the atom counts (F(2−) = 0 against 1/2)', () => {
    const fixed2: Distribution = { type: 'fixed', ms: 2 };
    expect(ksDistance([1, 2], (x) => cdf(fixed2, x))).toBe(0.5);
  });

  it('counts tied samples as one step: [2, 2, 2, 2] against fixed 2 is 0', () => {
    expect(ksDistance([2, 2, 2, 2], (x) => (x >= 2 ? 1 : 0))).toBe(0);
  });

  it('is 1 when the CDF gives NaN, and 0 for an empty sample', () => {
    expect(ksDistance([1, 2], () => Number.NaN)).toBe(1);
    expect(ksDistance([], uniform04)).toBe(0);
  });

  it('lies in [0, 1] for any sample and any distribution (law: D is a distance between CDFs)', () =>
    fc.assert(
      fc.property(sample, leafDistribution, (values, dist) => {
        const d = ksDistance(values.toSorted((a, b) => a - b), (x) => cdf(dist, x));
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
      }),
    ));

  it('equals the naive O(n²) definition for any sample and distribution', () =>
    fc.assert(
      fc.property(sample, leafDistribution, (values, dist) => {
        const F = (x: number) => cdf(dist, x);
        expect(ksDistance(values.toSorted((a, b) => a - b), F)).toBeCloseTo(naiveKs(values, F), 12);
      }),
    ));

  it("is 0 against the sample's own empirical distribution (law: D(Fn, Fn) = 0)", () =>
    fc.assert(
      fc.property(sample, (values) => {
        const own: Distribution = { type: 'empirical', samples: values };
        expect(ksDistance(values.toSorted((a, b) => a - b), (x) => cdf(own, x))).toBe(0);
      }),
    ));
});

describe('nextDown', () => {
  it('is the largest double below x: smaller, and nothing fits between (law)', () =>
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const below = nextDown(x);
        expect(below).toBeLessThan(x);
        const mid = below / 2 + x / 2;
        expect(mid === below || mid === x).toBe(true);
      }),
    ));
});
