import fc from 'fast-check';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { buildResults } from '../../src/sweep/build-results.ts';
import { summarizeMeasurement } from '../../src/sweep/measure-scaling.ts';
import type { SweepCell } from '../../src/sweep/run-sweep.ts';
import { meanAppliedDelay, spreadOf } from '../../src/sweep/summarize-trials.ts';
import type { RunSettings } from '../../src/results/types.ts';
import { verdictLabel } from '../../src/results/index.ts';
import type { Strategy } from '../../src/types/index.ts';
import { syntheticRun } from './synthetic-runs.ts';
import { bounded, concurrent, sequential } from '../../src/strategies/index.ts';

const SEED = 4_242;

const ms = (max: number) => fc.double({ min: 0, max, noNaN: true });
const runNumbers = (n: number) =>
  fc.record({
    delays: fc.array(ms(200), { minLength: 1, maxLength: 8 }),
    wall: fc.double({ min: 0.5, max: 5000, noNaN: true }),
    cpu: ms(500),
    loop: ms(500),
    server: fc.option(fc.record({ cpuMs: ms(300), loopActiveMs: ms(300) }), { nil: undefined }),
    lost: fc.integer({ min: 0, max: Math.min(2, n - 1) }),
  });

const strategies = fc.constantFrom<Strategy>(sequential(), concurrent(), bounded(3));
const sweep = fc
  .record({
    strategy: strategies,
    ns: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 3, maxLength: 5 }),
    repeats: fc.integer({ min: 3, max: 5 }),
    cap: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  })
  .chain(({ strategy, ns, repeats, cap }) =>
    fc
      .tuple(...ns.map((n) => fc.array(runNumbers(n), { minLength: repeats, maxLength: repeats })))
      .map((perN) => ({ strategy, ns, cap, runs: new Map(ns.map((n, i) => [n, perN[i]!.map((g) => syntheticRun(strategy, n, g))])) })),
  );

const settings = (cap: number | undefined): RunSettings => ({
  profile: { name: 'generated', seed: 1, definition: cap === undefined ? {} : { concurrency: { max: cap } } },
  serverCap: cap ?? null,
  payload: 'slim',
  client: { kind: 'undici', connections: null, pipelining: 1, timeoutMs: null },
  repeats: 3,
  warmup: 0,
  ladders: {},
  url: null,
});

describe('one summary path', () => {
  it('law: for any runs, measureScaling and results.json agree on verdict, slope interval, mean latency, spread and efficiency', () =>
    fc.assert(
      fc.property(sweep, ({ strategy, ns, cap, runs }) => {
        // A positive mean delay (not merely one positive delay: denormal delays average to 0).
        fc.pre(meanAppliedDelay([...runs.values()].flat()) > 0);
        const measurement = summarizeMeasurement(strategy, ns, runs, { serverCap: cap, cpus: os.availableParallelism() });
        const cells: SweepCell[] = ns.map((n) => ({ strategy, n, trials: runs.get(n)!, failures: [] }));
        const results = buildResults(cells, settings(cap), 1);
        const [built] = results.strategies;
        expect(verdictLabel(built!.scaling.verdict)).toBe(measurement.verdict);
        expect(built!.scaling.interval).toEqual({ low: measurement.analysis.interval.low, high: measurement.analysis.interval.high });
        expect(built!.scaling.slope).toBe(measurement.analysis.slope);
        expect(built!.scaling.meanLatencyMs).toBe(measurement.meanLatencyMs);
        expect(built!.points.map((p) => p.n)).toEqual(measurement.points.map((p) => p.n));
        built!.points.forEach((p, i) => {
          const m = measurement.points[i]!;
          expect(p.spread).toBe(m.spread);
          expect(p.efficiency).toBe(m.efficiency);
          expect(p.idealMs).toBe(m.idealMs);
          expect(p.medianMs).toBe(m.medianMs);
          expect(p.model).toEqual(m.model);
        });
        expect(Math.min(...built!.points.map((p) => p.efficiency))).toBe(measurement.efficiency);
      }),
      { seed: SEED, numRuns: 60 },
    ));

  it('a median of 0 has no spread (0 on every path, never ∞)', () => {
    expect(spreadOf([0, 0, 0])).toBe(0);
    expect(spreadOf([10, 12, 14])).toBeCloseTo(4 / 12, 12);
  });
});
