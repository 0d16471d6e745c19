import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../mock-server/errors.ts';
import { fallbackKs, resolveFitOptions } from '../../src/fit/fit-options.ts';

describe('resolveFitOptions', () => {
  it('fills the defaults: tie margin 1/√n, maxKs 0.05, cap factor 2, name "fitted"', () => {
    expect(resolveFitOptions({}, 400)).toEqual({
      source: 'samples',
      what: undefined,
      name: 'fitted',
      tieMargin: 0.05,
      maxKs: 0.05,
      fallbackKs: fallbackKs(0.05, 400),
      capFactor: 2,
    });
  });

  it.each([
    [{ tieMargin: -0.1 }, 'options.tieMargin'],
    [{ maxKs: Number.NaN }, 'options.maxKs'],
    [{ capFactor: 0.9 }, 'options.capFactor'],
    [{ name: '' }, 'options.name'],
  ])('rejects %j naming %s', (options, name) => {
    expect(() => resolveFitOptions(options, 100)).toThrow(InvalidOptionError);
    expect(() => resolveFitOptions(options, 100)).toThrow(name);
  });
});

describe('fallbackKs', () => {
  it('is the larger of maxKs and the 99% DKW bound sqrt(ln(200) / 2n)', () => {
    expect(fallbackKs(0.05, 40)).toBeCloseTo(Math.sqrt(Math.log(200) / 80), 12);
    expect(fallbackKs(0.05, 100_000)).toBe(0.05);
    expect(fallbackKs(1, 40)).toBe(1);
  });
});
