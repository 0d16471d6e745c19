/**
 * A small seeded PRNG for resampling. Statistics never call `Math.random()`:
 * the same seed gives the same bootstrap interval, so a verdict can be replayed.
 */
import { InvalidArgumentError } from '../../mock-server/errors/index.ts';

/** A generator of uniform floats in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32 (Tommy Ettinger): 32-bit state, period 2³², fast and good enough
 * for bootstrap resampling (not for cryptography).
 *
 * @param seed - any integer; taken modulo 2³².
 * @example const rng = mulberry32(42); rng(); // same value on every run
 */
export function mulberry32(seed: number): Rng {
  if (!Number.isInteger(seed)) {
    throw new InvalidArgumentError('seed', `mulberry32: seed must be an integer, got ${seed}.`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n) drawn from `rng`. */
export function randomIndex(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}
