import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_REPETITION_RULE, decideRepetition, relativeSpread, type RepetitionSample } from '../../src/sweep/adaptive-repeats.ts';

/** A CPU-bound point (the CPU bound is the wall time): only the spread can stop it. */
const cpuBound = (walls: number[]): RepetitionSample[] => walls.map((wallMs) => ({ wallMs, waitRoofMs: 100, cpuBoundMs: wallMs }));

/** Feeds a series to the rule one run at a time, as the sweep does, and returns how many runs it took. */
function runsTaken(series: readonly RepetitionSample[]): { runs: number; why: string } {
  const taken: RepetitionSample[] = [];
  for (const sample of series) {
    const decision = decideRepetition(taken);
    if (!decision.more) return { runs: taken.length, why: decision.why };
    taken.push(sample);
  }
  const last = decideRepetition(taken);
  return { runs: taken.length, why: last.why };
}

describe('decideRepetition', () => {
  it('stops a tight series after the minimum runs', () => {
    expect(runsTaken(cpuBound([1000, 1010, 990, 1005, 995, 1000]))).toEqual({ runs: 2, why: 'tight' });
  });

  it('keeps going on a noisy series, up to the cap', () => {
    expect(runsTaken(cpuBound([1000, 1400, 800, 1300, 700, 1200, 900]))).toEqual({ runs: DEFAULT_REPETITION_RULE.maxRuns, why: 'max-runs' });
  });

  it('judges the spread of all runs: an early outlier keeps a point going to the cap', () => {
    expect(runsTaken(cpuBound([1000, 1300, 1010, 1005, 1000])).why).toBe('max-runs');
    expect(runsTaken(cpuBound([1000, 1050, 1010])).why).toBe('tight');
  });

  it('measures a pure-waiting point once when it lands on the model, and checks it again when it does not', () => {
    const onModel = { wallMs: 30_500, waitRoofMs: 30_000, cpuBoundMs: 2_000 };
    expect(decideRepetition([onModel])).toEqual({ more: false, why: 'predicted' });
    // 20% slower than its wait roof: the prediction failed, so it is measured like any other point.
    expect(decideRepetition([{ ...onModel, wallMs: 36_000 }])).toEqual({ more: true, why: 'min-runs' });
    // Not pure waiting (CPU above half the wait roof): never stopped by the model.
    expect(decideRepetition([{ ...onModel, cpuBoundMs: 20_000 }])).toEqual({ more: true, why: 'min-runs' });
  });

  it('law: a series whose spread is within the tolerance stops at the minimum; one above it never stops before the cap', () => {
    fc.assert(
      fc.property(fc.double({ min: 10, max: 1e5, noNaN: true }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), (base, jitter) => {
        const tight = cpuBound(jitter.map((j) => base * (1 + 0.07 * j)));
        expect(runsTaken(tight).runs).toBe(DEFAULT_REPETITION_RULE.minRuns);
        // Alternating low and high runs 30% apart: every prefix of two or more is noisy.
        const noisy = cpuBound(jitter.map((j, i) => base * (i % 2 === 0 ? 1 : 1.3 + j)));
        expect(runsTaken(noisy)).toEqual({ runs: DEFAULT_REPETITION_RULE.maxRuns, why: 'max-runs' });
      }),
      { seed: 13, numRuns: 200 },
    );
  });
});

describe('relativeSpread', () => {
  it('is (max − min) / median, and 0 for one run', () => {
    expect(relativeSpread([100])).toBe(0);
    expect(relativeSpread([90, 100, 110])).toBeCloseTo(0.2, 12);
  });
});
