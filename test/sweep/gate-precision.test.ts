import { describe, expect, it } from 'vitest';
import { concurrent } from '../../src/strategies/index.ts';
import { gatePrecision } from '../../src/sweep/gate-precision.ts';
import type { SweepCell } from '../../src/sweep/index.ts';
import { mulberry32 } from '../../src/stats/prng.ts';
import { syntheticRun } from './synthetic-runs.ts';

const strategy = concurrent();
const more = gatePrecision({ cpus: 2 });

/** A CPU-bound point (30 ms delays, ~150 ms wall): `runs` runs whose wall varies by ± `noise`, seeded. */
function cell(runs: number, noise: number, seed = 1, probeMs?: (i: number) => number): SweepCell {
  const rng = mulberry32(seed);
  const trials = Array.from({ length: runs }, (_, i) => {
    const wall = 150 * (1 + noise * (2 * rng() - 1));
    const run = syntheticRun(strategy, 200, { delays: [30], wall, cpu: wall, loop: wall, lost: 0 });
    if (probeMs) run.probeMs = probeMs(i);
    return run;
  });
  return { strategy, n: 200, trials, failures: [] };
}

describe('gatePrecision', () => {
  it('asks for runs until there are 3', () => {
    expect(more(cell(2, 0))).toBe(true);
  });

  it('stops a point whose runs agree, and goes on with one that is noisy, whatever the seed', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      expect(more(cell(5, 0.01, seed))).toBe(false);
      expect(more(cell(5, 0.3, seed))).toBe(true);
    }
  });

  it('takes a slower machine out: runs 30% apart in time but not in probe-scaled work are decided', () => {
    // Every other run on a machine 30% slower, its probe 30% longer: the same work.
    const slowEvery = (i: number) => (i % 2 === 0 ? 1 : 1.3);
    const mixed = cell(6, 0.01, 1, slowEvery);
    for (const [i, run] of mixed.trials.entries()) run.wallMs = 30 + (run.wallMs - 30) * slowEvery(i);
    expect(more(mixed)).toBe(false);
    // Without the probe the same walls are too far apart to stop (a fresh rule: one caches each trial's summary).
    const unprobed = { ...mixed, trials: mixed.trials.map(({ probeMs: _probe, ...run }) => run) };
    expect(gatePrecision({ cpus: 2 })(unprobed)).toBe(true);
  });
});
