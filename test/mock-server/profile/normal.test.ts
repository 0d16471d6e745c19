import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../../mock-server/profile/normal.ts';

const density = (t: number) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);

// Naive reference: Simpson's rule on the density from -40 (where the mass below is < 1e-300) to x.
function simpsonCdf(x: number): number {
  const from = -40;
  const steps = 20_000;
  const h = (x - from) / steps;
  let sum = density(from) + density(x);
  for (let i = 1; i < steps; i++) sum += density(from + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

describe('normalCdf', () => {
  it('matches published values of Φ', () => {
    // Abramowitz & Stegun table 26.1 / any statistics table.
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(-1.959963984540054)).toBeCloseTo(0.025, 14);
    expect(normalCdf(-3) / 0.0013498980316300946).toBeCloseTo(1, 9);
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 9);
  });

  it('agrees with numerical integration of the density', () =>
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        expect(Math.abs(normalCdf(x) - simpsonCdf(x))).toBeLessThan(1e-12);
      }),
      { numRuns: 50 },
    ));

  it('is symmetric: Φ(-x) = 1 - Φ(x)', () =>
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(Math.abs(normalCdf(-x) - (1 - normalCdf(x)))).toBeLessThan(1e-15);
      }),
    ));

  it('is non-decreasing', () =>
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: -40, max: 40, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(normalCdf(lo)).toBeLessThanOrEqual(normalCdf(hi));
      }),
    ));
});

describe('normalQuantile', () => {
  it('matches published values of Φ⁻¹', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 8);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it('inverts normalCdf: Φ(Φ⁻¹(p)) = p, relative error below 1e-9', () =>
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1, noNaN: true, maxExcluded: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p) / Math.min(p, 1 - p)).toBeLessThan(1e-9);
      }),
    ));

  it('is odd around 1/2: Φ⁻¹(c) = -Φ⁻¹(1 - c)', () =>
    fc.assert(
      // For c in [1/2, 1), 1 - c is exact (Sterbenz), so both sides see the same point.
      fc.property(fc.double({ min: 0.5, max: 1, noNaN: true, maxExcluded: true }), (c) => {
        const right = -normalQuantile(1 - c);
        expect(Math.abs(normalQuantile(c) - right)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(right)));
      }),
    ));
});
