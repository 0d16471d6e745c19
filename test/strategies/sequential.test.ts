import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idealStarts } from '../../src/model/schedule.ts';
import { sequential } from '../../src/strategies/sequential.ts';
import { delayedIds, makespanOf, RUNS, trialDelays } from './laws.ts';

describe('sequential', () => {
  it('takes exactly Σd in virtual time, each request starting when the previous one ends', () =>
    fc.assert(
      fc.asyncProperty(delayedIds, async (items) => {
        const delays = items.map((r) => r.delay);
        const { records, server } = await trialDelays(sequential(), items);
        expect(makespanOf(records)).toBe(delays.reduce((a, b) => a + b, 0));
        expect(records.map((r) => r.start)).toEqual(idealStarts('sequential', undefined, delays));
        expect(server.maxInFlight).toBe(Math.min(1, items.length));
      }),
      { numRuns: RUNS },
    ));

  it('returns one ok record per id, in input order, with the applied delay copied', () =>
    fc.assert(
      fc.asyncProperty(delayedIds, async (items) => {
        const { records } = await trialDelays(sequential(), items);
        expect(records.map((r) => [r.index, r.id, r.outcome, r.delayMs])).toEqual(
          items.map((r, i) => [i, r.id, 'ok', r.delay]),
        );
      }),
      { numRuns: RUNS / 4 },
    ));

  it('is named and typed for the model', () => {
    expect(sequential()).toMatchObject({ name: 'sequential', kind: 'sequential' });
    expect(sequential().k).toBeUndefined();
  });
});
