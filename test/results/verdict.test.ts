import { describe, expect, it } from 'vitest';
import { nominalSlope, verdictLabel, verdictSchema } from '../../src/results/index.ts';

describe('verdictLabel', () => {
  it('prints each class as the reports show it', () => {
    expect([{ class: 'flat' }, { class: 'linear' }, { class: 'partial', k: 4 }, { class: 'inconclusive' }].map((v) => verdictLabel(verdictSchema.parse(v)))).toEqual([
      'flat',
      'linear',
      'partial(1/4)',
      'inconclusive',
    ]);
  });
});

describe('nominalSlope', () => {
  it('reads flat as 0, linear as 1, partial as 1/k, inconclusive as undefined', () => {
    expect([nominalSlope({ class: 'flat' }), nominalSlope({ class: 'linear' }), nominalSlope({ class: 'partial', k: 8 }), nominalSlope({ class: 'inconclusive' })]).toEqual([
      0,
      1,
      0.125,
      undefined,
    ]);
  });
});

describe('verdictSchema', () => {
  it('needs a pool size of at least 1 for partial, and knows no other class', () => {
    expect(verdictSchema.safeParse({ class: 'partial' }).success).toBe(false);
    expect(verdictSchema.safeParse({ class: 'partial', k: 0 }).success).toBe(false);
    expect(verdictSchema.safeParse({ class: 'pool' }).success).toBe(false);
  });
});
