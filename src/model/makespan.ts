/**
 * The oracle: the ideal makespan of each strategy from the delays the server
 * applied, d₁..d_N in input order (the *wait roof*, DESIGN.md "The scaling
 * model"). Pure arithmetic, no clock: strategies in virtual time must match
 * it exactly.
 */
import type { Strategy } from '../types.ts';
import { InvalidArgumentError } from '../stats/invalid-argument-error.ts';

/** A strategy family, as in {@link Strategy.kind}. */
export type StrategyKind = Strategy['kind'];

/** Σ dᵢ: one request at a time. */
export function sequentialMakespan(delays: readonly number[]): number {
  let total = 0;
  for (const d of delays) total += d;
  return total;
}

/** max dᵢ (0 for no requests): all at once. */
export function concurrentMakespan(delays: readonly number[]): number {
  let max = 0;
  for (const d of delays) if (d > max) max = d;
  return max;
}

/**
 * List scheduling on k slots in input order: each request starts on the slot
 * that frees first. The model of `bounded(k)` and `workers(k)`.
 *
 * @example listScheduleMakespan(2, [3, 1, 1, 1]) // 3: slot B runs 1, 1, 1
 */
export function listScheduleMakespan(k: number, delays: readonly number[]): number {
  const slots = Array.from({ length: Math.min(k, delays.length) }, () => 0);
  let makespan = 0;
  for (const d of delays) {
    // A linear scan beats a heap at the k (≤ a few hundred) the kit uses, and
    // it is obviously right, which matters more in an oracle.
    let earliest = 0;
    for (let s = 1; s < slots.length; s++) if ((slots[s] as number) < (slots[earliest] as number)) earliest = s;
    const end = (slots[earliest] as number) + d;
    slots[earliest] = end;
    if (end > makespan) makespan = end;
  }
  return makespan;
}

/**
 * Σ over consecutive chunks of k of the chunk's max: a barrier after each
 * chunk. The model of `batched(k)`.
 *
 * @example batchedMakespan(2, [3, 1, 1, 1]) // 3 + 1
 */
export function batchedMakespan(k: number, delays: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < delays.length; i += k) total += concurrentMakespan(delays.slice(i, i + k));
  return total;
}

/**
 * Ideal makespan (ms, or whatever unit the delays are in) of a strategy
 * family over the applied delays, in input order.
 *
 * @param kind - the strategy family.
 * @param k - slots; required for `bounded`, `batched` and `workers`, ignored otherwise.
 * @param delays - applied delays, each finite and ≥ 0.
 * @throws InvalidArgumentError for a missing or non-positive-integer `k` where
 *   one is needed, or a negative / non-finite delay.
 * @example idealMakespan('bounded', 2, [100, 100, 100]) // 200
 */
export function idealMakespan(kind: StrategyKind, k: number | undefined, delays: readonly number[]): number {
  const bad = delays.findIndex((d) => !(Number.isFinite(d) && d >= 0));
  if (bad !== -1) {
    throw new InvalidArgumentError('delays', `idealMakespan: delays[${bad}] must be a finite number ≥ 0, got ${delays[bad]}.`);
  }
  switch (kind) {
    case 'sequential':
      return sequentialMakespan(delays);
    case 'concurrent':
      return concurrentMakespan(delays);
    case 'bounded':
    case 'workers':
      return listScheduleMakespan(checkK(kind, k), delays);
    case 'batched':
      return batchedMakespan(checkK(kind, k), delays);
    default:
      throw new InvalidArgumentError('kind', `idealMakespan: unknown strategy kind ${JSON.stringify(kind)}.`);
  }
}

function checkK(kind: StrategyKind, k: number | undefined): number {
  if (k === undefined || !Number.isInteger(k) || k < 1) {
    throw new InvalidArgumentError('k', `idealMakespan: ${kind} needs k, a positive integer, got ${k}.`);
  }
  return k;
}
