import os from 'node:os';
import { describe, expect, it } from 'vitest';
import '../../src/vitest/matchers.ts';
import { summarizeMeasurement, type ScalingMeasurement } from '../../src/sweep/measure-scaling.ts';
import { buildResults } from '../../src/sweep/build-results.ts';
import { concurrent } from '../../src/strategies/index.ts';
import { syntheticRun } from '../sweep/synthetic-runs.ts';

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
    const measurement = summarizeMeasurement(strategy, ns, runs, context);
    const results = buildResults(
      ns.map((n) => ({ strategy, n, runs: runs.get(n)!, failures: [] })),
      { profile: { name: 'p', seed: 1, definition: {} }, payload: 'slim', client: { kind: 'undici', connections: null, pipelining: 1, timeoutMs: null }, repeats: 3, warmup: 0, ladders: {}, url: null },
      1,
    );
    const worst = Math.min(...results.strategies[0]!.points.map((p) => p.efficiency));
    // CPU-bound at N = 400 (200 ms of loop work against a 30 ms wait): the model says 230 ms, the wait alone 30.
    expect(worst).toBeCloseTo(1 / 1.3, 9);
    expect(measurement).toBeEfficient(worst);
    expect(measurement).not.toBeEfficient(worst + 0.01);
    expect(() => expect(measurement).toBeEfficient(0.9)).toThrow(/model ideal .* \(cpu roof binds\)/);
  });
});

// The matchers on an invalid measurement: every one fails, `.not` included, with the cause.

const CAUSE = 'N = 400: 120 of 1200 requests were lost beyond the faults the profile injected. 120 × EMFILE: the process ran out of file descriptors';

function syntheticMeasurement(verdict: ScalingMeasurement['analysis']['verdict']): ScalingMeasurement {
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
  const invalid = syntheticMeasurement({ kind: 'invalid', label: 'invalid', reason: CAUSE });

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
    const flat = syntheticMeasurement({ kind: 'flat', label: 'flat', reason: 'slope interval lies within (-0.15, 0.15)' });
    expect(flat).toStayFlat();
    expect(flat).toBeEfficient(0.5);
    expect(flat).not.toScaleLinearly();
  });
});
