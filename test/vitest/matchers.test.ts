/**
 * The vitest matchers on their own, on synthetic measurements: each passes
 * what it names, fails what it does not with a message that says why, and an
 * inconclusive verdict fails with that reason rather than a guess.
 */
import { describe, expect, it } from 'vitest';
import '../../src/vitest/matchers.ts';
import { analyzeScaling } from '../../src/scaling/analyze-scaling.ts';
import { median } from '../../src/stats/descriptive.ts';
import type { ScalingMeasurement } from '../../src/sweep/measure-scaling.ts';
import { sweep } from '../scaling/synthetic.ts';

const L = 100;
const NS = [10, 20, 40, 80, 160];

/** A measurement of `truth` with seeded noise; efficiency = ideal / median with `ideal(n)` (default: the truth). */
function measurement(strategy: string, truth: (n: number) => number, opts: { relSd?: number; seed?: number; k?: number; reps?: number; ideal?: (n: number) => number } = {}): ScalingMeasurement {
  const points = sweep(truth, { seed: opts.seed ?? 1, relSd: opts.relSd ?? 0.02, reps: opts.reps ?? 5, ns: NS });
  const analysis = analyzeScaling({ points, meanLatencyMs: L, k: opts.k });
  const ideal = opts.ideal ?? truth;
  const scaled = points.map((p) => {
    const medianMs = median(p.times);
    return { n: p.n, times: [...p.times], medianMs, idealMs: ideal(p.n), efficiency: ideal(p.n) / medianMs, cpuPerRequestMs: 0.05, failed: 0 };
  });
  return {
    strategy,
    kind: 'bounded',
    k: opts.k,
    points: scaled,
    meanLatencyMs: L,
    analysis,
    verdict: analysis.verdict.label,
    efficiency: Math.min(...scaled.map((p) => p.efficiency)),
  };
}

const linear = measurement('sequential', (n) => L * n);
const flat = measurement('concurrent', () => L + 5);
const poolOf = (k: number, seed = 1) => measurement(`bounded(${k})`, (n) => L * Math.ceil(n / k), { seed });
// Two repetitions a point are too few for any verdict (scaling/thresholds.ts): inconclusive, with that reason.
const undecided = measurement('concurrent', () => L, { reps: 2 });

describe('toScaleLinearly', () => {
  it('passes a sequential series and fails a flat one, naming the slope and the verdict', () => {
    expect(linear.verdict).toBe('linear');
    expect(linear).toScaleLinearly();
    expect(() => expect(flat).toScaleLinearly()).toThrow(/^expected concurrent to scale linearly; concurrent: slope s = -?0\.0\d\d \[.*\], verdict flat \(slope interval/);
  });

  it('with .not, fails a linear series', () => {
    expect(flat).not.toScaleLinearly();
    expect(() => expect(linear).not.toScaleLinearly()).toThrow(/^expected sequential not to scale linearly; sequential: slope s = \d\.\d{3} \[/);
  });
});

describe('toStayFlat', () => {
  it('passes a flat series and fails a linear one', () => {
    expect(flat).toStayFlat();
    expect(() => expect(linear).toStayFlat()).toThrow(/^expected sequential to stay flat; .*verdict linear/);
  });

  it('fails an inconclusive series with that reason, whichever way it is asked', () => {
    expect(undecided.verdict).toBe('inconclusive');
    expect(() => expect(undecided).toStayFlat()).toThrow(/^cannot tell whether concurrent stay flat: the verdict is inconclusive\. concurrent: slope s = .*verdict inconclusive/);
    expect(() => expect(undecided).toScaleLinearly()).toThrow(/cannot tell whether concurrent scale linearly: the verdict is inconclusive/);
    expect(() => expect(undecided).toScaleAsPoolOf(4)).toThrow(/cannot tell whether concurrent scale as a pool of 4/);
  });
});

describe('toScaleAsPoolOf', () => {
  it('passes a pool of 4 as a pool of 4', () => {
    expect(poolOf(4)).toScaleAsPoolOf(4);
  });

  it('fails a pool of 2 asked to be a pool of 4, naming 1/4 and the measured slope', () => {
    expect(() => expect(poolOf(2)).toScaleAsPoolOf(4)).toThrow(/^expected bounded\(2\) to scale as a pool of 4 \(slope 1\/4 = 0\.250\); bounded\(2\): slope s = 0\.\d{3} .*verdict partial\(1\/2\)/);
  });

  it('tells a pool from its neighbours: a pool of 4 is not one of 3 or 5, a pool of 5 is not one of 4', () => {
    expect(poolOf(4)).not.toScaleAsPoolOf(3);
    expect(poolOf(4)).not.toScaleAsPoolOf(5);
    expect(poolOf(5)).not.toScaleAsPoolOf(4);
  });

  it('fails a flat or a linear series whatever k', () => {
    expect(() => expect(flat).toScaleAsPoolOf(4)).toThrow(/verdict flat/);
    expect(() => expect(linear).toScaleAsPoolOf(1)).toThrow(/verdict linear/);
  });
});

describe('toBeEfficient', () => {
  it('passes when every point reaches the floor', () => {
    expect(measurement('bounded(4)', (n) => L * Math.ceil(n / 4), { ideal: (n) => 0.9 * L * Math.ceil(n / 4) })).toBeEfficient(0.85);
  });

  it('fails naming the worst point, its ideal and measured time', () => {
    // N = 160 takes twice its ideal: efficiency ~0.5 there, ~1 elsewhere.
    const slowTail = measurement('bounded(4)', (n) => L * Math.ceil(n / 4) * (n === 160 ? 2 : 1), { ideal: (n) => L * Math.ceil(n / 4) });
    expect(() => expect(slowTail).toBeEfficient(0.8)).toThrow(/^expected bounded\(4\) to be at least 0\.8 efficient; worst point N=160: ideal 4000\.0 ms \/ measured \d+\.\d ms = 0\.[45]\d\d$/);
    expect(slowTail).not.toBeEfficient(0.8);
  });

  it('rejects anything but a measurement, saying what it got', () => {
    expect(() => expect({ verdict: 'flat' }).toStayFlat()).toThrow('expected a ScalingMeasurement (from measureScaling), got object');
    expect(() => expect(42).toBeEfficient(0.5)).toThrow('expected a ScalingMeasurement (from measureScaling), got number');
  });
});
