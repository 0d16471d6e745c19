import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRatio } from '../../src/gate/decide-point.ts';
import { detectableEffect, strategyPower } from '../../src/gate/detectable-effect.ts';
import { medianRatio } from '../../src/gate/median-ratio.ts';
import { mulberry32 } from '../../src/stats/prng.ts';

const walls = fc.array(fc.double({ min: 50, max: 150, noNaN: true }), { minLength: 3, maxLength: 9 });

describe('detectableEffect', () => {
  // The derivation in detectable-effect.ts: scaling the current runs by f scales
  // the bootstrap interval by f (same seed, same draws). So a build slower by
  // exactly the MDE, times a hair more, is called regressed; a hair less is not.
  it('law: a slowdown just above the MDE is regressed, just below it is not (same noise, same seed)', () =>
    fc.assert(
      fc.property(walls, walls, fc.constantFrom(0.05, 0.1, 0.2), fc.nat(), (baseline, current, threshold, seed) => {
        const { ratio, interval } = medianRatio(baseline, current, 500, 0.95, mulberry32(seed));
        const mde = detectableEffect(ratio, interval, threshold);
        expect(mde).toBeGreaterThanOrEqual(threshold - 1e-9);
        const decide = (slowdown: number): string => {
          const scaled = current.map((w) => (w * slowdown) / ratio);
          return decideRatio(medianRatio(baseline, scaled, 500, 0.95, mulberry32(seed)).interval, threshold);
        };
        expect(decide((1 + mde) * 1.001)).toBe('regressed');
        expect(decide((1 + mde) * 0.999)).not.toBe('regressed');
      }),
      { numRuns: 200, seed: 0x3de },
    ));

  it('is (1 + t) · ratio / low − 1: the example of the docs', () => {
    expect(detectableEffect(1, { low: 0.632, high: 1.58 }, 0.1)).toBeCloseTo(0.7405, 3);
    expect(detectableEffect(1.5, { low: 1.5, high: 1.5 }, 0.1)).toBeCloseTo(0.1, 12);
  });

  it('grows with the noise and shrinks with the run count', () => {
    const rng = mulberry32(7);
    const noisy = (runs: number, spread: number): number[] => Array.from({ length: runs }, () => 100 * (1 + spread * (2 * rng() - 1)));
    const mdeOf = (runs: number, spread: number): number => {
      const b = noisy(runs, spread);
      const c = noisy(runs, spread);
      const { ratio, interval } = medianRatio(b, c, 2000, 0.95, mulberry32(1));
      return detectableEffect(ratio, interval, 0.1);
    };
    const median = (xs: number[]): number => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const over = (runs: number, spread: number): number => median(Array.from({ length: 21 }, () => mdeOf(runs, spread)));
    expect(over(5, 0.3)).toBeGreaterThan(over(5, 0.05));
    expect(over(20, 0.3)).toBeLessThan(over(5, 0.3));
  });
});

describe('strategyPower', () => {
  it('keeps the worst point per strategy, a point with no interval counting as the worst', () => {
    const rows = [
      { strategy: 'concurrent', n: 100, detectable: 0.3 },
      { strategy: 'bounded(4)', n: 20, detectable: 0.12 },
      { strategy: 'concurrent', n: 800, detectable: 0.74 },
      { strategy: 'concurrent', n: 1600, detectable: 0.5 },
      { strategy: 'bounded(4)', n: 40, detectable: null },
      { strategy: 'bounded(4)', n: 80, detectable: 0.9 },
    ];
    expect(strategyPower(rows)).toEqual([
      { strategy: 'concurrent', n: 800, detectable: 0.74, points: 3 },
      { strategy: 'bounded(4)', n: 40, detectable: null, points: 3 },
    ]);
  });
});
