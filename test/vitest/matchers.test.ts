/**
 * The vitest matchers on their own, on synthetic measurements: each passes
 * what it names, fails what it does not with a message that says why, and an
 * inconclusive verdict fails with that reason rather than a guess.
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import '../../src/vitest/matchers.ts';
import { analyzeScaling } from '../../src/scaling/analyze-scaling.ts';
import { median } from '../../src/stats/descriptive.ts';
import { summarizeMeasurement, type ScalingMeasurement } from '../../src/sweep/measure-scaling.ts';
import { buildResults } from '../../src/sweep/build-results.ts';
import { concurrent } from '../../src/strategies/index.ts';
import { syntheticRun } from '../sweep/synthetic-runs.ts';
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
    return { n: p.n, times: [...p.times], medianMs, spread: 0, idealMs: ideal(p.n), efficiency: ideal(p.n) / medianMs, cpuPerRequestMs: 0.05, failed: 0 };
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
    expect(() => expect(slowTail).toBeEfficient(0.8)).toThrow(/^expected bounded\(4\) to be at least 0\.8 efficient; worst point N=160: model ideal 4000\.0 ms \/ measured \d+\.\d ms = 0\.[45]\d\d$/);
    expect(slowTail).not.toBeEfficient(0.8);
  });

  it('rejects anything but a measurement, saying what it got', () => {
    expect(() => expect({ verdict: 'flat' }).toStayFlat()).toThrow('expected a ScalingMeasurement (from measureScaling), got object');
    expect(() => expect(42).toBeEfficient(0.5)).toThrow('expected a ScalingMeasurement (from measureScaling), got number');
  });
});

// Concurrent, 30 ms delays; the client's loop works 0.5 ms a response (its only CPU), and each run
// takes 1.25× the model, 1.3× at N = 400.
const strategy = concurrent();
const ns = [10, 100, 400];
const runs = new Map(
  ns.map((n) => [n, Array.from({ length: 3 }, () => syntheticRun(strategy, n, { delays: [30], wall: (n === 400 ? 1.3 : 1.25) * (30 + 0.5 * n), cpu: 0.5 * n, loop: 0.5 * n, lost: 0 }))]),
);
const context = { cpus: os.availableParallelism() };

describe('toBeEfficient', () => {
  it('reads the model ideal / measured, the number results.json holds for the same runs', () => {
    const measured = summarizeMeasurement(strategy, ns, runs, context);
    const results = buildResults(
      ns.map((n) => ({ strategy, n, trials: runs.get(n)!, failures: [] })),
      { profile: { name: 'p', seed: 1, definition: {} }, serverCap: null, payload: 'slim', client: { kind: 'undici', connections: null, pipelining: 1, timeoutMs: null }, repeats: 3, warmup: 0, ladders: {}, url: null },
      1,
    );
    const worst = Math.min(...results.strategies[0]!.points.map((p) => p.efficiency));
    // CPU-bound from N = 100 (50 ms of loop work against a 30 ms wait): the model's ideal lies between
    // the roof N·c and N·c + the delay (the best split of the work between sending and receiving).
    const point = results.strategies[0]!.points.find((p) => p.efficiency === worst)!;
    expect(point.idealMs).toBeGreaterThanOrEqual(0.5 * point.n);
    expect(point.idealMs).toBeLessThanOrEqual(0.5 * point.n + 30);
    expect(worst).toBe(measured.efficiency);
    expect(measured).toBeEfficient(worst);
    expect(measured).not.toBeEfficient(worst + 0.01);
    expect(() => expect(measured).toBeEfficient(0.9)).toThrow(/model ideal .* \(cpu roof binds\)/);
  });
});

// The matchers on an invalid measurement: every one fails, `.not` included, with the cause.

const CAUSE = 'N = 400: 120 of 1200 requests were lost beyond the faults the profile injected. 120 × EMFILE: the process ran out of file descriptors';

function invalidMeasurement(verdict: ScalingMeasurement['analysis']['verdict']): ScalingMeasurement {
  const point = (n: number) => ({ n, times: [100, 101, 102], medianMs: 101, spread: 0.02, idealMs: 100, efficiency: 0.99, cpuPerRequestMs: 0.1, failed: 0 });
  return {
    strategy: 'concurrent',
    kind: 'concurrent',
    k: undefined,
    points: [point(100), point(200), point(400)],
    meanLatencyMs: 100,
    analysis: {
      medians: [], interceptMs: 100, slopeMs: 0, slope: 0.001, r2: 0,
      interval: { low: -0.01, high: 0.01 }, confidence: 0.95, resamples: 100, seed: 1, verdict,
    },
    verdict: verdict.label,
    efficiency: 0.99,
  };
}

describe('scaling matchers on an invalid measurement', () => {
  const invalid = invalidMeasurement({ kind: 'invalid', label: 'invalid', reason: CAUSE });

  it.each([
    ['toStayFlat', () => expect(invalid).toStayFlat()],
    ['not.toStayFlat', () => expect(invalid).not.toStayFlat()],
    ['toScaleLinearly', () => expect(invalid).toScaleLinearly()],
    ['not.toScaleLinearly', () => expect(invalid).not.toScaleLinearly()],
    ['toScaleAsPoolOf', () => expect(invalid).toScaleAsPoolOf(4)],
    ['toBeEfficient', () => expect(invalid).toBeEfficient(0.5)],
    ['not.toBeEfficient', () => expect(invalid).not.toBeEfficient(0.5)],
  ])('%s fails with the cause', (_name, assertion) => {
    expect(assertion).toThrow(/the measurement is invalid\. N = 400: .*EMFILE/);
  });

  it('the same numbers with a valid verdict pass (the invalid verdict alone fails them)', () => {
    const valid = invalidMeasurement({ kind: 'flat', label: 'flat', reason: 'slope interval lies within (-0.15, 0.15)' });
    expect(valid).toStayFlat();
    expect(valid).toBeEfficient(0.5);
    expect(valid).not.toScaleLinearly();
  });
});
