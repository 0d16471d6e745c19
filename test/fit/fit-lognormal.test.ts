import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLognormal } from '../../src/fit/fit-lognormal.ts';
import { sortedDraws } from './draws.ts';

// Statistical laws hold with high probability, not always: fast-check's seed is
// pinned in each, so every run checks the same cases and a fresh draw cannot fail CI.

const N = 3000;

describe('fitLognormal', () => {
  it('is the MLE on the logs: median = exp(mean ln x), sigma = sd of ln x with divisor n', () => {
    // ln x = 1, 2, 3, 4: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, sigma = √(5/4).
    const fit = fitLognormal([1, 2, 3, 4].map(Math.exp));
    expect(fit).toEqual({ status: 'fitted', dist: { type: 'lognormal', median: Number(Math.exp(2.5).toPrecision(4)), sigma: 1.118 }, parameters: 2 });
  });

  it(`recovers median and sigma within 5 standard errors from ${N} seeded draws (law: the MLE is consistent; se(ln median) = sigma/√n, se(sigma)/sigma = 1/√(2n))`, () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 0.05, max: 1.5, noNaN: true }), (seed, median, sigma) => {
        const fit = fitLognormal(sortedDraws({ type: 'lognormal', median, sigma }, N, seed));
        if (fit.status !== 'fitted' || fit.dist.type !== 'lognormal') throw new Error('expected a lognormal fit');
        // + 1e-3: the parameters are rounded to 4 significant digits.
        expect(Math.abs(Math.log(fit.dist.median / median))).toBeLessThanOrEqual((5 * sigma) / Math.sqrt(N) + 1e-3);
        expect(Math.abs(fit.dist.sigma / sigma - 1)).toBeLessThanOrEqual(5 / Math.sqrt(2 * N) + 1e-3);
      }),
      { numRuns: 30, seed: 0x10a },
    ));

  it('is skipped when a sample is 0 (log 0) or when all samples are equal (sigma 0)', () => {
    expect(fitLognormal([0, 1, 2])).toMatchObject({ status: 'skipped', reason: expect.stringContaining('0 ms') });
    expect(fitLognormal([5, 5, 5])).toMatchObject({ status: 'skipped', reason: expect.stringContaining('equal') });
  });
});
