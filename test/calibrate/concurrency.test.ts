import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickSafeConcurrency, stepPasses, TIMER_SLACK_MS } from '../../src/calibrate/concurrency.ts';

describe('stepPasses', () => {
  const at = (p99Ms: number, bareP99Ms = 50.3, errors = 0, responses = 100) => ({ p99Ms, bareP99Ms, errors, responses });

  it("passes while the mock's p99 - the bare server's stays under the budget plus 1 ms of slack", () => {
    expect(TIMER_SLACK_MS).toBe(1);
    expect(stepPasses(at(52.29), 1)).toBe(true);
    expect(stepPasses(at(52.3), 1)).toBe(false);
    expect(stepPasses(at(51.29), 0)).toBe(true);
    expect(stepPasses(at(51.3), 0)).toBe(false);
  });

  it('does not blame the mock for what the bare server suffers too (a busy machine, coarse timers)', () => {
    expect(stepPasses(at(54, 53.5), 1)).toBe(true);
    expect(stepPasses(at(54, 50.2), 1)).toBe(false);
  });

  it('fails a rung with any failed request, however fast the rest', () => {
    expect(stepPasses(at(50.2, 50.2, 1), 1)).toBe(false);
  });

  it('fails a rung that measured nothing', () => {
    expect(stepPasses(at(Number.NaN, 50, 0, 0), 1)).toBe(false);
  });
});

describe('pickSafeConcurrency', () => {
  const ladder = (passes: boolean[]) => passes.map((pass, i) => ({ connections: 2 ** i, pass }));

  it('is the last passing rung before the first failure', () => {
    expect(pickSafeConcurrency(ladder([true, true, true, false]))).toEqual({ safeConcurrency: 4, limitFound: true });
  });

  it('ignores rungs after the first failure, even passing ones', () => {
    expect(pickSafeConcurrency(ladder([true, false, true, true]))).toEqual({ safeConcurrency: 1, limitFound: true });
  });

  it('is 0 when the first rung fails', () => {
    expect(pickSafeConcurrency(ladder([false, true]))).toEqual({ safeConcurrency: 0, limitFound: true });
  });

  it('is the top rung, with no limit found, when every rung passes', () => {
    expect(pickSafeConcurrency(ladder([true, true, true]))).toEqual({ safeConcurrency: 4, limitFound: false });
    expect(pickSafeConcurrency([])).toEqual({ safeConcurrency: 0, limitFound: false });
  });

  it('law: the safe concurrency is the rung just before the first failure (0 if none before it)', () =>
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 10 }), fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), (raw, passes) => {
        const steps = raw.toSorted((a, b) => a - b).map((connections, i) => ({ connections, pass: passes[i] as boolean }));
        const firstFailure = steps.findIndex((s) => !s.pass);
        const { safeConcurrency, limitFound } = pickSafeConcurrency(steps);
        expect(limitFound).toBe(firstFailure !== -1);
        const lastGood = firstFailure === -1 ? steps.length - 1 : firstFailure - 1;
        expect(safeConcurrency).toBe(lastGood >= 0 ? steps[lastGood]!.connections : 0);
        // Every rung up to the answer passed.
        for (const rung of steps.filter((s) => s.connections <= safeConcurrency)) expect(rung.pass).toBe(true);
      }),
    ));
});
