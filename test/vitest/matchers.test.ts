import os from 'node:os';
import { describe, expect, it } from 'vitest';
import '../../src/vitest/matchers.ts';
import { summarizeMeasurement } from '../../src/sweep/measure-scaling.ts';
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
