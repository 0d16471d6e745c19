import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedUniforms } from '../../../mock-server/profile/counter-rng.ts';
import { cdf, drawFrom, quantile } from '../../../mock-server/profile/distribution.ts';
import type { Distribution } from '../../../mock-server/profile/schema.ts';
import { distribution, leafDistribution, mixtureDistribution, seed } from './arbitraries.ts';
import { dkwEpsilon, empiricalQuantile, PROBABILITIES } from './dkw.ts';

const N = 4000;
const ALPHA = 1e-9;
// ε ≈ 0.052 for N = 4000: a false alarm once in a billion cases.
const EPSILON = dkwEpsilon(N, ALPHA);
const probability = fc.double({ min: 0, max: 1, noNaN: true });
const slack = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
const isContinuous = (d: Distribution) =>
  d.type === 'uniform' ? d.max - d.min > 1e-6 : ['normal', 'lognormal', 'exponential', 'pareto'].includes(d.type);

function draws(dist: Distribution, s: number): Float64Array {
  return Float64Array.from({ length: N }, (_, n) => drawFrom(dist, keyedUniforms(s, 'pokemon', 'dkw', n))).toSorted();
}

// Law (DKW, α = 1e-9): with N draws, sup|F_N − F| ≤ ε, and then every empirical
// p-quantile lies between Q(p − ε) and Q(p + ε). Holds for atoms too (fixed, samples).
function matchesTheory(dist: Distribution, s: number): void {
  const sorted = draws(dist, s);
  for (const p of PROBABILITIES) {
    const observed = empiricalQuantile(sorted, p);
    const low = quantile(dist, Math.max(0, p - EPSILON));
    const high = quantile(dist, Math.min(1, p + EPSILON));
    expect(observed).toBeGreaterThanOrEqual(low - slack(low));
    expect(observed).toBeLessThanOrEqual(high + slack(high));
  }
}

describe('quantile', () => {
  it('matches closed forms', () => {
    expect(quantile({ type: 'fixed', ms: 42 }, 0.3)).toBe(42);
    expect(quantile({ type: 'uniform', min: 80, max: 120 }, 0.25)).toBe(90);
    // Lognormal: the median is the median; one sigma up is Φ(1) ≈ 0.8413.
    expect(quantile({ type: 'lognormal', median: 90, sigma: 0.7 }, 0.5)).toBeCloseTo(90, 9);
    expect(quantile({ type: 'lognormal', median: 90, sigma: 0.7 }, 0.8413447460685429)).toBeCloseTo(90 * Math.exp(0.7), 6);
    // Exponential: P(X ≤ shift + mean) = 1 - 1/e.
    expect(quantile({ type: 'exponential', mean: 20, shift: 5 }, 1 - Math.exp(-1))).toBeCloseTo(25, 9);
    // Pareto: P(X > x) = (scale/x)^alpha, so P(X > 2·scale) = 2^-alpha.
    expect(quantile({ type: 'pareto', scale: 50, alpha: 2 }, 0.75)).toBeCloseTo(100, 9);
    // A normal far from 0 loses nothing to truncation: mean + 1.96 sd.
    expect(quantile({ type: 'normal', mean: 100, sd: 1 }, 0.975)).toBeCloseTo(101.95996398454005, 9);
    // Truncated at 0 with mean 0: a half-normal, whose median is sd·Φ⁻¹(3/4).
    expect(quantile({ type: 'normal', mean: 0, sd: 10 }, 0.5)).toBeCloseTo(6.744897501960817, 9);
  });

  it('draws one of the samples for empirical samples (nearest rank)', () => {
    const dist: Distribution = { type: 'empirical', samples: [5, 1, 3] };
    expect([0.2, 0.5, 0.9].map((p) => quantile(dist, p))).toEqual([1, 3, 5]);
  });

  it('interpolates linearly between empirical percentiles', () => {
    const dist: Distribution = { type: 'empirical', percentiles: { '0': 10, '50': 90, '100': 200 } };
    expect(quantile(dist, 0.25)).toBe(50);
    expect(quantile(dist, 0.75)).toBe(145);
    expect(quantile(dist, 0)).toBe(10);
    expect(quantile(dist, 1)).toBe(200);
  });

  it('solves a mixture numerically, atoms included', () => {
    const dist: Distribution = {
      type: 'mixture',
      components: [
        { weight: 1, dist: { type: 'fixed', ms: 10 } },
        { weight: 3, dist: { type: 'fixed', ms: 30 } },
      ],
    };
    expect(quantile(dist, 0.2)).toBe(10);
    expect(quantile(dist, 0.25)).toBe(10);
    expect(quantile(dist, 0.3)).toBeCloseTo(30, 9);
    const halves: Distribution = {
      type: 'mixture',
      components: [
        { weight: 1, dist: { type: 'uniform', min: 0, max: 10 } },
        { weight: 1, dist: { type: 'uniform', min: 20, max: 30 } },
      ],
    };
    expect(quantile(halves, 0.25)).toBeCloseTo(5, 9);
    expect(quantile(halves, 0.75)).toBeCloseTo(25, 9);
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => quantile({ type: 'fixed', ms: 1 }, 1.5)).toThrow(RangeError);
    expect(() => quantile({ type: 'fixed', ms: 1 }, Number.NaN)).toThrow(/p must be in \[0, 1\]/);
  });

  it('is non-decreasing in p', () =>
    fc.assert(
      fc.property(distribution, probability, probability, (dist, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(quantile(dist, lo)).toBeLessThanOrEqual(quantile(dist, hi) + slack(quantile(dist, hi)));
      }),
    ));

  it('never returns a negative delay', () =>
    fc.assert(
      fc.property(distribution, probability, (dist, p) => {
        expect(quantile(dist, p)).toBeGreaterThanOrEqual(0);
      }),
    ));
});

describe('cdf', () => {
  it('matches closed forms', () => {
    expect(cdf({ type: 'uniform', min: 80, max: 120 }, 90)).toBe(0.25);
    expect(cdf({ type: 'lognormal', median: 90, sigma: 0.7 }, 90)).toBeCloseTo(0.5, 14);
    expect(cdf({ type: 'exponential', mean: 20, shift: 5 }, 25)).toBeCloseTo(1 - Math.exp(-1), 14);
    expect(cdf({ type: 'pareto', scale: 50, alpha: 2 }, 100)).toBeCloseTo(0.75, 14);
    expect(cdf({ type: 'empirical', samples: [5, 1, 3] }, 3)).toBeCloseTo(2 / 3, 14);
    expect(cdf({ type: 'empirical', percentiles: { '0': 10, '50': 90, '100': 200 } }, 50)).toBe(0.25);
    expect(cdf({ type: 'fixed', ms: 100 }, 99.99)).toBe(0);
    expect(cdf({ type: 'fixed', ms: 100 }, 100)).toBe(1);
  });

  it('inverts quantile for continuous distributions: F(Q(p)) = p', () =>
    fc.assert(
      fc.property(leafDistribution.filter(isContinuous), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (dist, p) => {
        expect(cdf(dist, quantile(dist, p))).toBeCloseTo(p, 6);
      }),
    ));

  // The Galois connection that defines a quantile function: Q(p) ≤ x ⇔ p ≤ F(x).
  it('and quantile form a Galois connection for every distribution', () =>
    fc.assert(
      fc.property(distribution, probability, fc.double({ min: 0, max: 3000, noNaN: true }), (dist, p, x) => {
        const q = quantile(dist, p);
        if (q <= x - slack(x)) expect(p).toBeLessThanOrEqual(cdf(dist, x) + 1e-9);
        if (p <= cdf(dist, x) - 1e-9) expect(q).toBeLessThanOrEqual(x + slack(x));
      }),
    ));

  it('stays in [0, 1] and is non-decreasing', () =>
    fc.assert(
      fc.property(distribution, fc.double({ min: -10, max: 5000, noNaN: true }), fc.double({ min: -10, max: 5000, noNaN: true }), (dist, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cdf(dist, lo)).toBeGreaterThanOrEqual(0);
        expect(cdf(dist, hi)).toBeLessThanOrEqual(1);
        expect(cdf(dist, lo)).toBeLessThanOrEqual(cdf(dist, hi) + 1e-12);
      }),
    ));
});

describe('drawFrom', () => {
  it('draws every leaf distribution with the quantiles quantile() states', () =>
    fc.assert(fc.property(leafDistribution, seed, matchesTheory), { numRuns: 60 }));

  it('draws mixtures (pick, then draw the component) with the quantiles of the mixture CDF', () =>
    fc.assert(fc.property(mixtureDistribution, seed, matchesTheory), { numRuns: 30 }));

  it('is caught by the DKW check when the parameters are wrong', () => {
    // Guards the law above against being vacuous: sigma 0.7 draws fail against sigma 0.5 theory.
    const sorted = draws({ type: 'lognormal', median: 90, sigma: 0.7 }, 1);
    const wrong: Distribution = { type: 'lognormal', median: 90, sigma: 0.5 };
    const outside = PROBABILITIES.filter((p) => {
      const observed = empiricalQuantile(sorted, p);
      return observed < quantile(wrong, Math.max(0, p - EPSILON)) || observed > quantile(wrong, Math.min(1, p + EPSILON));
    });
    expect(outside.length).toBeGreaterThan(0);
  });

  it('uses one uniform per mixture level: the pick and the component draw are independent', () => {
    const seen: number[] = [];
    const source = (i: number) => {
      seen.push(i);
      return 0.5;
    };
    const nested: Distribution = {
      type: 'mixture',
      components: [{ weight: 1, dist: { type: 'mixture', components: [{ weight: 1, dist: { type: 'uniform', min: 0, max: 10 } }] } }],
    };
    expect(drawFrom(nested, source)).toBe(5);
    expect(seen).toEqual([0, 1, 2]);
  });
});
