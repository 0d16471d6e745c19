import { describe, expect, it } from 'vitest';
import { compareVerdicts } from '../../src/gate/verdict-change.ts';
import type { Verdict } from '../../src/results/index.ts';

const flat: Verdict = { class: 'flat' };
const linear: Verdict = { class: 'linear' };
const inconclusive: Verdict = { class: 'inconclusive' };
const pool = (k: number): Verdict => ({ class: 'partial', k });

describe('compareVerdicts', () => {
  it('returns null when the verdicts agree', () => {
    expect(compareVerdicts('bounded(4)', pool(4), pool(4))).toBeNull();
  });

  it.each([
    [flat, linear, 'flat', 'linear', 'worse'],
    [flat, pool(4), 'flat', 'partial(1/4)', 'worse'],
    [pool(4), pool(2), 'partial(1/4)', 'partial(1/2)', 'worse'],
    [linear, flat, 'linear', 'flat', 'better'],
    [pool(2), pool(8), 'partial(1/2)', 'partial(1/8)', 'better'],
  ] as const)('calls %o → %o a class change (%s → %s), %s', (from, to, baseline, current, direction) => {
    expect(compareVerdicts('s', from, to)).toEqual({ kind: 'class-changed', strategy: 's', baseline, current, direction });
  });

  it.each([
    [inconclusive, flat, 'inconclusive', 'flat', 'baseline'],
    [linear, inconclusive, 'linear', 'inconclusive', 'current'],
    [inconclusive, inconclusive, 'inconclusive', 'inconclusive', 'both'],
  ] as const)('reports %o → %o as inconclusive on the %s side, not as a class change', (from, to, baseline, current, side) => {
    expect(compareVerdicts('s', from, to)).toEqual({ kind: 'inconclusive', strategy: 's', baseline, current, side });
  });
});
