import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/gate/compare.ts';
import { confirmRegression, regressedStrategies } from '../../src/gate/confirm.ts';
import type { Results } from '../../src/results/types.ts';
import { buildResults } from './build-results.ts';

const baseline = buildResults({ noise: 0.05, seed: 1 });
const slowConcurrent = buildResults({ noise: 0.05, seed: 2, plant: { strategy: 'concurrent', n: 160, factor: 2 } });

function only(results: Results, names: readonly string[]): Results {
  return { ...results, strategies: results.strategies.filter((s) => names.includes(s.name)) };
}

describe('regressedStrategies', () => {
  it('names the strategies with a regressed point or a changed scaling class, once each', () => {
    const current = buildResults({ noise: 0.05, seed: 2, plant: { strategy: 'concurrent', n: 160, factor: 2 }, verdicts: { 'bounded(4)': { class: 'linear' }, concurrent: { class: 'linear' } } });
    expect(regressedStrategies(compareResults(baseline, current))).toEqual(['concurrent', 'bounded(4)']);
  });

  it('names nothing for a passing comparison', () => {
    expect(regressedStrategies(compareResults(baseline, buildResults({ noise: 0.05, seed: 3 })))).toEqual([]);
  });
});

describe('confirmRegression', () => {
  it('does not rerun when the first comparison passes', async () => {
    const first = compareResults(baseline, buildResults({ noise: 0.05, seed: 3 }));
    const calls: string[][] = [];
    const gate = await confirmRegression(baseline, first, {}, async (names) => {
      calls.push(names);
      return baseline;
    });
    expect(gate).toEqual({ kind: 'not-needed', report: first });
    expect(calls).toEqual([]);
  });

  it('reruns only the suspects and exits 1 when the rerun regresses again', async () => {
    const calls: string[][] = [];
    const gate = await confirmRegression(baseline, compareResults(baseline, slowConcurrent), {}, async (names) => {
      calls.push(names);
      return only(buildResults({ noise: 0.05, seed: 4, plant: { strategy: 'concurrent', n: 160, factor: 2 } }), names);
    });
    expect(calls).toEqual([['concurrent']]);
    expect(gate).toMatchObject({ kind: 'confirmed', suspects: ['concurrent'], report: { exitCode: 1 } });
    expect(gate.report.rows.every((r) => r.strategy === 'concurrent')).toBe(true);
  });

  it('treats a regression the rerun does not reproduce as noise (exit 0)', async () => {
    const gate = await confirmRegression(baseline, compareResults(baseline, slowConcurrent), {}, async (names) => only(buildResults({ noise: 0.05, seed: 4 }), names));
    expect(gate).toMatchObject({ kind: 'not-reproduced', suspects: ['concurrent'], report: { status: 'pass', exitCode: 0 } });
    if (gate.kind !== 'not-needed') expect(gate.first.exitCode).toBe(1);
  });

  it('compares the rerun under the same options as the first comparison', async () => {
    // A 1.3× slowdown regresses at a 10% threshold but not at 50%.
    const mild = buildResults({ noise: 0.02, seed: 5, plant: { strategy: 'concurrent', n: 160, factor: 1.3 } });
    const first = compareResults(baseline, mild, { threshold: 0.1 });
    expect(first.exitCode).toBe(1);
    const gate = await confirmRegression(baseline, first, { threshold: 0.5 }, async (names) => only(mild, names));
    expect(gate.report.options.threshold).toBe(0.5);
    expect(gate).toMatchObject({ kind: 'not-reproduced', report: { exitCode: 0 } });
  });
});
