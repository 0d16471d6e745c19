import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank } from '../../../mock-server/stats/nearest-rank.ts';

/** Reference: the smallest sample x with at least a fraction p of the sample at or below x. */
function naive(sorted: readonly number[], p: number): number {
  for (const x of sorted) if (sorted.filter((y) => y <= x).length >= p * sorted.length - 1e-9) return x;
  return sorted[sorted.length - 1] ?? Number.NaN;
}

describe('nearestRank', () => {
  it('picks the ceil(p*n)-th smallest', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(hundred, 0.5)).toBe(50);
    expect(nearestRank(hundred, 0.99)).toBe(99);
    expect(nearestRank(hundred, 0.999)).toBe(100);
    expect(nearestRank([10, 20, 30, 40], 0.5)).toBe(20);
  });

  it('is the maximum at p99 for 100 samples or fewer, the minimum at p = 0', () => {
    expect(nearestRank([1, 2, 3], 0.99)).toBe(3);
    expect(nearestRank([1, 2, 3], 0)).toBe(1);
  });

  it('is NaN for no samples and refuses p outside [0, 1]', () => {
    expect(nearestRank([], 0.5)).toBeNaN();
    expect(() => nearestRank([1], 1.5)).toThrow(expect.objectContaining({ argument: 'p' }));
  });

  it('agrees with the definition on any sample', () =>
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 300 }), fc.constantFrom(0.5, 0.9, 0.99, 0.999, 0.25), (raw, p) => {
        const sorted = raw.toSorted((a, b) => a - b);
        expect(nearestRank(sorted, p)).toBe(naive(sorted, p));
      }),
    ));
});
