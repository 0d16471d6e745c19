import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodySizeDistribution, summarizeSizes } from '../../../mock-server/data/size-distribution.ts';
import type { PokemonStore } from '../../../mock-server/data/pokemon-store.ts';

/** Naive reference: the q-quantile by linear interpolation between closest ranks. */
function naiveQuantile(values: number[], q: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = sorted[Math.floor(h)] as number;
  const hi = sorted[Math.ceil(h)] as number;
  return lo + (h - Math.floor(h)) * (hi - lo);
}

describe('summarizeSizes', () => {
  it('agrees with a naive reference on min, median, p90, max and total', () =>
    fc.assert(
      fc.property(fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 200 }), (sizes) => {
        const d = summarizeSizes(sizes);
        expect(d.count).toBe(sizes.length);
        expect(d.min).toBe(Math.min(...sizes));
        expect(d.max).toBe(Math.max(...sizes));
        expect(d.total).toBe(sizes.reduce((a, b) => a + b, 0));
        expect(d.median).toBeCloseTo(naiveQuantile(sizes, 0.5), 6);
        expect(d.p90).toBeCloseTo(naiveQuantile(sizes, 0.9), 6);
      }),
    ));

  it('orders its quantiles: min ≤ median ≤ p90 ≤ max', () =>
    fc.assert(
      fc.property(fc.array(fc.nat(1_000_000), { minLength: 1 }), (sizes) => {
        const d = summarizeSizes(sizes);
        expect(d.min).toBeLessThanOrEqual(d.median);
        expect(d.median).toBeLessThanOrEqual(d.p90);
        expect(d.p90).toBeLessThanOrEqual(d.max);
      }),
    ));

  it('does not reorder its input', () => {
    const sizes = [3, 1, 2];
    summarizeSizes(sizes);
    expect(sizes).toEqual([3, 1, 2]);
  });

  it('rejects an empty list', () => {
    expect(() => summarizeSizes([])).toThrow(RangeError);
  });
});

describe('bodySizeDistribution', () => {
  it('measures the byte length of every body of a store', () => {
    const bodies = [Buffer.alloc(10), Buffer.alloc(30), Buffer.alloc(20)];
    const store: PokemonStore = {
      count: bodies.length,
      payload: 'slim',
      bodyById: (id) => bodies[id - 1],
      idByName: () => undefined,
      nameById: () => undefined,
    };
    expect(bodySizeDistribution(store)).toEqual({ count: 3, min: 10, median: 20, p90: 28, max: 30, total: 60 });
  });
});
