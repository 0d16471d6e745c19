import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRatio } from '../../src/gate/decide-point.ts';

describe('decideRatio (threshold 10%)', () => {
  it.each([
    [{ low: 1.7, high: 2.3 }, 'regressed'],
    [{ low: 1.1000001, high: 1.3 }, 'regressed'],
    [{ low: 1.1, high: 1.3 }, 'inconclusive'],
    [{ low: 0.4, high: 0.6 }, 'improved'],
    [{ low: 0.8, high: 0.9 }, 'inconclusive'],
    [{ low: 0.9, high: 1.1 }, 'unchanged'],
    [{ low: 0.97, high: 1.04 }, 'unchanged'],
    [{ low: 0.95, high: 1.15 }, 'inconclusive'],
    [{ low: 0.85, high: 1.05 }, 'inconclusive'],
    [{ low: 0.5, high: 2 }, 'inconclusive'],
  ] as const)('decides %o as %s', (interval, decision) => {
    expect(decideRatio(interval, 0.1)).toBe(decision);
  });

  it('law: exactly one decision fits, and it is regressed only when the whole interval clears 1 + threshold', () =>
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (low, width, t) => {
        const decision = decideRatio({ low, high: low + width }, t);
        expect(decision === 'regressed').toBe(low > 1 + t);
        expect(decision === 'improved').toBe(low + width < 1 - t);
        expect(decision === 'unchanged').toBe(low >= 1 - t && low + width <= 1 + t);
      }),
    ));
});
