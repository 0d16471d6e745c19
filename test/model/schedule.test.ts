import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idealMakespan } from '../../src/model/makespan.ts';
import { idealStarts } from '../../src/model/schedule.ts';

const delays = fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 80, size: 'max' });
const kinds = fc.constantFrom('sequential', 'concurrent', 'bounded', 'batched', 'workers' as const);

describe('idealStarts', () => {
  it('matches worked examples', () => {
    expect(idealStarts('sequential', undefined, [3, 1, 2])).toEqual([0, 3, 4]);
    expect(idealStarts('concurrent', undefined, [3, 1, 2])).toEqual([0, 0, 0]);
    expect(idealStarts('bounded', 2, [3, 1, 1, 1])).toEqual([0, 0, 1, 2]);
    expect(idealStarts('batched', 2, [3, 1, 1, 1])).toEqual([0, 0, 3, 3]);
  });

  it('agrees with idealMakespan: the makespan is the latest start + d', () =>
    fc.assert(
      fc.property(kinds, fc.integer({ min: 1, max: 20 }), delays, (kind, k, d) => {
        const starts = idealStarts(kind, k, d);
        expect(starts).toHaveLength(d.length);
        expect(starts.reduce((m, s, i) => Math.max(m, s + (d[i] as number)), 0)).toBe(idealMakespan(kind, k, d));
      }),
    ));

  it('starts requests in input order (a later request never starts earlier)', () =>
    fc.assert(
      fc.property(kinds, fc.integer({ min: 1, max: 20 }), delays, (kind, k, d) => {
        const starts = idealStarts(kind, k, d);
        expect(starts).toEqual(starts.toSorted((a, b) => a - b));
      }),
    ));

  it('never has more than k requests running at once in a pool', () =>
    fc.assert(
      fc.property(fc.constantFrom('bounded', 'batched' as const), fc.integer({ min: 1, max: 10 }), delays, (kind, k, d) => {
        const starts = idealStarts(kind, k, d);
        for (const t of starts) {
          const running = starts.filter((s, i) => s <= t && t < s + (d[i] as number)).length;
          expect(running).toBeLessThanOrEqual(k);
        }
      }),
    ));

  it('rejects a missing k for a pool', () => {
    expect(() => idealStarts('workers', undefined, [1])).toThrow(expect.objectContaining({ argument: 'k' }));
  });
});
