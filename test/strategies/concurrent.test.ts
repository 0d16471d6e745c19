import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concurrent } from '../../src/strategies/concurrent.ts';
import { delayedIds, makespanOf, RUNS, trialDelays } from './laws.ts';

describe('concurrent', () => {
  it('takes exactly max d in virtual time, every request starting at 0', () =>
    fc.assert(
      fc.asyncProperty(delayedIds, async (items) => {
        const { records, server } = await trialDelays(concurrent(), items);
        expect(makespanOf(records)).toBe(Math.max(0, ...items.map((r) => r.delay)));
        expect(records.every((r, i) => r.start === 0 && r.end === items[i]?.delay)).toBe(true);
        expect(server.maxInFlight).toBe(items.length);
      }),
      { numRuns: RUNS },
    ));

  it('returns records in input order with their ids', () =>
    fc.assert(
      fc.asyncProperty(delayedIds, async (items) => {
        const { records } = await trialDelays(concurrent(), items);
        expect(records.map((r) => [r.index, r.id])).toEqual(items.map((r, i) => [i, r.id]));
      }),
      { numRuns: RUNS / 4 },
    ));

  it('is named and typed for the model', () => {
    expect(concurrent()).toMatchObject({ name: 'concurrent', kind: 'concurrent' });
  });
});
