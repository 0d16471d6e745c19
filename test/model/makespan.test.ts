import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchedMakespan,
  concurrentMakespan,
  idealMakespan,
  effectivePoolSize,
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
    expect(() => idealMakespan('bounded', undefined, [1])).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_ARGUMENT', argument: 'k' }));
    expect(() => idealMakespan('batched', 0, [1])).toThrow(expect.objectContaining({ argument: 'k' }));
    expect(() => idealMakespan('sequential', undefined, [1, -1])).toThrow(expect.objectContaining({ argument: 'delays' }));
    expect(() => idealMakespan('concurrent', undefined, [Number.NaN])).toThrow(/delays\[0\]/);
  });
});

describe('idealMakespan under a server concurrency cap c', () => {
  const kinds = ['sequential', 'concurrent', 'bounded', 'batched', 'workers'] as const;
  const kind = fc.constantFrom(...kinds);

  it('worked examples: a capped concurrent fan-out is a pool of c; a pool of k > c is a pool of c', () => {
    expect(idealMakespan('concurrent', undefined, [100, 100, 100], 1)).toBe(300);
    expect(idealMakespan('concurrent', undefined, [100, 100, 100, 100], 2)).toBe(200);
    expect(idealMakespan('bounded', 4, [100, 100, 100, 100], 2)).toBe(200);
    expect(idealMakespan('batched', 4, [100, 50, 50, 50, 10], 2)).toBe(150 + 10);
  });

  it('law: a cap at least as large as the fan-out changes nothing', () =>
    fc.assert(
      fc.property(kind, k, delays, (kd, slots, d) => {
        const cap = Math.max(slots, d.length, 1);
        expect(idealMakespan(kd, slots, d, cap)).toBe(idealMakespan(kd, slots, d));
      }),
    ));

  it('law: a cap of 1 makes every strategy sequential', () =>
    fc.assert(
      fc.property(kind, k, delays, (kd, slots, d) => {
        expect(idealMakespan(kd, slots, d, 1)).toBe(sum(d));
      }),
    ));

  it('law: at most a pool of c: T ≥ max(max d, Σd / c), and a tighter cap never makes it faster', () =>
    fc.assert(
      fc.property(kind, k, delays, fc.integer({ min: 1, max: 20 }), (kd, slots, d, cap) => {
        const t = idealMakespan(kd, slots, d, cap);
        expect(t).toBeGreaterThanOrEqual(Math.max(0, ...d));
        expect(t).toBeGreaterThanOrEqual(sum(d) / cap - 1e-9);
        if (cap > 1) expect(idealMakespan(kd, slots, d, cap - 1)).toBeGreaterThanOrEqual(t);
        expect(t).toBeGreaterThanOrEqual(idealMakespan(kd, slots, d));
      }),
    ));

  it('effectivePoolSize: min(k, c) for pools, c for a capped concurrent fan-out, none for sequential', () => {
    expect(effectivePoolSize('bounded', 6, 4)).toBe(4);
    expect(effectivePoolSize('workers', 2, 4)).toBe(2);
    expect(effectivePoolSize('concurrent', undefined, 8)).toBe(8);
    expect(effectivePoolSize('concurrent', undefined)).toBeUndefined();
    expect(effectivePoolSize('sequential', undefined, 8)).toBeUndefined();
  });

  it('rejects a cap that is not a positive integer', () => {
    expect(() => idealMakespan('concurrent', undefined, [1], 0)).toThrow(expect.objectContaining({ argument: 'serverCap' }));
    expect(() => idealMakespan('concurrent', undefined, [1], 1.5)).toThrow(/serverCap/);
  });
});
