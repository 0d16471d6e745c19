import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchedMakespan } from '../../src/model/makespan.ts';
import { idealStarts } from '../../src/model/schedule.ts';
import { batched } from '../../src/strategies/batched.ts';
import { delayedIds, makespanOf, RUNS, trialDelays, slots } from './laws.ts';

describe('batched(k)', () => {
  it('takes exactly Σ over chunks of k of the chunk max, each chunk waiting for the previous one', () =>
    fc.assert(
      fc.asyncProperty(delayedIds, slots, async (items, k) => {
        const delays = items.map((r) => r.delay);
        const { records, server } = await trialDelays(batched(k), items);
        expect(makespanOf(records)).toBe(batchedMakespan(k, delays));
        expect(records.map((r) => r.start)).toEqual(idealStarts('batched', k, delays));
        expect(server.maxInFlight).toBe(Math.min(k, items.length));
      }),
      { numRuns: RUNS },
    ));

  it('is never faster than bounded(k) would be on the same delays', () =>
    fc.assert(
      fc.asyncProperty(delayedIds, slots, async (items, k) => {
        const { records } = await trialDelays(batched(k), items);
        const delays = items.map((r) => r.delay);
        expect(makespanOf(records)).toBeGreaterThanOrEqual(idealStarts('bounded', k, delays).reduce((m, s, i) => Math.max(m, s + (delays[i] as number)), 0));
      }),
      { numRuns: RUNS / 4 },
    ));

  it('returns records in input order with their ids', () =>
    fc.assert(
      fc.asyncProperty(delayedIds, slots, async (items, k) => {
        const { records } = await trialDelays(batched(k), items);
        expect(records.map((r) => [r.index, r.id])).toEqual(items.map((r, i) => [i, r.id]));
      }),
      { numRuns: RUNS / 4 },
    ));

  it('is named after its k and rejects a bad one with code ERR_INVALID_K', () => {
    expect(batched(5)).toMatchObject({ name: 'batched(5)', kind: 'batched', k: 5 });
    expect(() => batched(0)).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_K' }));
    expect(() => batched(2.5)).toThrow(/positive integer, got 2\.5/);
  });
});
