import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeRepeats } from '../../src/measure/repeat-summary.ts';

/** Naive reference: sort, take the middle (mean of the two middles for an even count). */
function naiveMedian(values: readonly number[]): number {
  const s = values.toSorted((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const walls = fc.array(fc.double({ min: 0.001, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 15 });

describe('summarizeRepeats', () => {
  it('gives median, range and spread = (max − min) / median', () => {
    expect(summarizeRepeats([120, 90, 100])).toEqual({ repeats: 3, medianWallMs: 100, minWallMs: 90, maxWallMs: 120, spread: 0.3 });
    expect(summarizeRepeats([100, 200])).toMatchObject({ medianWallMs: 150, spread: 100 / 150 });
  });

  it('agrees with a naive median and min/max, for any wall times', () =>
    fc.assert(
      fc.property(walls, (w) => {
        const s = summarizeRepeats(w);
        expect(s.medianWallMs).toBeCloseTo(naiveMedian(w), 9);
        expect(s.minWallMs).toBe(Math.min(...w));
        expect(s.maxWallMs).toBe(Math.max(...w));
        expect(s.spread).toBeCloseTo((s.maxWallMs - s.minWallMs) / s.medianWallMs, 9);
      }),
    ));

  it('has a spread that does not change with the unit: scaling every wall by c leaves it as is', () =>
    fc.assert(
      fc.property(walls, fc.integer({ min: 2, max: 1000 }), (w, c) => {
        expect(summarizeRepeats(w.map((x) => x * c)).spread).toBeCloseTo(summarizeRepeats(w).spread, 6);
      }),
    ));

  it('has spread 0 when every run took the same time, even 0 ms', () => {
    expect(summarizeRepeats([42, 42, 42]).spread).toBe(0);
    expect(summarizeRepeats([0, 0]).spread).toBe(0);
  });

  it('has infinite spread when the median is 0 but the range is not', () => {
    expect(summarizeRepeats([0, 0, 5]).spread).toBe(Infinity);
  });

  it.each([[[]], [[1, Number.NaN]], [[-1]]])('rejects %j with INVALID_OPTION', (w) => {
    expect(() => summarizeRepeats(w)).toThrowError(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_OPTION', option: 'wallsMs' }));
  });
});
