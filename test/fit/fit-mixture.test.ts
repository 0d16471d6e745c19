import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Distribution, MixtureDistribution } from '../../mock-server/profile/index.ts';
import { fitMixture } from '../../src/fit/fit-mixture.ts';
import { sortedDraws } from './draws.ts';

// Statistical laws hold with high probability, not always: fast-check's seed is
// pinned in each, so every run checks the same cases and a fresh draw cannot fail CI.

const N = 3000;

function mixtureOf(fit: ReturnType<typeof fitMixture>): MixtureDistribution {
  if (fit.status !== 'fitted' || fit.dist.type !== 'mixture') throw new Error('expected a mixture fit');
  return fit.dist;
}

const lognormalOf = (dist: Distribution) => {
  if (dist.type !== 'lognormal') throw new Error('expected lognormal components');
  return dist;
};

describe('fitMixture', () => {
  // Two well-separated modes (medians 10x apart, sigmas <= 0.3): EM's estimates have standard
  // errors of ~1% in the weight and ~sigma/√(w·n) in ln median; the bounds are over 4 of them.
  it(`recovers the weights within 0.04 and the medians within 8% of two separated lognormal modes from ${N} draws (law)`, () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: 0.7, max: 0.95, noNaN: true }),
        fc.double({ min: 5, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 0.3, noNaN: true }),
        (seed, weight, fast, sigma) => {
          const truth: Distribution = {
            type: 'mixture',
            components: [
              { weight, dist: { type: 'lognormal', median: fast, sigma } },
              { weight: 1 - weight, dist: { type: 'lognormal', median: 10 * fast, sigma } },
            ],
          };
          const [a, b] = mixtureOf(fitMixture(sortedDraws(truth, N, seed))).components;
          if (!a || !b) throw new Error('expected two components');
          expect(Math.abs(a.weight - weight)).toBeLessThanOrEqual(0.04);
          expect(Math.abs(Math.log(lognormalOf(a.dist).median / fast))).toBeLessThanOrEqual(0.08);
          expect(Math.abs(Math.log(lognormalOf(b.dist).median / (10 * fast)))).toBeLessThanOrEqual(0.08);
        },
      ),
      { numRuns: 15, seed: 0x314 },
    ));

  it('lists the faster component first, with weights that sum to 1 (to rounding) and sigmas > 0', () => {
    const sorted = sortedDraws({ type: 'lognormal', median: 90, sigma: 0.7 }, 1000, 3);
    const { components } = mixtureOf(fitMixture(sorted));
    expect(components).toHaveLength(2);
    const [a, b] = components.map((c) => lognormalOf(c.dist));
    expect(a!.median).toBeLessThanOrEqual(b!.median);
    expect(components.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 3);
    expect(Math.min(a!.sigma, b!.sigma)).toBeGreaterThan(0);
  });

  it('is deterministic: the same sample gives the same mixture', () => {
    const sorted = sortedDraws({ type: 'pareto', scale: 20, alpha: 1.5, shift: 10 }, 500, 9);
    expect(fitMixture(sorted)).toEqual(fitMixture([...sorted]));
  });

  it('does not collapse onto tied values: every sigma stays >= 5% of the logs\' sd', () => {
    const tied = [...Array.from({ length: 200 }, () => 20), ...sortedDraws({ type: 'lognormal', median: 100, sigma: 0.5 }, 300, 4)].toSorted((x, y) => x - y);
    const logs = tied.map(Math.log);
    const mean = logs.reduce((s, y) => s + y, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((s, y) => s + (y - mean) ** 2, 0) / logs.length);
    for (const c of mixtureOf(fitMixture(tied)).components) expect(lognormalOf(c.dist).sigma).toBeGreaterThanOrEqual(0.05 * sd * (1 - 1e-3));
  });

  it('is skipped when a sample is 0 or all samples are equal', () => {
    expect(fitMixture([0, 1, 2]).status).toBe('skipped');
    expect(fitMixture([4, 4, 4]).status).toBe('skipped');
  });
});
