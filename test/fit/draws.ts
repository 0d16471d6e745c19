/**
 * Seeded draws for the fit tests: n values from a distribution by the mock's
 * own `drawFrom`, with uniforms from the counter-based generator keyed by a
 * seed fast-check generates, so a failing case replays and shrinks. No
 * Math.random().
 */
import { drawFrom, keyedUniforms, type Distribution } from '../../mock-server/profile/index.ts';

/** `n` draws from `dist` for `seed`, in draw order. */
export function draws(dist: Distribution, n: number, seed: number): number[] {
  return Array.from({ length: n }, (_, i) => drawFrom(dist, keyedUniforms(seed, 'fit-test', 'draws', i)));
}

/** {@link draws}, ascending. */
export function sortedDraws(dist: Distribution, n: number, seed: number): number[] {
  return draws(dist, n, seed).toSorted((a, b) => a - b);
}
