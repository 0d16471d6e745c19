import fc from 'fast-check';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { buildResults } from '../../src/sweep/build-results.ts';
import { summarizeMeasurement } from '../../src/sweep/measure-scaling.ts';
import type { SweepCell } from '../../src/sweep/run-sweep.ts';
import { toTrialResult } from '../../src/sweep/external-strategy.ts';
import { PEER_PROTOCOL, type PeerReport } from '../../src/peers/index.ts';
import { loopWork, meanAppliedDelay, modelOfTrial, pointIdeal, spreadOf } from '../../src/sweep/summarize-trials.ts';
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

describe('a point pairs each run with its own ideal', () => {
  const run = fc.record({ wallMs: fc.double({ min: 1, max: 5000, noNaN: true }), idealMs: fc.double({ min: 0, max: 5000, noNaN: true }) });

  it('law: when every run took its ideal times the same factor, the point is that efficient, however far apart the walls', () =>
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 5000, noNaN: true }), { minLength: 1, maxLength: 9 }), fc.double({ min: 0.1, max: 2, noNaN: true }), (walls, factor) => {
        const runs = walls.map((wallMs) => ({ wallMs, idealMs: factor * wallMs }));
        const medianWall = walls.toSorted((a, b) => a - b);
        const mid = medianWall.length >> 1;
        const median = medianWall.length % 2 ? medianWall[mid]! : (medianWall[mid - 1]! + medianWall[mid]!) / 2;
        expect(pointIdeal(runs) / median).toBeCloseTo(factor, 9);
      }),
      { seed: SEED },
    ));

  it('law: the point ideal lies between the smallest and largest run efficiency, times the median wall', () =>
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 9 }), (runs) => {
        const ratios = runs.map((r) => r.idealMs / r.wallMs);
        const walls = runs.map((r) => r.wallMs).toSorted((a, b) => a - b);
        const mid = walls.length >> 1;
        const median = walls.length % 2 ? walls[mid]! : (walls[mid - 1]! + walls[mid]!) / 2;
        const e = pointIdeal(runs) / median;
        expect(e).toBeGreaterThanOrEqual(Math.min(...ratios) - 1e-9);
        expect(e).toBeLessThanOrEqual(Math.max(...ratios) + 1e-9);
      }),
      { seed: SEED },
    ));
});

describe("an event loop's serial time", () => {
  it("is its thread's CPU plus its run-queue wait where the kernel tells, else its busy time capped by its process CPU", () => {
    expect(loopWork({ loopActiveMs: 50, cpuMs: 80, loopThread: { cpuMs: 30, runQueueMs: 12 } })).toBe(42);
    expect(loopWork({ loopActiveMs: 50, cpuMs: 80 })).toBe(50);
    expect(loopWork({ loopActiveMs: 50, cpuMs: 20 })).toBe(20);
  });

  it("bills the run-queue wait of both loops: a run whose loops waited for a CPU has a later ideal, and no earlier one", () => {
    const strategy = concurrent();
    const base = syntheticRun(strategy, 100, { delays: [24, 30, 36], wall: 90, cpu: 60, loop: 40, server: { cpuMs: 30, loopActiveMs: 25 }, lost: 0 });
    const context = { cpus: 2 };
    const quiet = modelOfTrial(strategy, { ...base, loopThread: { cpuMs: 40, runQueueMs: 0 }, server: { ...base.server!, loopThread: { cpuMs: 25, runQueueMs: 0 } } }, context);
    const loaded = modelOfTrial(strategy, { ...base, loopThread: { cpuMs: 40, runQueueMs: 30 }, server: { ...base.server!, loopThread: { cpuMs: 25, runQueueMs: 10 } } }, context);
    expect(loaded.idealMs).toBeGreaterThan(quiet.idealMs);
    expect(loaded.cpuRoofMs).toBe(70);
    expect(loaded.serverRoofMs).toBe(35);
  });

  it("bills a peer's reported run-queue wait with its CPU, over the CPUs it can use", () => {
    const peer = { name: 'py-asyncio-unlimited', kind: 'concurrent' as const, k: undefined };
    const report: PeerReport = { protocol: PEER_PROTOCOL, client: peer.name, model: { kind: 'concurrent' as const }, wallMs: 900, cpuMs: { user: 700, system: 100 }, counts: { ok: 2, 'http-error': 0, 'network-error': 0, timeout: 0 }, delaysMs: [100, 100] };
    const context = { cpus: 2 };
    const quiet = modelOfTrial(peer, toTrialResult(peer, 2, report, 1000), context);
    const loaded = modelOfTrial(peer, toTrialResult(peer, 2, { ...report, runQueueMs: 150 }, 1000), context);
    expect(quiet.cpuRoofMs).toBe(800);
    expect(loaded.cpuRoofMs).toBe(950);
    expect(loaded.idealMs).toBeGreaterThan(quiet.idealMs);
  });

  it("holds a peer's request back to when it was measured to leave", () => {
    const peer = { name: 'py-asyncio-unlimited', kind: 'concurrent' as const, k: undefined };
    const report: PeerReport = { protocol: PEER_PROTOCOL, client: peer.name, model: { kind: 'concurrent' }, wallMs: 900, cpuMs: { user: 8, system: 2 }, counts: { ok: 2, 'http-error': 0, 'network-error': 0, timeout: 0 }, delaysMs: [100, 700] };
    const context = { cpus: 2 };
    expect(modelOfTrial(peer, toTrialResult(peer, 2, report, 1000), context).idealMs).toBeLessThan(720);
    expect(modelOfTrial(peer, toTrialResult(peer, 2, { ...report, sentMs: [0, 150] }, 1000), context).idealMs).toBeGreaterThanOrEqual(850);
  });
});
