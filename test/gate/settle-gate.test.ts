import { describe, expect, it } from 'vitest';
import { settleGate, type RerunPurpose } from '../../src/gate/settle-gate.ts';
import { poolRuns } from '../../src/gate/pool-runs.ts';
import type { Results } from '../../src/results/types.ts';
import { buildResults } from './build-results.ts';

const baseline = buildResults({ noise: 0.05, seed: 1 });

function only(results: Results, names: readonly string[]): Results {
  return { ...results, strategies: results.strategies.filter((s) => names.includes(s.name)) };
}

/** A rerun hook that serves `make(call)` and records what was asked. */
function recorder(make: (call: number, names: string[]) => Results) {
  const calls: { names: string[]; purpose: RerunPurpose }[] = [];
  return {
    calls,
    rerun: async (names: string[], purpose: RerunPurpose) => {
      calls.push({ names, purpose });
      return { current: only(make(calls.length, names), names) };
    },
  };
}

describe('settleGate', () => {
  it('passes a decided comparison with no rerun', async () => {
    const hooks = recorder(() => baseline);
    const gate = await settleGate(baseline, buildResults({ noise: 0.05, seed: 2 }), {}, {}, hooks);
    expect(gate).toMatchObject({ stop: 'decided', confirmation: null, rounds: [], report: { status: 'pass', exitCode: 0 } });
    expect(hooks.calls).toEqual([]);
  });

  it('confirms a regression with one rerun of the suspects and stops there (exit 1)', async () => {
    const slow = (seed: number) => buildResults({ noise: 0.05, seed, plant: { strategy: 'concurrent', n: 160, factor: 2 } });
    const hooks = recorder((call) => slow(10 + call));
    const gate = await settleGate(baseline, slow(2), {}, {}, hooks);
    expect(hooks.calls).toEqual([{ names: ['concurrent'], purpose: 'confirm' }]);
    expect(gate).toMatchObject({ stop: 'confirmed', confirmation: { suspects: ['concurrent'], reproduced: true }, report: { exitCode: 1 } });
  });

  it('treats a regression the rerun does not show as noise, the rerun standing for the strategy', async () => {
    const hooks = recorder((call) => buildResults({ noise: 0.05, seed: 10 + call }));
    const gate = await settleGate(baseline, buildResults({ noise: 0.05, seed: 2, plant: { strategy: 'concurrent', n: 160, factor: 2 } }), {}, {}, hooks);
    expect(gate).toMatchObject({ confirmation: { reproduced: false }, report: { status: 'pass', exitCode: 0 } });
    expect(gate.report.rows.find((r) => r.strategy === 'concurrent' && r.n === 160)?.decision).toBe('unchanged');
  });

  it('measures nothing again for points undecided alone when their strategy rules out a slowdown across its points', async () => {
    const ns = [100, 200, 400, 800, 1600, 3200];
    const base = buildResults({ ns, noise: 0.12, seed: 1, runs: 9 });
    const hooks = recorder(() => base);
    const gate = await settleGate(base, buildResults({ ns, noise: 0.12, seed: 2, runs: 9 }), {}, {}, hooks);
    expect(gate.report.rows.some((r) => r.decision === 'inconclusive')).toBe(true);
    expect(gate.report.across.every((a) => a.decision === 'unchanged')).toBe(true);
    expect(hooks.calls).toEqual([]);
    expect(gate).toMatchObject({ stop: 'decided', report: { status: 'pass', exitCode: 0 } });
  });

  it('adds repetitions to the strategies with undecided points only, pooling them until decided', async () => {
    // Two runs at concurrent N=40 are too few; each rerun adds two more.
    const current = buildResults({ noise: 0.02, seed: 2, plant: { strategy: 'concurrent', n: 40, runs: 2 } });
    const hooks = recorder((call) => buildResults({ noise: 0.02, seed: 20 + call, runs: 2 }));
    const gate = await settleGate(baseline, current, {}, {}, hooks);
    expect(hooks.calls).toEqual([{ names: ['concurrent'], purpose: 'decide' }]);
    expect(gate.first.status).toBe('inconclusive');
    expect(gate).toMatchObject({ stop: 'decided', report: { status: 'pass', exitCode: 0 } });
    expect(gate.report.rows.find((r) => r.strategy === 'concurrent' && r.n === 40)?.currentRuns).toBe(4);
  });

  it('pools a fresh baseline too when the caller measures both builds', async () => {
    const current = buildResults({ noise: 0.02, seed: 2, plant: { strategy: 'concurrent', n: 40, runs: 2 } });
    const shortBaseline = buildResults({ noise: 0.02, seed: 1, plant: { strategy: 'concurrent', n: 40, runs: 2 } });
    const gate = await settleGate(shortBaseline, current, {}, {}, {
      rerun: async (names) => ({ current: only(buildResults({ noise: 0.02, seed: 7, runs: 2 }), names), baseline: only(buildResults({ noise: 0.02, seed: 8, runs: 2 }), names) }),
    });
    expect(gate.report.rows.find((r) => r.strategy === 'concurrent' && r.n === 40)).toMatchObject({ baselineRuns: 4, currentRuns: 4, decision: 'unchanged' });
  });

  it('stops at --max-reruns and exits 3 naming the budget; --allow-inconclusive makes it a warning', async () => {
    const current = buildResults({ noise: 0.02, seed: 2, plant: { strategy: 'concurrent', n: 40, runs: 1 } });
    // Each rerun adds one run a point: 1 + 1 is still too few.
    const hooks = recorder((call) => buildResults({ noise: 0.02, seed: 20 + call, runs: 1 }));
    const gate = await settleGate(baseline, current, {}, { maxReruns: 1 }, hooks);
    expect(hooks.calls).toHaveLength(1);
    expect(gate).toMatchObject({ stop: 'max-reruns', report: { status: 'inconclusive', exitCode: 3 } });
    expect(gate.report.notes.at(-1)).toBe(
      'still undecided after 1 rerun: the rerun budget ran out at its 1 reruns (--max-reruns), with points of concurrent undecided. Raise the budget or --repeats, or quiet the machine.',
    );
    const lenient = await settleGate(baseline, current, { allowInconclusive: true }, { maxReruns: 1 }, recorder(() => buildResults({ runs: 1 })));
    expect(lenient.report).toMatchObject({ status: 'pass', exitCode: 0 });
  });

  it('starts no round past the time budget (virtual clock)', async () => {
    const current = buildResults({ noise: 0.02, seed: 2, plant: { strategy: 'concurrent', n: 40, runs: 1 } });
    let clock = 0;
    const hooks = recorder(() => {
      clock += 50_000;
      // Nothing at N = 40: the point stays undecided whatever the round.
      return buildResults({ ns: [10, 160] });
    });
    const gate = await settleGate(baseline, current, {}, { maxReruns: 10, seconds: 120 }, { ...hooks, now: () => clock });
    expect(hooks.calls).toHaveLength(3);
    expect(gate.stop).toBe('time-budget');
    expect(gate.report.notes.at(-1)).toMatch(/its 120 s \(--rerun-budget-s\)/);
  });

  it('names a bad budget', async () => {
    await expect(settleGate(baseline, baseline, {}, { maxReruns: -1 }, recorder(() => baseline))).rejects.toThrow('budget.maxReruns must be a whole number');
    await expect(settleGate(baseline, baseline, {}, { seconds: Number.NaN }, recorder(() => baseline))).rejects.toThrow('budget.seconds');
  });
});

describe('poolRuns', () => {
  it('appends runs and sums outcome counts at each shared point, leaving the rest alone', () => {
    const a = buildResults({ runs: 3, seed: 1 });
    const b = only(buildResults({ runs: 2, seed: 2 }), ['concurrent']);
    const pooled = poolRuns(a, b);
    const point = (r: Results, name: string) => r.strategies.find((s) => s.name === name)!.points[0]!;
    expect(point(pooled, 'concurrent').runs).toEqual([...point(a, 'concurrent').runs, ...point(b, 'concurrent').runs]);
    expect(point(pooled, 'concurrent').counts.ok).toBe(point(a, 'concurrent').counts.ok + point(b, 'concurrent').counts.ok);
    expect(point(pooled, 'sequential')).toBe(point(a, 'sequential'));
  });
});
