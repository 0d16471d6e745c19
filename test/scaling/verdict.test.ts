import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLAT_MAX_SLOPE, FLAT_MIN_SLOPE, LINEAR_MIN_SLOPE, PARTIAL_MARGIN } from '../../src/scaling/thresholds.ts';
import { decideVerdict, invalidVerdict } from '../../src/scaling/verdict.ts';
import { analyzeStrategyScaling } from '../../src/scaling/strategy-scaling.ts';

const verdictOf = (low: number, high: number, k?: number, slope = (low + high) / 2): string =>
  decideVerdict({ slope, interval: { low, high }, k }).label;

describe('decideVerdict', () => {
  it('calls an interval within ±0.15 flat, one entirely above 0.85 linear', () => {
    expect(verdictOf(-0.05, 0.1)).toBe('flat');
    expect(verdictOf(0.9, 1.1)).toBe('linear');
  });

  it('names a pool of k when the interval overlaps 1/k (± the margin) and excludes 0 and 1', () => {
    expect(decideVerdict({ slope: 0.25, interval: { low: 0.2, high: 0.3 }, k: 4 })).toMatchObject({
      kind: 'partial',
      label: 'partial(1/4)',
      k: 4,
      kEstimated: false,
    });
  });

  it('estimates k = round(1/s) when the strategy has no known k', () => {
    expect(decideVerdict({ slope: 0.26, interval: { low: 0.2, high: 0.3 } })).toMatchObject({ label: 'partial(1/4)', kEstimated: true });
    expect(verdictOf(0.45, 0.55)).toBe('partial(1/2)');
  });

  it('is inconclusive when the interval misses 1/k, or is too wide to exclude 0 and 1', () => {
    expect(verdictOf(0.3, 0.4, 4)).toBe('inconclusive');
    // Just outside 1/4 but within the margin: a 95% interval's ordinary miss.
    expect(verdictOf(0.2504, 0.2613, 4)).toBe('partial(1/4)');
    expect(verdictOf(0.28, 0.3, 4)).toBe('inconclusive');
    expect(verdictOf(-1, 2, 4)).toBe('inconclusive');
    expect(verdictOf(0.1, 0.9, 2)).toBe('partial(1/2)');
    expect(verdictOf(-0.5, 0.5, undefined, -0.1)).toBe('inconclusive');
  });

  it('does not call a confidently negative slope flat: time shrinking with N is a skewed measurement', () => {
    expect(decideVerdict({ slope: -2, interval: { low: -2.9, high: -1 } })).toMatchObject({
      kind: 'inconclusive',
      reason: expect.stringMatching(/reaches below -0.15/),
    });
  });

  it('tests flat first: a big pool whose interval lies below 0.15 reads as flat', () => {
    expect(verdictOf(0.1, 0.14, 8)).toBe('flat');
  });

  it('says in its reason which rule fired', () => {
    expect(decideVerdict({ slope: 0.35, interval: { low: 0.3, high: 0.4 }, k: 4 }).reason).toMatch(/does not overlap 1\/4 ± 10%/);
  });

  it('follows the thresholds for any interval', () =>
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
        (low, width, k) => {
          const high = low + width;
          const v = decideVerdict({ slope: low + width / 2, interval: { low, high }, k });
          if (high < FLAT_MAX_SLOPE && low > FLAT_MIN_SLOPE) expect(v.kind).toBe('flat');
          else if (low > LINEAR_MIN_SLOPE) expect(v.kind).toBe('linear');
          else if (v.kind === 'partial') {
            expect(low).toBeLessThanOrEqual((1 / v.k) * (1 + PARTIAL_MARGIN));
            expect(high).toBeGreaterThanOrEqual((1 / v.k) * (1 - PARTIAL_MARGIN));
            expect(low > 0 && high < 1).toBe(true);
            if (k !== undefined) expect(v.k).toBe(k);
          } else expect(v.kind).toBe('inconclusive');
        },
      ),
    ));
});

describe('invalidVerdict', () => {
  it('is undefined when every point is valid', () => {
    expect(invalidVerdict([{ n: 1 }, { n: 100, invalid: undefined }])).toBeUndefined();
  });

  it('is `invalid` with each invalid point named by its N and cause', () => {
    expect(invalidVerdict([{ n: 1 }, { n: 10_000, invalid: 'lost 5 to EMFILE.' }, { n: 20_000, invalid: 'lost 9 to EMFILE.' }])).toEqual({
      kind: 'invalid',
      label: 'invalid',
      reason: 'N = 10000: lost 5 to EMFILE. N = 20000: lost 9 to EMFILE.',
    });
  });
});

describe('analyzeStrategyScaling with an invalid point', () => {
  const flatPoints = [100, 200, 400, 800, 1600, 3200].map((n) => ({ n, times: [101, 100, 102], idealTimes: [100, 100, 100] }));

  it('law: an invalid point makes the verdict invalid, never flat, linear or partial, whatever the times', () =>
    fc.assert(
      fc.property(fc.nat(5), fc.double({ min: 0, max: 2, noNaN: true }), (at, slope) => {
        const points = flatPoints.map((p, i) => ({
          ...p,
          times: p.times.map((t) => t + slope * 100 * p.n),
          ...(i === at ? { invalid: 'lost to ECONNRESET.' } : {}),
        }));
        const analysis = analyzeStrategyScaling({ kind: 'concurrent', k: undefined }, points, 100, 1);
        expect(analysis.verdict).toEqual({ kind: 'invalid', label: 'invalid', reason: `N = ${points[at]!.n}: lost to ECONNRESET.` });
      }),
      { seed: 18, numRuns: 30 },
    ));

  it('the same points, all valid, get their class', () => {
    expect(analyzeStrategyScaling({ kind: 'concurrent', k: undefined }, flatPoints, 100, 1).verdict.kind).toBe('flat');
  });
});
