import { describe, expect, it } from 'vitest';
import { EFFICIENCY_GOOD, EFFICIENCY_IMPOSSIBLE, EFFICIENCY_WARN, efficiencyTone, verdictTone } from '../../src/report/tone.ts';

describe('verdictTone', () => {
  it('reads flat as good, a pool as a warning, linear as bad and inconclusive as unknown', () => {
    expect(([{ class: 'flat' }, { class: 'partial', k: 4 }, { class: 'linear' }, { class: 'inconclusive' }] as const).map(verdictTone)).toEqual(['good', 'warn', 'bad', 'unknown']);
  });
});

describe('efficiencyTone', () => {
  it('is good near 1, a warning lower down, bad far off, and bad above the model', () => {
    expect(efficiencyTone(1)).toBe('good');
    expect(efficiencyTone(EFFICIENCY_GOOD)).toBe('good');
    expect(efficiencyTone(EFFICIENCY_GOOD - 0.01)).toBe('warn');
    expect(efficiencyTone(EFFICIENCY_WARN)).toBe('warn');
    expect(efficiencyTone(EFFICIENCY_WARN - 0.01)).toBe('bad');
    expect(efficiencyTone(EFFICIENCY_IMPOSSIBLE)).toBe('good');
    expect(efficiencyTone(EFFICIENCY_IMPOSSIBLE + 0.01)).toBe('bad');
    expect(efficiencyTone(Number.NaN)).toBe('unknown');
  });
});
