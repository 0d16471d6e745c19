import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idealMakespan } from '../../src/model/makespan.ts';
import { simulateFanOut, type FanOutSimulation } from '../../src/model/simulate.ts';
import { modelTrial } from '../../src/model/trial-model.ts';

const SEED = 20_261_206;
// Whole and half milliseconds: sums stay exact in binary, so equalities are exact.
const time = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((x) => x / 2);
const strategy = fc.oneof(
  fc.constant({ kind: 'sequential' as const, k: undefined }),
  fc.constant({ kind: 'concurrent' as const, k: undefined }),
  fc.record({ kind: fc.constantFrom('bounded' as const, 'workers' as const, 'batched' as const), k: fc.integer({ min: 1, max: 6 }) }),
);
// Open loop: nothing a request does changes when a later one is sent (no slot to wait for).
const openLoop = fc.oneof(
  fc.constant({ kind: 'sequential' as const, k: undefined }),
  fc.constant({ kind: 'concurrent' as const, k: undefined }),
  fc.record({ kind: fc.constant('batched' as const), k: fc.integer({ min: 1, max: 6 }) }),
);
const simulation = fc.record({
  strategy,
  delaysMs: fc.array(time(200), { minLength: 1, maxLength: 40 }),
  clientCpus: fc.integer({ min: 1, max: 3 }),
  sendCostMs: time(5),
  receiveCostMs: time(5),
  serverCostMs: time(5),
  serverCap: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
});
const openLoopSimulation = simulation.chain((g) => openLoop.map((open) => ({ ...g, strategy: open, serverCap: undefined })));
type Generated = typeof simulation extends fc.Arbitrary<infer T> ? T : never;
const input = (g: Generated, change: Partial<FanOutSimulation> = {}): FanOutSimulation => ({
  kind: g.strategy.kind,
  k: g.strategy.k,
  serverCap: g.serverCap,
  delaysMs: g.delaysMs,
  clientCpus: g.clientCpus,
  sendCostMs: g.sendCostMs,
  receiveCostMs: g.receiveCostMs,
  serverCostMs: g.serverCostMs,
  ...change,
});

describe('simulateFanOut', () => {
  it('is never below the wait roof, the client CPU roof or the server roof', () =>
    fc.assert(
      fc.property(simulation, (g) => {
        const t = simulateFanOut(input(g));
        const n = g.delaysMs.length;
        expect(t).toBeGreaterThanOrEqual(idealMakespan(g.strategy.kind, g.strategy.k, g.delaysMs, g.serverCap));
        expect(t).toBeGreaterThanOrEqual((n * (g.sendCostMs + g.receiveCostMs)) / g.clientCpus - 1e-9);
        expect(t).toBeGreaterThanOrEqual(n * g.serverCostMs - 1e-9);
      }),
      { seed: SEED },
    ));

  it('equals the wait makespan when nothing costs CPU', () =>
    fc.assert(
      fc.property(simulation, (g) => {
        expect(simulateFanOut(input(g, { sendCostMs: 0, receiveCostMs: 0, serverCostMs: 0 }))).toBe(idealMakespan(g.strategy.kind, g.strategy.k, g.delaysMs, g.serverCap));
      }),
      { seed: SEED },
    ));

  it('equals N·c on one CPU when every delay is 0, and N·c + d when a concurrent fan-out waits d for every response', () =>
    fc.assert(
      fc.property(simulation, time(200), (g, d) => {
        const n = g.delaysMs.length;
        const c = g.receiveCostMs;
        const zero = g.delaysMs.map(() => 0);
        expect(simulateFanOut(input(g, { delaysMs: zero, clientCpus: 1, sendCostMs: 0, serverCostMs: 0 }))).toBe(n * c);
        const same = g.delaysMs.map(() => d);
        expect(simulateFanOut({ kind: 'concurrent', delaysMs: same, receiveCostMs: c })).toBe(n * c + Math.min(...same));
      }),
      { seed: SEED },
    ));

  it('grows (never shrinks) with the CPU costs', () =>
    fc.assert(
      fc.property(openLoopSimulation, time(5), fc.constantFrom('sendCostMs', 'receiveCostMs', 'serverCostMs') as fc.Arbitrary<'sendCostMs' | 'receiveCostMs' | 'serverCostMs'>, (g, more, which) => {
        const base = simulateFanOut(input(g));
        expect(simulateFanOut(input(g, { [which]: g[which] + more }))).toBeGreaterThanOrEqual(base);
      }),
      { seed: SEED },
    ));

  it('grows (never shrinks) with every delay', () =>
    fc.assert(
      fc.property(openLoopSimulation, fc.nat(), time(200), (g, at, more) => {
        const i = at % g.delaysMs.length;
        const longer = g.delaysMs.map((d, j) => (j === i ? d + more : d));
        expect(simulateFanOut(input(g, { delaysMs: longer }))).toBeGreaterThanOrEqual(simulateFanOut(input(g)));
      }),
      { seed: SEED },
    ));

  it("is not monotone for a pool (Graham's list-scheduling anomaly): a longer delay can reorder the slots and finish sooner", () => {
    const base = { kind: 'concurrent' as const, serverCap: 6, receiveCostMs: 0.5 };
    expect(simulateFanOut({ ...base, delaysMs: [0, 0, 0, 0, 0, 0, 0.5] })).toBe(4);
    expect(simulateFanOut({ ...base, delaysMs: [1, 0, 0, 0, 0, 0, 0.5] })).toBe(3.5);
  });

  it('queues responses that arrive while the client is busy: above both roofs at the ridge', () => {
    // Two requests, responses at 10 and 10, 10 ms of CPU each: the second waits for the first.
    expect(simulateFanOut({ kind: 'concurrent', delaysMs: [10, 10], receiveCostMs: 10 })).toBe(30);
    // The roofline says max(10, 20) = 20.
  });

  it('law: a request measured to leave at s_i ends no sooner than s_i + its server cost + d_i + its receive cost', () =>
    fc.assert(
      fc.property(simulation, fc.array(fc.option(time(300), { nil: null }), { minLength: 40, maxLength: 40 }), (g, sends) => {
        const sentAtMs = g.delaysMs.map((_, i) => sends[i] ?? null);
        const t = simulateFanOut(input(g, { sentAtMs }));
        g.delaysMs.forEach((d, i) => {
          const s = sentAtMs[i];
          if (s !== null && s !== undefined) expect(t).toBeGreaterThanOrEqual(s + g.serverCostMs + d + g.receiveCostMs - 1e-9);
        });
        // No send time known: the schedule alone decides.
        expect(simulateFanOut(input(g, { sentAtMs: g.delaysMs.map(() => null) }))).toBe(simulateFanOut(input(g)));
      }),
      { seed: SEED },
    ));

  // A peer declares sequential, bounded(k) or concurrent (peers/README.md); batched keeps its barrier.
  it("law: with every send time measured and no CPU cost, the makespan is max(s_i + d_i), whatever a peer's slots (they are in the measurement)", () =>
    fc.assert(
      fc.property(simulation.filter((g) => g.strategy.kind !== 'batched'), fc.array(time(300), { minLength: 40, maxLength: 40 }), (g, sends) => {
        const sentAtMs = g.delaysMs.map((_, i) => sends[i]!);
        const t = simulateFanOut(input(g, { sentAtMs, sendCostMs: 0, receiveCostMs: 0, serverCostMs: 0 }));
        expect(t).toBe(Math.max(...g.delaysMs.map((d, i) => sentAtMs[i]! + d)));
      }),
      { seed: SEED },
    ));

  it('sends late what was measured to leave late: a concurrent fan-out whose last request left at 500 ms ends after 500 + its delay', () => {
    expect(simulateFanOut({ kind: 'concurrent', delaysMs: [100, 700, 100], sentAtMs: [0, 10, 500] })).toBe(710);
    expect(simulateFanOut({ kind: 'concurrent', delaysMs: [100, 100, 700], sentAtMs: [0, 10, 500] })).toBe(1200);
    expect(() => simulateFanOut({ kind: 'concurrent', delaysMs: [1, 2], sentAtMs: [0] })).toThrow(expect.objectContaining({ argument: 'sentAtMs' }));
  });

  it('names the argument it rejects', () => {
    expect(() => simulateFanOut({ kind: 'bounded', delaysMs: [1] })).toThrow(expect.objectContaining({ argument: 'k' }));
    expect(() => simulateFanOut({ kind: 'concurrent', delaysMs: [-1] })).toThrow(expect.objectContaining({ argument: 'delaysMs' }));
    expect(() => simulateFanOut({ kind: 'concurrent', delaysMs: [1], receiveCostMs: Number.NaN })).toThrow(expect.objectContaining({ argument: 'receiveCostMs' }));
    expect(simulateFanOut({ kind: 'concurrent', delaysMs: [] })).toBe(0);
  });
});

describe('modelTrial', () => {
  it('its ideal is at least every roof, and the binding roof is the largest', () =>
    fc.assert(
      fc.property(simulation, time(500), time(500), time(500), (g, clientWorkMs, serverWorkMs, coresRoofMs) => {
        const m = modelTrial({ kind: g.strategy.kind, k: g.strategy.k, serverCap: g.serverCap, delaysMs: g.delaysMs, clientWorkMs, clientCpus: g.clientCpus, serverWorkMs, coresRoofMs });
        expect(m.idealMs).toBeGreaterThanOrEqual(Math.max(m.waitMs, m.cpuRoofMs, m.serverRoofMs));
        const top = Math.max(m.waitMs, m.cpuRoofMs, m.serverRoofMs);
        expect(m.binding === 'wait' ? m.waitMs : m.binding === 'cpu' ? m.cpuRoofMs : m.serverRoofMs).toBe(top);
      }),
      { seed: SEED },
    ));

  it('names the server when the mock sets the time', () => {
    const m = modelTrial({ kind: 'concurrent', delaysMs: Array.from({ length: 100 }, () => 30), clientWorkMs: 10, serverWorkMs: 200 });
    expect(m.binding).toBe('server');
    expect(m.idealMs).toBeGreaterThanOrEqual(200);
  });
});
