import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulhi32, philox4x32, type Words4 } from '../../../mock-server/profile/philox.ts';

// Random123's `examples/kat_vectors`, the three "philox4x32 10" lines: counter, key, expected output.
const KNOWN_ANSWERS: [Words4, [number, number], Words4][] = [
  [[0, 0, 0, 0], [0, 0], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]],
  [
    [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
    [0xffffffff, 0xffffffff],
    [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd],
  ],
  [
    [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
    [0xa4093822, 0x299f31d0],
    [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1],
  ],
];

describe('philox4x32', () => {
  it.each(KNOWN_ANSWERS)('matches the Random123 known-answer vector for counter %j', (counter, key, expected) => {
    expect(philox4x32(counter, key)).toEqual(expected);
  });

  it('returns unsigned 32-bit words', () =>
    fc.assert(
      fc.property(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), fc.tuple(fc.nat(), fc.nat()), (counter, key) => {
        for (const word of philox4x32(counter, key)) {
          expect(Number.isInteger(word) && word >= 0 && word < 2 ** 32).toBe(true);
        }
      }),
    ));
});

describe('mulhi32', () => {
  it('equals the high word of the exact 64-bit product (BigInt reference)', () =>
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (a, b) => {
        expect(mulhi32(a, b)).toBe(Number((BigInt(a) * BigInt(b)) >> 32n));
      }),
    ));

  it('is exact at the extremes', () => {
    expect(mulhi32(0xffffffff, 0xffffffff)).toBe(Number((0xffffffffn * 0xffffffffn) >> 32n));
    expect(mulhi32(0, 0xffffffff)).toBe(0);
  });
});
