import { describe, expect, it } from 'vitest';
import { ProfileError } from '../../mock-server/profile/index.ts';
import { buildFittedProfile, fittedCap } from '../../src/fit/fitted-profile.ts';

const input = {
  name: 'prod-like',
  source: 'prod.csv',
  what: 'column "ms"',
  n: 500,
  delay: { type: 'lognormal' as const, median: 90, sigma: 0.7 },
  reason: 'smallest D = 0.0123',
  max: 812.345,
  capFactor: 2,
};

describe('buildFittedProfile', () => {
  it('writes name, seed 1, the delay, clamp.max = ⌈2 × max⌉ and a description of where it came from', () => {
    expect(buildFittedProfile(input)).toEqual({
      name: 'prod-like',
      description:
        "Fitted by 'pokebench profile fit' to 500 samples from prod.csv (column \"ms\"). Picked lognormal by KS distance D: smallest D = 0.0123. clamp.max = 2 × the largest sample (812.35 ms), rounded up.",
      seed: 1,
      delay: input.delay,
      clamp: { max: 1625 },
    });
  });

  it('validates with parseProfile: an invalid delay is a ProfileError naming the field', () => {
    expect(() => buildFittedProfile({ ...input, delay: { type: 'lognormal', median: 90, sigma: 0 } })).toThrow(ProfileError);
    expect(() => buildFittedProfile({ ...input, delay: { type: 'lognormal', median: 90, sigma: 0 } })).toThrow('delay.sigma: must be > 0');
  });
});

describe('fittedCap', () => {
  it('is capFactor × max rounded up to a whole ms', () => {
    expect(fittedCap(812.345, 2)).toBe(1625);
    expect(fittedCap(0, 2)).toBe(0);
  });
});
