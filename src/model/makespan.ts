/**
 * The oracle: the ideal makespan of each strategy from the delays the server
 * applied, d₁..d_N in input order (the *wait roof*, docs/design.md "The
 * model"). Pure arithmetic, no clock: strategies in virtual time must match
 * it exactly.
 */
import type { Strategy } from '../types/index.ts';
import { InvalidArgumentError } from '../../mock-server/errors/index.ts';

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
 * A server concurrency cap c (the profile's `concurrency.max`) serves at most
 * c requests at once, FIFO: then a fan-out of k slots runs as list scheduling
 * on min(k, c) slots (concurrent: on c), because the server queue always
 * holds the next requests in input order. Batches of k run each on min(k, c).
 *
 * @param kind - the strategy family.
 * @param k - slots; required for `bounded`, `batched` and `workers`, ignored otherwise.
 * @param delays - applied delays, each finite and ≥ 0.
 * @param serverCap - the server's concurrency cap, a positive integer; none when undefined.
 * @throws InvalidArgumentError for a missing or non-positive-integer `k` where
 *   one is needed, a bad `serverCap`, or a negative / non-finite delay.
 * @example idealMakespan('bounded', 2, [100, 100, 100]) // 200
 * @example idealMakespan('concurrent', undefined, [100, 100, 100], 1) // 300
 */
export function idealMakespan(kind: StrategyKind, k: number | undefined, delays: readonly number[], serverCap?: number): number {
  const bad = delays.findIndex((d) => !(Number.isFinite(d) && d >= 0));
  if (bad !== -1) {
    throw new InvalidArgumentError('delays', `idealMakespan: delays[${bad}] must be a finite number ≥ 0, got ${delays[bad]}.`);
  }
  if (serverCap !== undefined && !(Number.isInteger(serverCap) && serverCap >= 1)) {
    throw new InvalidArgumentError('serverCap', `idealMakespan: serverCap must be a positive integer, got ${serverCap}.`);
  }
  const cap = serverCap ?? Number.POSITIVE_INFINITY;
  switch (kind) {
    case 'sequential':
      return sequentialMakespan(delays);
    case 'concurrent':
      return cap < delays.length ? listScheduleMakespan(cap, delays) : concurrentMakespan(delays);
    case 'bounded':
    case 'workers':
      return listScheduleMakespan(Math.min(checkK(kind, k), cap), delays);
    case 'batched': {
      const size = checkK(kind, k);
      if (cap >= size) return batchedMakespan(size, delays);
      let total = 0;
      for (let i = 0; i < delays.length; i += size) total += listScheduleMakespan(cap, delays.slice(i, i + size));
      return total;
    }
    default:
      throw new InvalidArgumentError('kind', `idealMakespan: unknown strategy kind ${JSON.stringify(kind)}.`);
  }
}

/**
 * The pool size a strategy's slope is judged against, under an optional
 * server cap: k for a pool, c for a capped concurrent fan-out, min(k, c) for
 * a capped pool; undefined when the strategy is not a pool (sequential,
 * uncapped concurrent). A cap of c makes any strategy at most `partial(1/c)`.
 */
export function effectivePoolSize(kind: StrategyKind, k: number | undefined, serverCap?: number): number | undefined {
  if (kind === 'sequential') return undefined;
  const slots = kind === 'concurrent' ? undefined : k;
  if (serverCap === undefined) return slots;
  return slots === undefined ? serverCap : Math.min(slots, serverCap);
}

function checkK(kind: StrategyKind, k: number | undefined): number {
  if (k === undefined || !Number.isInteger(k) || k < 1) {
    throw new InvalidArgumentError('k', `idealMakespan: ${kind} needs k, a positive integer, got ${k}.`);
  }
  return k;
}
