import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyComplexity, COMPLEXITY_CLASSES } from '../../src/scaling/complexity.ts';
import { mulberry32 } from '../../src/stats/prng.ts';
import { gaussian } from './synthetic.ts';

const NS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

describe('classifyComplexity', () => {
  it('recovers the class of any clean curve T = a + b·f(N)', () =>
    fc.assert(
      fc.property(
        fc.constantFrom(...COMPLEXITY_CLASSES),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 1000 }),
        ({ name, f }, a, b) => {
          const result = classifyComplexity(NS, NS.map((n) => a + (b / 100) * f(n)));
          expect(result.best).toBe(name);
        },
      ),
    ));

  it('returns every class with its fit, simplest first, the winner fitting best', () => {
    const { best, fits } = classifyComplexity(NS, NS.map((n) => 5 + n * Math.log(n)));
    expect(fits.map((f) => f.name)).toEqual(COMPLEXITY_CLASSES.map((c) => c.name));
    const winner = fits.find((f) => f.name === best);
    expect(winner?.rms).toBe(Math.min(...fits.map((f) => f.rms)));
    expect(winner?.r2).toBeCloseTo(1, 9);
    expect(winner).toMatchObject({ a: expect.closeTo(5, 6), b: expect.closeTo(1, 9) });
  });

  it('keeps flat noise O(1) rather than fitting the noise with a curve', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = mulberry32(seed);
      expect(classifyComplexity(NS, NS.map(() => 100 + 5 * gaussian(rng))).best, `seed ${seed}`).toBe('O(1)');
    }
  });

  it('sees O(N) through 2% noise', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = mulberry32(seed);
      expect(classifyComplexity(NS, NS.map((n) => (20 + 3 * n) * (1 + 0.02 * gaussian(rng)))).best, `seed ${seed}`).toBe('O(N)');
    }
  });

  it('never fits a negative coefficient: shrinking time is not a growth class', () => {
    const { best, fits } = classifyComplexity(NS, NS.map((n) => 1000 - n));
    expect(fits.every((f) => f.b >= 0)).toBe(true);
    expect(best).toBe('O(1)');
  });

  it('rejects fewer than 3 distinct N, N ≤ 0 and mismatched lengths', () => {
    expect(() => classifyComplexity([1, 2, 2], [1, 2, 2])).toThrow(expect.objectContaining({ argument: 'ns' }));
    expect(() => classifyComplexity([0, 1, 2], [1, 2, 3])).toThrow(/ns\[0\]/);
    expect(() => classifyComplexity([1, 2, 3], [1, 2])).toThrow(expect.objectContaining({ argument: 'times' }));
  });
});
