import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32, randomIndex } from '../../src/stats/prng.ts';

describe('mulberry32', () => {
  it('replays: the same seed gives the same stream', () =>
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = mulberry32(seed);
        const b = mulberry32(seed);
        expect(Array.from({ length: 20 }, a)).toEqual(Array.from({ length: 20 }, b));
      }),
    ));

  it('draws in [0, 1) and different seeds give different streams', () =>
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (s1, s2) => {
        fc.pre(s1 >>> 0 !== s2 >>> 0);
        const a = Array.from({ length: 8 }, mulberry32(s1));
        const b = Array.from({ length: 8 }, mulberry32(s2));
        expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
        expect(a).not.toEqual(b);
      }),
    ));

  it('is roughly uniform: each decile holds 10% ± 1% of 100k draws', () => {
    const rng = mulberry32(7);
    const bins = Array.from({ length: 10 }, () => 0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(rng() * 10)]! += 1;
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(1000);
  });

  it('randomIndex stays in [0, n)', () =>
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const rng = mulberry32(seed);
        for (let i = 0; i < 50; i++) {
          const j = randomIndex(rng, n);
          expect(Number.isInteger(j) && j >= 0 && j < n).toBe(true);
        }
      }),
    ));

  it('rejects a non-integer seed', () => {
    expect(() => mulberry32(1.5)).toThrow(expect.objectContaining({ argument: 'seed' }));
  });
});
