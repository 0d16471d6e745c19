import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchedMakespan,
  concurrentMakespan,
  idealMakespan,
  listScheduleMakespan,
  sequentialMakespan,
} from '../../src/model/makespan.ts';

const delays = fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 80, size: 'max' });
const k = fc.integer({ min: 1, max: 20 });
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('idealMakespan', () => {
  it('matches worked examples', () => {
    expect(idealMakespan('sequential', undefined, [3, 1, 2])).toBe(6);
    expect(idealMakespan('concurrent', undefined, [3, 1, 2])).toBe(3);
    // Slots: A runs 3; B runs 1, 1, 1 → both free at 3.
    expect(idealMakespan('bounded', 2, [3, 1, 1, 1])).toBe(3);
    expect(idealMakespan('workers', 2, [3, 1, 1, 1])).toBe(3);
    expect(idealMakespan('batched', 2, [3, 1, 1, 1])).toBe(4);
    expect(idealMakespan('bounded', 2, [])).toBe(0);
  });

  it('with one slot, list scheduling and batching are sequential', () =>
    fc.assert(
      fc.property(delays, (d) => {
        expect(listScheduleMakespan(1, d)).toBe(sequentialMakespan(d));
        expect(batchedMakespan(1, d)).toBe(sequentialMakespan(d));
      }),
    ));

  it('with at least N slots, list scheduling and batching are concurrent', () =>
    fc.assert(
      fc.property(delays, fc.nat(10), (d, extra) => {
        const slots = Math.max(1, d.length + extra);
        expect(listScheduleMakespan(slots, d)).toBe(concurrentMakespan(d));
        expect(batchedMakespan(slots, d)).toBe(concurrentMakespan(d));
      }),
    ));

  it("list scheduling stays within Graham's bounds: max(max d, Σd/k) ≤ T ≤ Σd/k + max d", () =>
    fc.assert(
      fc.property(delays, k, (d, slots) => {
        const t = listScheduleMakespan(slots, d);
        const max = concurrentMakespan(d);
        expect(t).toBeGreaterThanOrEqual(Math.max(max, sum(d) / slots) - 1e-9);
        expect(t).toBeLessThanOrEqual(sum(d) / slots + max + 1e-9);
      }),
    ));

  it('orders the strategies: concurrent ≤ bounded(k) ≤ batched(k) ≤ sequential', () =>
    fc.assert(
      fc.property(delays, k, (d, slots) => {
        const chain = [concurrentMakespan(d), listScheduleMakespan(slots, d), batchedMakespan(slots, d), sequentialMakespan(d)];
        expect(chain).toEqual(chain.toSorted((a, b) => a - b));
      }),
    ));

  it('scales linearly: multiplying every delay by c multiplies the makespan by c', () =>
    fc.assert(
      fc.property(delays, k, fc.integer({ min: 0, max: 50 }), (d, slots, c) => {
        const scaled = d.map((x) => x * c);
        for (const kind of ['sequential', 'concurrent', 'bounded', 'batched', 'workers'] as const) {
          expect(idealMakespan(kind, slots, scaled)).toBe(c * idealMakespan(kind, slots, d));
        }
      }),
    ));

  it('batched(k) is the sum of per-chunk concurrent makespans', () =>
    fc.assert(
      fc.property(delays, k, (d, slots) => {
        const chunks = Array.from({ length: Math.ceil(d.length / slots) }, (_, i) => d.slice(i * slots, (i + 1) * slots));
        expect(batchedMakespan(slots, d)).toBe(sum(chunks.map((c) => Math.max(...c))));
      }),
    ));

  it('rejects a missing or bad k where one is needed, and bad delays', () => {
    expect(() => idealMakespan('bounded', undefined, [1])).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT', argument: 'k' }));
    expect(() => idealMakespan('batched', 0, [1])).toThrow(expect.objectContaining({ argument: 'k' }));
    expect(() => idealMakespan('sequential', undefined, [1, -1])).toThrow(expect.objectContaining({ argument: 'delays' }));
    expect(() => idealMakespan('concurrent', undefined, [Number.NaN])).toThrow(/delays\[0\]/);
  });
});
