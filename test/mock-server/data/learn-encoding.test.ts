import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLearn, encodeLearn, LEARN_SLOTS } from '../../../mock-server/data/learn-encoding.ts';

const masks = fc.array(fc.integer({ min: 0, max: 15 }), { minLength: LEARN_SLOTS.length, maxLength: LEARN_SLOTS.length });

describe('encodeLearn / decodeLearn', () => {
  it('round-trips: decode(encode(m)) = m for any slot masks', () =>
    fc.assert(
      fc.property(masks, (m) => {
        expect(decodeLearn(encodeLearn(m))).toEqual(m);
      }),
    ));

  it('never writes a leading zero, so equal masks give one string', () =>
    fc.assert(
      fc.property(masks, (m) => {
        expect(encodeLearn(m)).not.toMatch(/^0/);
      }),
    ));

  it('writes the oldest slot first and trims empty leading slots', () => {
    expect(encodeLearn([0, 0, 0, 0, 0, 0, 0, 0, 0, 9])).toBe('9');
    expect(encodeLearn([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toBe('1111111111');
    expect(decodeLearn('a0')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 10, 0]);
  });

  it('rejects masks of the wrong length or range', () => {
    expect(() => encodeLearn([1])).toThrow(RangeError);
    expect(() => encodeLearn([16, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(RangeError);
    expect(() => decodeLearn('12345678901')).toThrow(RangeError);
    expect(() => decodeLearn('xyz')).toThrow(RangeError);
  });
});
