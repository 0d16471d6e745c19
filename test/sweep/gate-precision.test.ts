import { describe, expect, it } from 'vitest';
import { concurrent } from '../../src/strategies/index.ts';
import { gatePrecision } from '../../src/sweep/gate-precision.ts';
import type { SweepCell } from '../../src/sweep/index.ts';
import { mulberry32 } from '../../src/stats/prng.ts';
import { syntheticRun } from './synthetic-runs.ts';

const strategy = concurrent();
const more = gatePrecision({ cpus: 2 });

/** A CPU-bound point (30 ms delays, ~150 ms wall): `runs` runs whose wall varies by ± `noise`, seeded. */
function cell(runs: number, noise: number, seed = 1): SweepCell {
  const rng = mulberry32(seed);
  const trials = Array.from({ length: runs }, () => {
    const wall = 150 * (1 + noise * (2 * rng() - 1));
    return syntheticRun(strategy, 200, { delays: [30], wall, cpu: wall, loop: wall, lost: 0 });
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
});
