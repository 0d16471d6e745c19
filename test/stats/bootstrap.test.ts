import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapDistribution, percentileInterval, resample } from '../../src/stats/bootstrap.ts';
import { mean } from '../../src/stats/descriptive.ts';
import { mulberry32 } from '../../src/stats/prng.ts';

// Statistical laws hold with high probability, not always: fast-check's seed is
// pinned in each, so every run checks the same cases and a fresh draw cannot fail CI.

describe('resample', () => {
  it('draws as many values as it was given, each one of them', () =>
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 50 }), fc.integer(), (values, seed) => {
        const out = resample(values, mulberry32(seed));
        expect(out).toHaveLength(values.length);
        for (const v of out) expect(values).toContain(v);
      }),
    ));
});

describe('bootstrapDistribution + percentileInterval', () => {
  it('replays exactly for a seed', () =>
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.integer(), (values, seed) => {
        const run = (): number[] => bootstrapDistribution((rng) => mean(resample(values, rng)), 50, mulberry32(seed));
        expect(run()).toEqual(run());
      }),
    ));

  it('gives an interval that holds the sample mean and lies within the sample range', () =>
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 5, maxLength: 30 }), fc.integer(), (values, seed) => {
        const dist = bootstrapDistribution((rng) => mean(resample(values, rng)), 400, mulberry32(seed));
        const { low, high } = percentileInterval(dist, 0.95);
        expect(low).toBeLessThanOrEqual(high);
        expect(low).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
        expect(high).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
        // With 400 resamples the mean sits inside the 95% interval of its own bootstrap.
        expect(mean(values)).toBeGreaterThanOrEqual(low - 1e-9);
        expect(mean(values)).toBeLessThanOrEqual(high + 1e-9);
      }),
      { numRuns: 50, seed: 0xb008 },
    ));

  it('takes the 2.5% and 97.5% quantiles at 95%', () => {
    const dist = Array.from({ length: 1001 }, (_, i) => i);
    const { low, high } = percentileInterval(dist, 0.95);
    expect(low).toBeCloseTo(25, 9);
    expect(high).toBeCloseTo(975, 9);
  });

  it('rejects a bad resample count or confidence', () => {
    expect(() => bootstrapDistribution(() => 0, 0, mulberry32(1))).toThrow(expect.objectContaining({ argument: 'resamples' }));
    expect(() => percentileInterval([1], 1)).toThrow(expect.objectContaining({ argument: 'confidence' }));
  });
});
