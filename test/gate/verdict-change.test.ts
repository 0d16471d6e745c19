import { describe, expect, it } from 'vitest';
import { compareVerdicts, nominalSlope } from '../../src/gate/verdict-change.ts';

describe('compareVerdicts', () => {
  it('returns null when the verdicts agree', () => {
    expect(compareVerdicts('bounded(4)', 'partial(1/4)', 'partial(1/4)')).toBeNull();
  });

  it.each([
    ['flat', 'linear', 'worse'],
    ['flat', 'partial(1/4)', 'worse'],
    ['partial(1/4)', 'partial(1/2)', 'worse'],
    ['linear', 'flat', 'better'],
    ['partial(1/2)', 'partial(1/8)', 'better'],
    ['flat', 'something-new', 'unordered'],
  ] as const)('calls %s → %s a class change, %s', (baseline, current, direction) => {
    expect(compareVerdicts('s', baseline, current)).toEqual({ kind: 'class-changed', strategy: 's', baseline, current, direction });
  });

  it.each([
    ['inconclusive', 'flat', 'baseline'],
    ['linear', 'inconclusive', 'current'],
    ['inconclusive', 'inconclusive', 'both'],
  ] as const)('reports %s → %s as inconclusive on the %s side, not as a class change', (baseline, current, side) => {
    expect(compareVerdicts('s', baseline, current)).toEqual({ kind: 'inconclusive', strategy: 's', baseline, current, side });
  });
});

describe('nominalSlope', () => {
  it('reads flat as 0, linear as 1, partial(1/k) as 1/k, anything else as undefined', () => {
    expect([nominalSlope('flat'), nominalSlope('linear'), nominalSlope('partial(1/8)'), nominalSlope('partial(1/0)'), nominalSlope('pool')]).toEqual([0, 1, 0.125, undefined, undefined]);
  });
});
