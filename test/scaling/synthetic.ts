/** Test helper: synthetic sweeps with seeded noise (never Math.random). */
import { mulberry32, type Rng } from '../../src/stats/prng.ts';
import type { SweepPoint } from '../../src/scaling/analyze-scaling.ts';

/** Geometric N, as the design asks for: 50 … 1600. */
export const SWEEP_NS = [50, 100, 200, 400, 800, 1600];

/** Roughly normal noise with mean 0 and sd 1 (Irwin–Hall of 12 uniforms). */
export function gaussian(rng: Rng): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += rng();
  return sum - 6;
}

/**
 * A sweep whose true time is `truth(n)`, with `reps` repetitions per N and
 * multiplicative noise of relative sd `relSd`, from `seed`.
 */
export function sweep(truth: (n: number) => number, opts: { seed: number; reps?: number; relSd?: number; ns?: readonly number[] }): SweepPoint[] {
  const rng = mulberry32(opts.seed);
  const reps = opts.reps ?? 5;
  const relSd = opts.relSd ?? 0.03;
  return (opts.ns ?? SWEEP_NS).map((n) => ({
    n,
    times: Array.from({ length: reps }, () => truth(n) * (1 + relSd * gaussian(rng))),
  }));
}
