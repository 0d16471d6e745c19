/**
 * When each request ideally starts, per strategy, from the applied delays in
 * input order. With these, a virtual-time test checks every record's start,
 * not just the makespan; a report can draw the ideal Gantt chart.
 */
import { InvalidArgumentError } from '../../mock-server/errors/index.ts';
import type { StrategyKind } from './makespan.ts';

/**
 * Ideal start time of each request (same unit as the delays), in input order.
 * For list scheduling the start of request i is the earliest slot free time
 * after i − 1 assignments, which does not depend on how ties between slots
 * are broken, so a correct strategy reproduces it exactly.
 *
 * @param k - slots; required for `bounded`, `batched` and `workers`.
 * @throws InvalidArgumentError for a missing or invalid `k` where one is
 *   needed, or a negative / non-finite delay.
 * @example idealStarts('batched', 2, [3, 1, 1]) // [0, 0, 3]
 */
export function idealStarts(kind: StrategyKind, k: number | undefined, delays: readonly number[]): number[] {
  const bad = delays.findIndex((d) => !(Number.isFinite(d) && d >= 0));
  if (bad !== -1) {
    throw new InvalidArgumentError('delays', `idealStarts: delays[${bad}] must be a finite number ≥ 0, got ${delays[bad]}.`);
  }
  if (kind === 'sequential') {
    let t = 0;
    return delays.map((d) => {
      const start = t;
      t += d;
      return start;
    });
  }
  if (kind === 'concurrent') return delays.map(() => 0);
  if (k === undefined || !Number.isInteger(k) || k < 1) {
    throw new InvalidArgumentError('k', `idealStarts: ${kind} needs k, a positive integer, got ${k}.`);
  }
  if (kind === 'batched') {
    let chunkStart = 0;
    let chunkMax = 0;
    return delays.map((d, i) => {
      if (i > 0 && i % k === 0) {
        chunkStart += chunkMax;
        chunkMax = 0;
      }
      chunkMax = Math.max(chunkMax, d);
      return chunkStart;
    });
  }
  const free = Array.from({ length: Math.min(k, delays.length) }, () => 0);
  return delays.map((d) => {
    let slot = 0;
    for (let s = 1; s < free.length; s++) if ((free[s] as number) < (free[slot] as number)) slot = s;
    const start = free[slot] as number;
    free[slot] = start + d;
    return start;
  });
}
