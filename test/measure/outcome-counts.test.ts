import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appliedDelays, countOutcomes } from '../../src/measure/outcome-counts.ts';
import { OUTCOMES } from '../../src/types/index.ts';
import type { Outcome, RequestRecord } from '../../src/types/index.ts';

function record(id: number, index: number, outcome: Outcome, delayMs?: number): RequestRecord {
  const base = { id, index, start: 0, end: 1, ...(delayMs === undefined ? {} : { delayMs }) };
  switch (outcome) {
    case 'ok':
    case 'http-error':
      return { ...base, outcome, status: outcome === 'ok' ? 200 : 500, bytes: 1 };
    case 'network-error':
      return { ...base, outcome, error: 'reset' };
    case 'timeout':
      return { ...base, outcome, timeoutMs: 5 };
  }
}

describe('countOutcomes', () => {
  it('counts each outcome once per record, and the counts sum to N', () =>
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...OUTCOMES), { maxLength: 50 }), (outcomes) => {
        const ids = outcomes.map((_, i) => 100 + i);
        const counts = countOutcomes(ids, outcomes.map((o, i) => record(100 + i, i, o)));
        expect(OUTCOMES.reduce((s, o) => s + counts[o], 0)).toBe(outcomes.length);
        for (const o of OUTCOMES) expect(counts[o]).toBe(outcomes.filter((x) => x === o).length);
      }),
    ));

  it('rejects a record for another id at that index with code INTERNAL', () => {
    expect(() => countOutcomes([1, 2], [record(1, 0, 'ok'), record(3, 1, 'ok')])).toThrowError(
      expect.objectContaining({ code: 'ERR_POKEBENCH_INTERNAL' }),
    );
  });
});

describe('appliedDelays', () => {
  it('keeps the finite delays in input order and lists the indices of the others', () => {
    const records = [record(1, 0, 'ok', 5), record(2, 1, 'network-error'), record(3, 2, 'http-error', 0), record(4, 3, 'ok', Number.NaN)];
    expect(appliedDelays(records)).toEqual({ delaysMs: [5, 0], missingIndices: [1, 3] });
  });
});
