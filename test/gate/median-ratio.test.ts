import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianRatio } from '../../src/gate/median-ratio.ts';
import { bootstrapDistribution, percentileInterval, resample } from '../../src/stats/bootstrap.ts';
import { median } from '../../src/stats/descriptive.ts';
import { mulberry32 } from '../../src/stats/prng.ts';

// Statistical laws hold with high probability, not always: fast-check's seed is
// pinned in each, so every run checks the same cases and a fresh draw cannot fail CI.

// Wall times with ties (integers) as well as distinct values, 1 to 12 runs.
const walls = fc.array(fc.oneof(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.5, max: 1000, noNaN: true })), { minLength: 1, maxLength: 12 });

describe('medianRatio', () => {
  it('equals the naive bootstrap (resample + median with the stats helpers), draw for draw', () =>
    fc.assert(
      fc.property(walls, walls, fc.nat(), (baseline, current, seed) => {
        const naive = bootstrapDistribution((rng) => median(resample(current, rng)) / median(resample(baseline, rng)), 200, mulberry32(seed));
        expect(medianRatio(baseline, current, 200, 0.9, mulberry32(seed))).toEqual({
          ratio: median(current) / median(baseline),
          interval: percentileInterval(naive, 0.9),
        });
      }),
      { numRuns: 100, seed: 0x3ee },
    ));

  it('law: the interval lies within [min(current) / max(baseline), max(current) / min(baseline)]', () =>
    fc.assert(
      fc.property(walls, walls, fc.nat(), (baseline, current, seed) => {
        const { interval } = medianRatio(baseline, current, 200, 0.95, mulberry32(seed));
        expect(interval.low).toBeGreaterThanOrEqual((Math.min(...current) / Math.max(...baseline)) * (1 - 1e-12));
        expect(interval.high).toBeLessThanOrEqual((Math.max(...current) / Math.min(...baseline)) * (1 + 1e-12));
      }),
      { numRuns: 100, seed: 0x3ef },
    ));

  it('law: with odd run counts the interval holds the ratio of medians (each resampled median is on either side of it half the time)', () =>
    fc.assert(
      fc.property(
        walls.filter((w) => w.length % 2 === 1),
        walls.filter((w) => w.length % 2 === 1),
        fc.nat(),
        (baseline, current, seed) => {
          const { ratio, interval } = medianRatio(baseline, current, 400, 0.95, mulberry32(seed));
          expect(interval.low).toBeLessThanOrEqual(ratio);
          expect(interval.high).toBeGreaterThanOrEqual(ratio);
        },
      ),
      { numRuns: 100, seed: 0x3f0 },
    ));

  it('gives a zero-width interval at the ratio when every run of a side is the same', () => {
    expect(medianRatio([50, 50, 50], [100, 100, 100, 100], 500, 0.95, mulberry32(1))).toEqual({ ratio: 2, interval: { low: 2, high: 2 } });
  });
});
