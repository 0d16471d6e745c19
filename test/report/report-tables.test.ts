import { describe, expect, it } from 'vitest';
import { bindingRoof, pointTable, roofNotes, verdictTable } from '../../src/report/report-tables.ts';
import type { PointResult } from '../../src/results/types.ts';
import { loadFixture } from './fixtures.ts';

function pointWith(runs: { cpuMs: number; idealMs: number; loopActiveMs?: number }[]): PointResult {
  const point = structuredClone(loadFixture('small-ladder').strategies[0]?.points[0]) as PointResult;
  const template = point.runs[0] as PointResult['runs'][number];
  point.runs = runs.map((r) => ({ ...template, ...r }));
  return point;
}

describe('bindingRoof', () => {
  it('names cpu when the median client CPU reaches the median ideal, wait otherwise', () => {
    expect(bindingRoof(pointWith([{ cpuMs: 10, idealMs: 100 }, { cpuMs: 12, idealMs: 101 }]))).toBe('wait');
    expect(bindingRoof(pointWith([{ cpuMs: 68, idealMs: 68 }, { cpuMs: 70, idealMs: 70 }]))).toBe('cpu');
    expect(bindingRoof(pointWith([{ cpuMs: 90, idealMs: 40 }]))).toBe('cpu');
    expect(bindingRoof(pointWith([]))).toBe('n/a');
  });

  it("judges a main-thread strategy by its event loop's busy time when measured, a worker pool by its CPU", () => {
    // 90 ms of process CPU (GC threads included), but the loop was busy only 30 of the 40 ms ideal.
    expect(bindingRoof(pointWith([{ cpuMs: 90, idealMs: 40, loopActiveMs: 30 }]), 'concurrent')).toBe('wait');
    expect(bindingRoof(pointWith([{ cpuMs: 90, idealMs: 40, loopActiveMs: 30 }]), 'workers')).toBe('cpu');
  });
});

describe('pointTable', () => {
  it('has a row per N, in the results’ order, with the outcomes column only when needed', () => {
    const clean = loadFixture('fast-jitter-30ms').strategies[1];
    const flaky = loadFixture('flaky-realistic').strategies[1];
    if (clean === undefined || flaky === undefined) throw new Error('fixtures lost a strategy');
    expect(pointTable(clean).rows.map((row) => row[0]?.text)).toEqual(clean.points.map((p) => String(p.n)));
    expect(pointTable(clean).columns.map((c) => c.header)).not.toContain('outcomes');
    expect(pointTable(flaky).columns.at(-1)?.header).toBe('outcomes');
  });
});

describe('verdictTable', () => {
  it('has a row per strategy with its verdict toned', () => {
    const results = loadFixture('fast-jitter-30ms');
    const { rows } = verdictTable(results);
    expect(rows.map((row) => row[0]?.text)).toEqual(results.strategies.map((s) => s.name));
    expect(rows.map((row) => row[3]?.tone)).toEqual(['bad', 'good', 'warn', 'unknown', 'warn']);
  });
});

describe('the model in the point table', () => {
  it('a point the server bounds is reported as the server\'s, with the fix, never as the client\'s inefficiency', () => {
    const results = loadFixture('child-mock');
    const strategy = results.strategies.find((s) => s.name === 'concurrent')!;
    const point = strategy.points.at(-1)!;
    point.model = { ...point.model!, serverRoofMs: 10 * point.medianMs, binding: 'server' };
    expect(bindingRoof(point, strategy.kind)).toBe('server');
    expect(roofNotes(strategy)).toContain(`concurrent, N = ${point.n}: server roof binds; the mock sets the slope: give it more server workers, or lower the fan-out.`);
    const table = pointTable(strategy);
    const roofColumn = table.columns.findIndex((c) => c.header === 'roof');
    expect(table.rows.at(-1)![roofColumn]!.text).toBe('server');
  });

  it('shows the client\'s CPU beside the mock\'s, and n/a for a mock that could not be read', () => {
    const results = loadFixture('child-mock');
    const strategy = results.strategies[0]!;
    const column = pointTable(strategy).columns.findIndex((c) => c.header === 'CPU ms client / mock');
    expect(pointTable(strategy).rows[0]![column]!.text).toMatch(/^\d+(\.\d+)? \/ \d+(\.\d+)?$/);
    for (const run of strategy.points[0]!.runs) delete run.serverCpuMs;
    expect(pointTable(strategy).rows[0]![column]!.text).toMatch(/ \/ n\/a$/);
  });
});
