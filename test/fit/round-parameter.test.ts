import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAMETER_DIGITS, roundParameter } from '../../src/fit/round-parameter.ts';

describe('roundParameter', () => {
  it(`keeps ${PARAMETER_DIGITS} significant digits: 90.123456 → 90.12, 0.00123456 → 0.001235, 0 → 0`, () => {
    expect(roundParameter(90.123456)).toBe(90.12);
    expect(roundParameter(0.00123456)).toBe(0.001235);
    expect(roundParameter(0)).toBe(0);
  });

  it('moves a positive value by at most half a unit in the 4th digit, and rounding twice changes nothing (law)', () =>
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (x) => {
        const r = roundParameter(x);
        expect(Math.abs(r / x - 1)).toBeLessThanOrEqual(5e-4 + 1e-12);
        expect(roundParameter(r)).toBe(r);
      }),
    ));
});
