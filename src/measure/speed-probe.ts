/**
 * How fast this thread runs JavaScript right now: the time of one fixed,
 * deterministic piece of CPU work, less any time the thread waited for a CPU
 * meanwhile (Linux: its run-queue wait, `thread-sched`), so a neighbour that
 * takes the core for a moment does not read as a slow machine. A shared machine's speed drifts: another
 * tenant on the same physical core (which no run-queue counter shows) made
 * every run of a 25-second `pokebench run` about 25% slower in CPU, client
 * and mock alike, while the next run was not. Timed beside each run, the
 * probe lets the gate compare CPU-bound time at one machine speed
 * (docs/design.md "The gate").
 */

import { schedSince, threadSched } from '../../mock-server/thread-sched/index.ts';

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
 * The first calls run before V8 has optimised it: warm it with a few calls
 * before timing anything (`warmSpeedProbe`).
 *
 * @param now - monotonic clock, ms. @defaultValue `performance.now`
 * @returns the probe's time, ms (> 0), less the thread's run-queue wait over it where the kernel tells.
 * @example const ms = speedProbe(); // ≈ 1.3 on an idle 2.6 GHz core
 */
export function speedProbe(now: () => number = () => performance.now()): number {
  const before = threadSched();
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
  const elapsed = now() - start;
  const waited = schedSince(before, threadSched())?.runQueueMs ?? 0;
  return Math.max(elapsed - waited, Number.MIN_VALUE);
}

/** Runs the probe until V8 has optimised it (a few dozen milliseconds at most), so the first timed probe is not an interpreted one. */
export function warmSpeedProbe(): void {
  for (let i = 0; i < 20; i++) speedProbe();
}

/**
 * The machine's speed around one run: the fastest of `probes` taken around
 * it. Noise only adds time to fixed work (a GC thread or an interrupt on the
 * core, a tick of another process), while a slower machine slows every probe
 * alike, so the fastest is its speed.
 *
 * @example const speed = fastestProbe([speedProbe(), speedProbe(), …]);
 */
export function fastestProbe(probes: readonly number[]): number {
  return Math.min(...probes);
}
