import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listScheduleMakespan } from '../../src/model/makespan.ts';
import { idealStarts } from '../../src/model/schedule.ts';
import { bounded } from '../../src/strategies/bounded.ts';
import { InvalidPoolSizeError } from '../../mock-server/errors/index.ts';
import { defaultPoolSize } from '../../src/strategies/pool-size.ts';
import { delayedIds, makespanOf, RUNS, trialDelays, slots } from './laws.ts';

describe('bounded(k)', () => {
  it('takes exactly the list-scheduling makespan, every request starting when the model says', () =>
    fc.assert(
      fc.asyncProperty(delayedIds, slots, async (items, k) => {
        const delays = items.map((r) => r.delay);
        const { records } = await trialDelays(bounded(k), items);
        expect(makespanOf(records)).toBe(listScheduleMakespan(k, delays));
        expect(records.map((r) => r.start)).toEqual(idealStarts('bounded', k, delays));
        expect(records.map((r) => r.end - r.start)).toEqual(delays);
      }),
      { numRuns: RUNS },
    ));

  it('keeps exactly min(k, unfinished) requests in flight at every instant, never more than k', () =>
    fc.assert(
      fc.asyncProperty(delayedIds, slots, async (items, k) => {
        const quiescent: number[] = [];
        const { server } = await trialDelays(bounded(k), items, (s) => {
          quiescent.push(s.inFlight - Math.min(k, items.length - s.settled));
        });
        expect(quiescent.every((gap) => gap === 0)).toBe(true);
        expect(server.maxInFlight).toBe(Math.min(k, items.length));
      }),
      { numRuns: RUNS },
    ));

  it('returns records in input order with their ids', () =>
    fc.assert(
      fc.asyncProperty(delayedIds, slots, async (items, k) => {
        const { records } = await trialDelays(bounded(k), items);
        expect(records.map((r) => [r.index, r.id])).toEqual(items.map((r, i) => [i, r.id]));
      }),
      { numRuns: RUNS / 4 },
    ));

  it('is named after its k, which defaults to the pool size', () => {
    expect(bounded(3)).toMatchObject({ name: 'bounded(3)', kind: 'bounded', k: 3 });
    expect(bounded().k).toBe(defaultPoolSize());
  });

  it('rejects any k that is not a positive integer, with code ERR_INVALID_K', () =>
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ max: 0 }), fc.double().filter((x) => !Number.isInteger(x))),
        (k) => {
          expect(() => bounded(k)).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_K', option: 'k' }));
          expect(() => bounded(k)).toThrow(InvalidPoolSizeError);
        },
      ),
    ));
});
