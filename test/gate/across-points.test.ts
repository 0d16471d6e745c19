import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acrossPoints } from '../../src/gate/across-points.ts';
import { compareResults, openRows } from '../../src/gate/compare.ts';
import { mulberry32 } from '../../src/stats/prng.ts';
import type { Results } from '../../src/results/types.ts';
import { buildResults } from './build-results.ts';

const sample = fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 3, maxLength: 12 });

/** Every run of one strategy scaled by `factor`. */
function slower(results: Results, strategy: string, factor: number): Results {
  return {
    ...results,
    strategies: results.strategies.map((s) =>
      s.name !== strategy ? s : { ...s, points: s.points.map((p) => ({ ...p, runs: p.runs.map((r) => ({ ...r, wallMs: r.wallMs * factor })) })) },
    ),
  };
}

describe('acrossPoints', () => {
  it('law: scaling every current run by f scales the ratio and both ends of its interval by f, so the decision follows the true change', () =>
    fc.assert(
      fc.property(fc.array(fc.tuple(sample, sample), { minLength: 1, maxLength: 4 }), fc.double({ min: 0.5, max: 3, noNaN: true }), (points, f) => {
        const values = points.map(([baseline, current]) => ({ baseline, current }));
        const scaled = values.map((p) => ({ baseline: p.baseline, current: p.current.map((v) => v * f) }));
        const a = acrossPoints('s', values, 0.1, 500, 0.95, mulberry32(3))!;
        const b = acrossPoints('s', scaled, 0.1, 500, 0.95, mulberry32(3))!;
        expect(b.ratio).toBeCloseTo(a.ratio * f, 9);
        expect(b.ci.low).toBeCloseTo(a.ci.low * f, 9);
        expect(b.ci.high).toBeCloseTo(a.ci.high * f, 9);
      }),
      { seed: 11 },
    ));

  it('gives the geometric mean of the points’ ratios, and null for no point', () => {
    const pooled = acrossPoints('s', [{ baseline: [1, 1, 1], current: [2, 2, 2] }, { baseline: [1, 1, 1], current: [0.5, 0.5, 0.5] }], 0.1, 200, 0.95, mulberry32(1))!;
    expect(pooled.ratio).toBeCloseTo(1, 12);
    expect(acrossPoints('s', [], 0.1, 200, 0.95, mulberry32(1))).toBeNull();
  });
});

describe('compareResults across a strategy’s points', () => {
  // ±12% noise at 5 runs leaves single points open; six points together narrow it.
  const ns = [100, 200, 400, 800, 1600, 3200];

  it('passes a same build whose points are undecided alone but rule out a slowdown of the whole strategy together, and says so', () => {
    const report = compareResults(buildResults({ ns, noise: 0.12, seed: 1, runs: 9 }), buildResults({ ns, noise: 0.12, seed: 2, runs: 9 }));
    const concurrent = report.across.find((a) => a.strategy === 'concurrent')!;
    expect(concurrent.decision).toBe('unchanged');
    expect(report.rows.some((r) => r.strategy === 'concurrent' && r.decision === 'inconclusive')).toBe(true);
    expect(openRows(report).filter((r) => r.strategy === 'concurrent')).toEqual([]);
    expect(report.notes).toContainEqual(expect.stringMatching(/^concurrent: \d+ points? \(N = [\d, ]+\) undecided alone, but across its 6 points a slowdown of the whole strategy by more than 10% is ruled out/));
  });

  it('catches a uniform 20% slowdown no single point can see under the same noise', () => {
    const baseline = buildResults({ ns, noise: 0.12, seed: 1, runs: 9 });
    const report = compareResults(baseline, slower(buildResults({ ns, noise: 0.12, seed: 2, runs: 9 }), 'concurrent', 1.2));
    expect(report.rows.filter((r) => r.strategy === 'concurrent' && r.decision === 'regressed').length).toBeLessThan(ns.length);
    expect(report.across.find((a) => a.strategy === 'concurrent')!.decision).toBe('regressed');
    expect(report).toMatchObject({ status: 'regression', exitCode: 1 });
  });

  it('keeps a point with too few runs open whatever the others say', () => {
    const current = buildResults({ ns, noise: 0.02, seed: 2, plant: { strategy: 'concurrent', n: 800, runs: 2 } });
    const report = compareResults(buildResults({ ns, noise: 0.02, seed: 1 }), current);
    expect(openRows(report).map((r) => `${r.strategy}@${r.n}`)).toEqual(['concurrent@800']);
    expect(report.status).toBe('inconclusive');
  });
});
