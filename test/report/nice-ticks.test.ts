import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTick, linearTicks, logTicks, niceStep } from '../../src/report/nice-ticks.ts';

describe('niceStep', () => {
  it('is 1, 2 or 5 times a power of ten, cutting the span into at most `count` parts', () =>
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), fc.integer({ min: 1, max: 12 }), (span, count) => {
        const step = niceStep(span, count);
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-12);
        expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
        expect(span / step).toBeLessThanOrEqual(count + 1e-9);
      }),
    ));
});

describe('linearTicks', () => {
  it('runs from 0 in equal steps to the first tick at or above max', () =>
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), fc.integer({ min: 1, max: 12 }), (max, count) => {
        const ticks = linearTicks(max, count);
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max * (1 - 1e-9));
        const step = (ticks[1] as number) - (ticks[0] as number);
        ticks.forEach((tick, i) => expect(tick).toBeCloseTo(i * step, 6));
        expect((ticks.at(-2) as number) < max).toBe(true);
      }),
    ));

  it('gives an axis a length even with nothing to show', () => {
    expect(linearTicks(0, 5)).toEqual([0, 1]);
  });
});

describe('logTicks', () => {
  it('brackets [min, max] with at least two powers of ten', () => {
    expect(logTicks(30, 9866)).toEqual([10, 100, 1000, 10000]);
    expect(logTicks(30, 90)).toEqual([10, 100]);
    expect(logTicks(100, 100)).toEqual([100, 1000]);
  });
});

describe('formatTick', () => {
  it('shows as many decimals as the step needs', () => {
    expect(formatTick(2000, 1000)).toBe('2000');
    expect(formatTick(0.5, 0.5)).toBe('0.5');
    expect(formatTick(0.25, 0.05)).toBe('0.25');
  });
});
