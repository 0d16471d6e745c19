import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareResults, openRows } from '../../src/gate/compare.ts';
import { ownTime } from '../../src/gate/gate-value.ts';
import { renderGateReport } from '../../src/gate/render.ts';
import type { Results } from '../../src/results/types.ts';
import { buildResults } from './build-results.ts';

const seeds = fc.tuple(fc.nat(), fc.nat()).filter(([a, b]) => a !== b);

function rowAt(report: ReturnType<typeof compareResults>, strategy: string, n: number) {
  const row = report.rows.find((r) => r.strategy === strategy && r.n === n);
  if (row === undefined) throw new Error(`no row ${strategy} N=${n}`);
  return row;
}

function withSettings(results: Results, settings: Partial<Results['settings']>): Results {
  return { ...results, settings: { ...results.settings, ...settings } };
}

describe('compareResults: identical and same-build runs', () => {
  it('passes two identical runs with every point unchanged at a ratio of exactly 1', () => {
    const run = buildResults({ noise: 0.05, seed: 3 });
    const report = compareResults(run, run);
    expect(report).toMatchObject({ status: 'pass', exitCode: 0, verdictChanges: [], blockers: [] });
    expect(report.rows).toHaveLength(9);
    for (const row of report.rows) {
      expect(row.ratio).toBe(1);
      expect(row.decision).not.toBe('regressed');
    }
  });

  // The per-point false-alarm rate here is about 1.5e-6 (exact bootstrap), so on
  // fresh seeds 50 × 9 points would fail spuriously about once in 1 500 runs. A
  // test must not flake, so fast-check's own seed is pinned: the same 50 pairs
  // of noise seeds every run (checked to hold at 1000 runs when written).
  it('law: ±8% run-to-run noise at 5 runs is never a regression, whatever the seeds', () =>
    fc.assert(
      fc.property(seeds, ([baselineSeed, currentSeed]) => {
        const report = compareResults(buildResults({ noise: 0.08, seed: baselineSeed }), buildResults({ noise: 0.08, seed: currentSeed }));
        expect(report.rows.filter((r) => r.decision === 'regressed')).toEqual([]);
        // Never a regression; a point the noise leaves open, in a strategy whose points together do not rule out a slowdown, is `inconclusive` (exit 3), not a pass.
        expect(report.status).toBe(openRows(report).length > 0 ? 'inconclusive' : 'pass');
        expect(report.exitCode).toBe(report.status === 'pass' ? 0 : 3);
      }),
      { numRuns: 50, seed: 0x90be },
    ));

  it('is deterministic: the same inputs and seed give the same report', () => {
    const baseline = buildResults({ noise: 0.08, seed: 1 });
    const current = buildResults({ noise: 0.08, seed: 2 });
    expect(compareResults(baseline, current, { seed: 9 })).toEqual(compareResults(baseline, current, { seed: 9 }));
  });

  it("gives a point the same interval whatever other strategies are compared (each point's bootstrap has its own seed)", () => {
    const baseline = buildResults({ noise: 0.08, seed: 1 });
    const current = buildResults({ noise: 0.08, seed: 2 });
    const alone = (r: Results): Results => ({ ...r, strategies: r.strategies.filter((s) => s.name === 'bounded(4)') });
    expect(rowAt(compareResults(alone(baseline), alone(current)), 'bounded(4)', 40)).toEqual(rowAt(compareResults(baseline, current), 'bounded(4)', 40));
  });
});

describe('compareResults: planted slowdowns', () => {
  it('law: a 2× slowdown of one point under up to ±25% noise is a regression (exit 1) at any run count ≥ 3', () =>
    fc.assert(
      fc.property(seeds, fc.integer({ min: 3, max: 10 }), fc.double({ min: 0, max: 0.25, noNaN: true }), ([a, b], runs, noise) => {
        const baseline = buildResults({ ns: [40], runs, noise, seed: a });
        const current = buildResults({ ns: [40], runs, noise, seed: b, plant: { strategy: 'bounded(4)', n: 40, factor: 2 } });
        const report = compareResults(baseline, current);
        expect(rowAt(report, 'bounded(4)', 40).decision).toBe('regressed');
        expect(report.status).toBe('regression');
        expect(report.exitCode).toBe(1);
      }),
      { numRuns: 30 },
    ));

  it('law: a 1.5× slowdown on a point with ±15% noise is caught for every seed and run count', () =>
    fc.assert(
      fc.property(seeds, fc.integer({ min: 3, max: 10 }), ([a, b], runs) => {
        const noisy = { strategy: 'concurrent', n: 160, noise: 0.15 };
        const baseline = buildResults({ ns: [160], runs, noise: 0.03, seed: a, plant: noisy });
        const current = buildResults({ ns: [160], runs, noise: 0.03, seed: b, plant: { ...noisy, factor: 1.5 } });
        expect(rowAt(compareResults(baseline, current), 'concurrent', 160).decision).toBe('regressed');
      }),
      { numRuns: 30 },
    ));

  it('never calls a 1.5× slowdown drowned in ±25% noise unchanged, and more runs catch it more often', () => {
    const decisions = (runs: number) =>
      Array.from({ length: 20 }, (_, seed) => {
        const noisy = { strategy: 'concurrent', n: 160, noise: 0.25 };
        const baseline = buildResults({ ns: [160], runs, seed: 2 * seed + 1, plant: noisy });
        const current = buildResults({ ns: [160], runs, seed: 2 * seed + 2, plant: { ...noisy, factor: 1.5 } });
        return rowAt(compareResults(baseline, current), 'concurrent', 160).decision;
      });
    const few = decisions(3);
    const many = decisions(10);
    for (const decision of [...few, ...many]) expect(['regressed', 'inconclusive']).toContain(decision);
    const caught = (ds: string[]) => ds.filter((d) => d === 'regressed').length;
    expect(caught(many)).toBeGreaterThan(caught(few));
    expect(caught(many)).toBeGreaterThanOrEqual(15);
  });

  it('reports a 2× speed-up as improved and passes', () => {
    const report = compareResults(buildResults({ noise: 0.05, seed: 1 }), buildResults({ noise: 0.05, seed: 2, plant: { strategy: 'sequential', n: 10, factor: 0.5 } }));
    expect(rowAt(report, 'sequential', 10).decision).toBe('improved');
    expect(report.status).toBe('pass');
  });

  it('does not decide a point with fewer than 3 runs on a side, even a 3× slowdown, and says so', () => {
    const report = compareResults(buildResults({ seed: 1 }), buildResults({ seed: 2, plant: { strategy: 'sequential', n: 40, factor: 3, runs: 2 } }));
    const row = rowAt(report, 'sequential', 40);
    expect(row).toMatchObject({ decision: 'too-few-runs', ci: null, detectable: null, baselineRuns: 5, currentRuns: 2, ratio: 3 });
    expect(report).toMatchObject({ status: 'inconclusive', exitCode: 3 });
    expect(report.notes.join('\n')).toMatch(/fewer than 3 runs on a side; not a pass \(exit 3\)/);
    expect(report.power.find((p) => p.strategy === 'sequential')).toEqual({ strategy: 'sequential', n: 40, detectable: null, points: 3 });
  });

  it('passes an undecided point with a warning under allowInconclusive', () => {
    const report = compareResults(buildResults({ seed: 1 }), buildResults({ seed: 2, plant: { strategy: 'sequential', n: 40, runs: 2 } }), { allowInconclusive: true });
    expect(report).toMatchObject({ status: 'pass', exitCode: 0 });
    expect(report.notes.join('\n')).toMatch(/passed with a warning \(--allow-inconclusive\)/);
  });
});

describe('compareResults: wall time over the model', () => {
  /** A point whose runs were served different delays: wall = ideal × (1 + 1% noise), ideal varying ±20% run to run. */
  function drawLuck(seed: number, factor = 1): Results {
    const results = buildResults({ seed, ns: [1, 10, 40] });
    let i = seed;
    for (const strategy of results.strategies) {
      for (const point of strategy.points) {
        for (const run of point.runs) {
          i = (i * 7 + 3) % 11;
          run.idealMs = run.idealMs * (0.8 + 0.04 * i);
          run.wallMs = run.idealMs * factor * (1 + 0.002 * ((i % 5) - 2));
        }
      }
    }
    return results;
  }

  it('cancels the luck of the delays each run was served: same client, every point unchanged and the power tight', () => {
    const report = compareResults(drawLuck(1), drawLuck(2));
    expect(report.rows.every((r) => r.basis === 'model' && r.decision === 'unchanged')).toBe(true);
    for (const p of report.power) expect(p.detectable).toBeLessThan(0.13);
  });

  it('still sees a slower client: 30% slower over the same ideal regresses', () => {
    const report = compareResults(drawLuck(1), drawLuck(2, 1.3));
    expect(report.rows.every((r) => r.decision === 'regressed')).toBe(true);
    expect(report.rows[0]!.ratio).toBeCloseTo(1.3, 1);
  });

  it('falls back to raw wall times when a run has no ideal', () => {
    const current = drawLuck(2);
    current.strategies[0]!.points[0]!.runs[0]!.idealMs = Number.NaN;
    const row = rowAt(compareResults(drawLuck(1), current), 'sequential', 1);
    expect(row.basis).toBe('wall');
    expect(row.ratio).toBe(row.currentMs / row.baselineMs);
  });
});

describe("compareResults: a run's own time, without the machine's contention", () => {
  /**
   * A CPU-bound point measured on a busy machine: each run's loop waited a
   * different share of its wall for a CPU (0-40%), on top of the same own time
   * (× `factor`), as `run` records it (`loopWorkMs` marks a main-thread strategy).
   */
  function contended(seed: number, factor = 1): Results {
    const results = buildResults({ seed, ns: [100, 400, 1600], noise: 0.02 });
    let i = seed;
    for (const strategy of results.strategies) {
      for (const point of strategy.points) {
        for (const run of point.runs) {
          i = (i * 7 + 3) % 11;
          const own = run.wallMs * factor;
          run.runQueueMs = own * 0.04 * i;
          run.wallMs = own + run.runQueueMs;
          run.loopWorkMs = run.wallMs / 2;
          run.model = { waitMs: run.idealMs / 4, cpuRoofMs: run.idealMs, serverRoofMs: 0, binding: 'cpu' };
        }
      }
    }
    return results;
  }

  it('law: own time is at most the wall, at least the wall or the wait roof, whichever is smaller, and the wall itself without a loop', () =>
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 2, noNaN: true }), fc.boolean(), (wallMs, share, waitShare, loop) => {
        const run = { ...buildResults().strategies[0]!.points[0]!.runs[0]!, wallMs, runQueueMs: share * wallMs, model: { waitMs: waitShare * wallMs, cpuRoofMs: 0, serverRoofMs: 0, binding: 'wait' as const } };
        const withLoop = loop ? { ...run, loopWorkMs: 1 } : run;
        const own = ownTime(withLoop);
        expect(own).toBeLessThanOrEqual(wallMs);
        expect(own).toBeGreaterThanOrEqual(Math.min(wallMs, waitShare * wallMs) - 1e-9);
        if (!loop) expect(own).toBe(wallMs);
      }),
      { seed: 17 },
    ));

  it('takes the wait for a CPU out: the same client on a busy machine is unchanged, not inconclusive', () => {
    const report = compareResults(contended(1), contended(2));
    expect(report.rows.every((r) => r.decision === 'unchanged')).toBe(true);
    // Compared on the wall alone, the same runs are too noisy to decide.
    const wallOnly = (r: Results) => {
      for (const s of r.strategies) for (const p of s.points) for (const run of p.runs) delete run.loopWorkMs;
      return r;
    };
    expect(compareResults(wallOnly(contended(1)), wallOnly(contended(2))).rows.some((r) => r.decision === 'inconclusive')).toBe(true);
  });

  it('still sees a slower client on a busy machine: 25% more own time regresses', () => {
    const report = compareResults(contended(1), contended(2, 1.25));
    expect(report.rows.every((r) => r.decision === 'regressed')).toBe(true);
  });
});

describe('compareResults: one machine speed', () => {
  /**
   * A CPU-bound point (wait roof a quarter of the wall) measured on a machine
   * that ran `speed` times slower: the time above the roof and the speed probe
   * both stretch by it, with ±2% run noise; `factor` makes the client itself slower.
   */
  function atSpeed(seed: number, speed: number, factor = 1, probe: boolean = true): Results {
    const results = buildResults({ seed, ns: [100, 400, 1600], noise: 0.02 });
    for (const strategy of results.strategies) {
      for (const point of strategy.points) {
        for (const run of point.runs) {
          const roof = run.wallMs / 4;
          run.wallMs = roof + (run.wallMs - roof) * speed * factor;
          run.model = { waitMs: roof, cpuRoofMs: run.wallMs, serverRoofMs: 0, binding: 'cpu' };
          // CPU-bound: the event loop's thread computed for all the time above the roof.
          run.loopWorkMs = run.wallMs;
          run.runQueueMs = 0;
          if (probe) run.probeMs = 1.3 * speed;
        }
      }
    }
    return results;
  }

  it('compares the time above the wait roof at the baseline\'s speed: the same client on a 30% slower machine is unchanged', () => {
    const report = compareResults(atSpeed(1, 1), atSpeed(2, 1.3));
    expect(report.rows.every((r) => r.decision === 'unchanged')).toBe(true);
    expect(report.speeds).toEqual({ baselineProbeMs: 1.3, currentProbeMs: expect.closeTo(1.69, 6) });
    expect(report.notes).toContainEqual(expect.stringMatching(/^machine speed: the current run's CPU probe took 1\.69 ms, the baseline's 1\.30 ms \(it ran 30% slower\)/));
    // Without the probe, the same runs read as a regression.
    expect(compareResults(atSpeed(1, 1, 1, false), atSpeed(2, 1.3, 1, false)).status).toBe('regression');
  });

  it('still sees a slower client on a slower machine: 25% more work at 30% less speed regresses', () => {
    const report = compareResults(atSpeed(1, 1), atSpeed(2, 1.3, 1.25));
    expect(report.rows.every((r) => r.decision === 'regressed')).toBe(true);
    // The ratio is the one an equally fast machine shows: own time 1/4 + 3/4 × 1.25 of the baseline's.
    const sameSpeed = compareResults(atSpeed(1, 1), atSpeed(2, 1, 1.25));
    report.rows.forEach((row, i) => expect(row.ratio).toBeCloseTo(sameSpeed.rows[i]!.ratio, 6));
    expect(report.rows[0]!.ratio).toBeCloseTo(1.1875, 1);
  });

  it('rescales only the CPU part of the time above the roof: waiting 25% longer on a 30% slower machine reads as on an equally fast one', () => {
    // A wait-bound client: its loop computes 2% of the roof; the current one holds every request longer.
    const waiting = (seed: number, speed: number, factor: number): Results => {
      const results = atSpeed(seed, 1);
      for (const strategy of results.strategies) {
        for (const point of strategy.points) {
          for (const run of point.runs) {
            const roof = run.model!.waitMs;
            run.loopWorkMs = 0.02 * roof * speed;
            run.wallMs = roof * factor + run.loopWorkMs;
            run.probeMs = 1.3 * speed;
          }
        }
      }
      return results;
    };
    const slowMachine = compareResults(waiting(1, 1, 1), waiting(2, 1.3, 1.25));
    const sameMachine = compareResults(waiting(1, 1, 1), waiting(2, 1, 1.25));
    slowMachine.rows.forEach((row, i) => expect(row.ratio).toBeCloseTo(sameMachine.rows[i]!.ratio, 2));
    expect(slowMachine.rows.every((r) => r.decision === 'regressed')).toBe(true);
  });

  it('names a side without a probe and compares as measured', () => {
    const report = compareResults(atSpeed(1, 1, 1, false), atSpeed(2, 1));
    expect(report.speeds).toBeNull();
    expect(report.notes).toContainEqual(expect.stringMatching(/^only one side timed the speed probe/));
  });
});

describe('compareResults: scaling verdicts', () => {
  it('fails on a verdict change flat → linear even when the medians barely move', () => {
    const baseline = buildResults({ noise: 0.02, seed: 1 });
    const current = buildResults({ noise: 0.02, seed: 2, plant: { strategy: 'concurrent', n: 160, factor: 1.02 }, verdicts: { concurrent: { class: 'linear' } } });
    const report = compareResults(baseline, current);
    expect(report.rows.filter((r) => r.decision === 'regressed')).toEqual([]);
    expect(report.verdictChanges).toEqual([{ kind: 'class-changed', strategy: 'concurrent', baseline: 'flat', current: 'linear', direction: 'worse' }]);
    expect(report).toMatchObject({ status: 'regression', exitCode: 1 });
  });

  it('fails when a pool got smaller: partial(1/4) → partial(1/2)', () => {
    const report = compareResults(buildResults(), buildResults({ verdicts: { 'bounded(4)': { class: 'partial', k: 2 } } }));
    expect(report.verdictChanges).toMatchObject([{ kind: 'class-changed', direction: 'worse' }]);
    expect(report.exitCode).toBe(1);
  });

  it('reports an inconclusive verdict on either side without failing', () => {
    const report = compareResults(buildResults({ verdicts: { sequential: { class: 'inconclusive' } } }), buildResults({ verdicts: { concurrent: { class: 'inconclusive' } } }));
    expect(report.verdictChanges).toEqual([
      { kind: 'inconclusive', strategy: 'sequential', baseline: 'inconclusive', current: 'linear', side: 'baseline' },
      { kind: 'inconclusive', strategy: 'concurrent', baseline: 'flat', current: 'inconclusive', side: 'current' },
    ]);
    expect(report).toMatchObject({ status: 'pass', exitCode: 0 });
  });
});

describe('compareResults: invalid strategies', () => {
  const cause = 'N = 160: 300 of 800 requests were lost beyond the faults the profile injected. 300 × EMFILE: the process ran out of file descriptors';
  const invalid = (results: Results, name: string): Results => ({
    ...results,
    strategies: results.strategies.map((s) => (s.name === name ? { ...s, scaling: { ...s.scaling, verdict: { class: 'invalid' as const }, reason: cause } } : s)),
  });

  it('fails the run (exit 2, not comparable) with the cause when a current strategy is invalid, even with every point unchanged', () => {
    const run = buildResults();
    const report = compareResults(run, invalid(run, 'concurrent'));
    expect(report).toMatchObject({ status: 'unusable', exitCode: 2 });
    expect(report.blockers).toEqual([`concurrent in the current run is invalid (requests lost to the machine, not to the profile): ${cause}`]);
    expect(renderGateReport(report)).toContain('EMFILE');
  });

  it('fails the same way when the baseline holds an invalid strategy', () => {
    const run = buildResults();
    const report = compareResults(invalid(run, 'sequential'), run);
    expect(report).toMatchObject({ status: 'unusable', exitCode: 2 });
    expect(report.blockers.join('\n')).toMatch(/^sequential in the baseline is invalid/);
  });
});

describe('compareResults: comparability', () => {
  it('is unusable (exit 2) when the profile differs, whatever the rows say', () => {
    const current = buildResults({ seed: 2, plant: { strategy: 'sequential', n: 10, factor: 2 } });
    const report = compareResults(buildResults(), withSettings(current, { profile: { ...current.settings.profile, name: 'lognormal-90' } }));
    expect(report).toMatchObject({ status: 'unusable', exitCode: 2 });
    expect(report.blockers.join('\n')).toMatch(/profile differs: "fixed-100" in the baseline, "lognormal-90" now/);
  });

  it('is unusable when the same profile name has another definition, or the payload differs', () => {
    const current = buildResults();
    const redefined = withSettings(current, { profile: { ...current.settings.profile, definition: { delay: { type: 'fixed', ms: 50 } } } });
    expect(compareResults(buildResults(), redefined).exitCode).toBe(2);
    expect(compareResults(buildResults(), withSettings(current, { payload: 'realistic' })).blockers.join('\n')).toMatch(/payload differs: slim in the baseline, realistic now/);
  });

  it('treats a profile definition with keys in another order as the same profile', () => {
    const current = buildResults();
    const reordered = withSettings(current, { profile: { name: 'fixed-100', seed: 1, definition: { delay: { ms: 100, type: 'fixed' } } } });
    expect(compareResults(buildResults(), reordered).status).toBe('pass');
  });

  it('notes another machine, naming the baseline machine, and another seed or client, but still decides', () => {
    const current = buildResults();
    const other: Results = {
      ...withSettings(current, { profile: { ...current.settings.profile, seed: 7 }, client: { ...current.settings.client, kind: 'fetch' } }),
      machine: { ...current.machine, cpus: 8, node: 'v22.1.0', cpuModel: 'Other CPU' },
    };
    const report = compareResults(buildResults(), other);
    expect(report.status).toBe('pass');
    const notes = report.notes.join('\n');
    expect(notes).toMatch(/machines differ \(cpus 2 → 8; node v20\.20\.0 → v22\.1\.0; cpu model "Test CPU @ 2\.0GHz" → "Other CPU"\)/);
    expect(notes).toMatch(/baseline was measured on linux-x64, 2 × Test CPU @ 2\.0GHz, node v20\.20\.0/);
    expect(notes).toMatch(/profile seed differs \(1 in the baseline, 7 now\)/);
    expect(notes).toMatch(/client settings differ \(kind undici → fetch\)/);
  });

  it('does not note a node patch upgrade', () => {
    const current = buildResults();
    const report = compareResults(buildResults(), { ...current, machine: { ...current.machine, node: 'v20.21.1' } });
    expect(report.notes).toEqual([]);
  });

  it('notes strategies and N present on one side only, and compares the rest', () => {
    const baseline = buildResults({ ns: [10, 40, 160] });
    const current = buildResults({ ns: [10, 40, 640] });
    const report = compareResults(baseline, { ...current, strategies: current.strategies.filter((s) => s.name !== 'sequential') });
    expect(report.rows.map((r) => `${r.strategy}@${r.n}`)).toEqual(['concurrent@10', 'concurrent@40', 'bounded(4)@10', 'bounded(4)@40']);
    const notes = report.notes.join('\n');
    expect(notes).toMatch(/sequential is in the baseline but was not run now/);
    expect(notes).toMatch(/concurrent: N = 160 only in the baseline/);
    expect(notes).toMatch(/concurrent: N = 640 only in the current run/);
  });

  it('is unusable when no point was measured in both runs', () => {
    const report = compareResults(buildResults({ ns: [10] }), buildResults({ ns: [20] }));
    expect(report).toMatchObject({ status: 'unusable', exitCode: 2, rows: [] });
    expect(report.blockers).toEqual([expect.stringMatching(/nothing to compare/)]);
  });

  it('notes a point whose number of failed requests changed', () => {
    const current = buildResults();
    const strategies = current.strategies.map((s) =>
      s.name !== 'concurrent' ? s : { ...s, points: s.points.map((p) => (p.n !== 40 ? p : { ...p, counts: { ...p.counts, ok: p.counts.ok - 3, timeout: 3 } })) },
    );
    const report = compareResults(buildResults(), { ...current, strategies });
    expect(report.notes).toEqual([expect.stringMatching(/^concurrent N=40: 3 of 200 requests did not end ok \(baseline: 0 of 200\)/)]);
  });
});

describe('compareResults: options', () => {
  it('names a bad option at the entry', () => {
    expect(() => compareResults(buildResults(), buildResults(), { threshold: 0 })).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_OPTION', option: 'threshold' }));
  });

  it('law: a lower threshold never turns a regression into a pass', () =>
    fc.assert(
      fc.property(seeds, fc.double({ min: 1, max: 2.5, noNaN: true }), fc.double({ min: 0.01, max: 0.3, noNaN: true }), ([a, b], factor, threshold) => {
        const baseline = buildResults({ noise: 0.1, seed: a, ns: [40] });
        const current = buildResults({ noise: 0.1, seed: b, ns: [40], plant: { strategy: 'sequential', n: 40, factor } });
        const strict = compareResults(baseline, current, { threshold: threshold / 2 });
        const loose = compareResults(baseline, current, { threshold });
        if (loose.status === 'regression') expect(strict.status).toBe('regression');
      }),
      { numRuns: 20 },
    ));
});
