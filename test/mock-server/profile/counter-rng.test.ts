import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashString, keyedUniforms, seedKey, wordsToUniform } from '../../../mock-server/profile/counter-rng.ts';
import { seed } from './arbitraries.ts';
import { dkwEpsilon, empiricalQuantile, PROBABILITIES } from './dkw.ts';

const N = 4000;
// One false alarm in a billion runs per check.
const EPSILON = dkwEpsilon(N, 1e-9);

describe('wordsToUniform', () => {
  it('stays strictly inside (0, 1), even at the extreme words', () => {
    expect(wordsToUniform(0, 0)).toBe(2 ** -53);
    expect(wordsToUniform(0xffffffff, 0xffffffff)).toBe(1 - 2 ** -53);
    expect(wordsToUniform(0xffffffff, 0xffffffff)).toBeLessThan(1);
  });

  it('is monotone in the high word', () =>
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff - 64 }), fc.integer({ min: 0, max: 0xffffffff }), (w0, w1) => {
        expect(wordsToUniform(w0 + 64, w1)).toBeGreaterThan(wordsToUniform(w0, w1));
      }),
    ));
});

describe('hashString', () => {
  it('is a pure function of the string', () =>
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(hashString(text)).toEqual(hashString(`${text}`));
      }),
    ));

  it('tells apart strings that differ by one character, length or order', () => {
    const texts = ['', '1', '2', '12', '21', '25', 'pokemon\u000025', 'pokemon-list\u000025', 'pikachu', 'Pikachu'];
    const hashes = new Set(texts.map((text) => hashString(text).join(':')));
    expect(hashes.size).toBe(texts.length);
  });
});

describe('seedKey', () => {
  it('splits a safe integer into its low and high 32-bit words', () =>
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 }), (value) => {
        const [low, high] = seedKey(value);
        expect(high * 2 ** 32 + low).toBe(value);
      }),
    ));

  it('gives different keys to different seeds, negative ones included', () =>
    fc.assert(
      fc.property(seed, seed, (a, b) => {
        fc.pre(a !== b);
        expect(seedKey(a)).not.toEqual(seedKey(b));
      }),
    ));
});

describe('keyedUniforms', () => {
  it('is a pure function of (seed, route, key, n, i)', () =>
    fc.assert(
      fc.property(seed, fc.string(), fc.string(), fc.nat(), fc.nat(20), (s, route, key, n, i) => {
        expect(keyedUniforms(s, route, key, n)(i)).toBe(keyedUniforms(s, route, key, n)(i));
      }),
    ));

  it('gives a different number when any coordinate changes', () =>
    fc.assert(
      fc.property(seed, fc.string({ maxLength: 8 }), fc.nat(1000), fc.nat(5), (s, key, n, i) => {
        const base = keyedUniforms(s, 'pokemon', key, n)(i);
        expect(keyedUniforms(s + 1, 'pokemon', key, n)(i)).not.toBe(base);
        expect(keyedUniforms(s, 'pokemon-list', key, n)(i)).not.toBe(base);
        expect(keyedUniforms(s, 'pokemon', `${key}x`, n)(i)).not.toBe(base);
        expect(keyedUniforms(s, 'pokemon', key, n + 1)(i)).not.toBe(base);
        expect(keyedUniforms(s, 'pokemon', key, n)(i + 1)).not.toBe(base);
      }),
    ));

  // Law (DKW): the draws of one key over n, and of many keys at n = 0, are uniform: each
  // empirical p-quantile of N draws lies within p ± ε, ε = sqrt(ln(2/α)/(2N)), α = 1e-9.
  it('is uniform over successive requests of one key', () =>
    fc.assert(
      fc.property(seed, fc.string({ maxLength: 12 }), (s, key) => {
        const draws = Float64Array.from({ length: N }, (_, n) => keyedUniforms(s, 'pokemon', key, n)(0)).toSorted();
        for (const p of PROBABILITIES) expect(Math.abs(empiricalQuantile(draws, p) - p)).toBeLessThanOrEqual(EPSILON);
        expect(draws[0]).toBeGreaterThan(0);
        expect(draws[N - 1]).toBeLessThan(1);
      }),
      { numRuns: 20 },
    ));

  it('is uniform across keys and across the index i', () =>
    fc.assert(
      fc.property(seed, (s) => {
        const acrossKeys = Float64Array.from({ length: N }, (_, k) => keyedUniforms(s, 'pokemon', String(k), 0)(0)).toSorted();
        const acrossIndex = Float64Array.from({ length: N }, (_, i) => keyedUniforms(s, 'pokemon', '25', 0)(i)).toSorted();
        for (const p of PROBABILITIES) {
          expect(Math.abs(empiricalQuantile(acrossKeys, p) - p)).toBeLessThanOrEqual(EPSILON);
          expect(Math.abs(empiricalQuantile(acrossIndex, p) - p)).toBeLessThanOrEqual(EPSILON);
        }
      }),
      { numRuns: 10 },
    ));
});
