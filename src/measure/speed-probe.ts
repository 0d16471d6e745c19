/**
 * How fast this thread runs JavaScript right now: the time of one fixed,
 * deterministic piece of CPU work. A shared machine's speed drifts: another
 * tenant on the same physical core (which no run-queue counter shows) made
 * every run of a 25-second `pokebench run` about 25% slower in CPU, client
 * and mock alike, while the next run was not. Timed beside each run, the
 * probe lets the gate compare CPU-bound time at one machine speed
 * (docs/design.md "The gate").
 */

/** Words the probe walks: 64 KiB, so it reads from the caches as request code does. */
const WORDS = 16_384;
/** Passes over them: about 1 ms of work on a 2.6 GHz core. */
const PASSES = 48;

const table = new Uint32Array(WORDS);
// The walk's result is kept here, so the work cannot be optimised away.
let sink = 0;

/**
 * One probe: a data-dependent walk over a 64 KiB table with integer hashing,
 * the same work every call, no allocation (so no garbage collection in it).
 *
 * @param now - monotonic clock, ms. @defaultValue `performance.now`
 * @returns the probe's time, ms (> 0).
 * @example const ms = speedProbe(); // ≈ 1 on an idle 2.6 GHz core
 */
export function speedProbe(now: () => number = () => performance.now()): number {
  const start = now();
  let x = 0x9e3779b9;
  for (let pass = 0; pass < PASSES; pass++) {
    for (let i = 0; i < WORDS; i++) {
      x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0;
      const j = (x ^ i) & (WORDS - 1);
      table[j] = ((table[j] as number) + x) >>> 0;
    }
  }
  sink ^= x ^ (table[x & (WORDS - 1)] as number);
  return Math.max(now() - start, Number.MIN_VALUE);
}
