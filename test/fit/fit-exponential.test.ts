import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitExponential } from '../../src/fit/fit-exponential.ts';
import { sortedDraws } from './draws.ts';

// Statistical laws hold with high probability, not always: fast-check's seed is
// pinned in each, so every run checks the same cases and a fresh draw cannot fail CI.

const N = 3000;

describe('fitExponential', () => {
  it('is the unbiased MLE: mean = n/(n−1)·(x̄ − min), shift = min − mean/n', () => {
    // n = 3, min 10, x̄ 20: mean = 3/2 · 10 = 15, shift = 10 − 15/3 = 5.
    expect(fitExponential([10, 20, 30])).toEqual({ status: 'fitted', dist: { type: 'exponential', mean: 15, shift: 5 }, parameters: 2 });
  });

  it('floors the shift at 0 (the schema requires shift >= 0)', () => {
    const fit = fitExponential([0, 1, 50]);
    expect(fit.status === 'fitted' && fit.dist.type === 'exponential' && fit.dist.shift).toBe(0);
  });

  it(`recovers mean within 5 standard errors and shift within 15·mean/n from ${N} seeded draws (law: se(mean)/mean = 1/√n; the minimum overshoots the shift by an exponential with mean mean/n, beyond 15× with probability e^-16)`, () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 1, max: 500, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }), (seed, mean, shift) => {
        const fit = fitExponential(sortedDraws({ type: 'exponential', mean, shift }, N, seed));
        if (fit.status !== 'fitted' || fit.dist.type !== 'exponential') throw new Error('expected an exponential fit');
        expect(Math.abs(fit.dist.mean / mean - 1)).toBeLessThanOrEqual(5 / Math.sqrt(N) + 1e-3);
        // + 1e-3·shift: rounding to 4 significant digits.
        expect(Math.abs((fit.dist.shift ?? 0) - shift)).toBeLessThanOrEqual((15 * mean) / N + 1e-3 * shift);
      }),
      { numRuns: 30, seed: 0xe8 },
    ));

  it('is skipped when all samples are equal', () => {
    expect(fitExponential([7, 7, 7]).status).toBe('skipped');
  });
});
