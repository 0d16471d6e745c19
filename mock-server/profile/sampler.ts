/**
 * The delay of each request, keyed by the request rather than by arrival
 * order: `sampleDelay(profile, route, key, n)` is a pure function, and a
 * sampler only counts how many times each (route, key) has been asked for.
 * Same profile + seed ⇒ the same delay for the n-th request of a key, in
 * every run, process and replica, whatever the interleaving.
 */
import { hashString, keyedUniforms, seedKey, uniformsOf } from './counter-rng.ts';
import { drawFrom } from './distribution.ts';
import type { Clamp, Distribution, Fault, Profile, RouteName } from './schema.ts';

/**
 * The largest delay ever returned: `setTimeout`'s limit (2^31 - 1 ms, ~24.8
 * days). Node turns a longer timeout into 1 ms, so a heavy tail without a
 * clamp would otherwise answer *instantly*.
 */
export const MAX_DELAY_MS = 2_147_483_647;

/** The delay distribution and clamp that apply to one route. */
export interface RouteDelay {
  delay: Distribution;
  clamp: Clamp | undefined;
}

/**
 * What applies to `route`: the route's own `delay` and `clamp` where it has
 * them, the profile's otherwise. A route clamp replaces the global clamp
 * whole (no field-wise merge).
 */
export function resolveRoute(profile: Profile, route: RouteName): RouteDelay {
  const override = profile.routes?.[route];
  return { delay: override?.delay ?? profile.delay, clamp: override?.clamp ?? profile.clamp };
}

/**
 * Rounds a raw draw to 0.01 ms (the precision `x-mock-delay-ms` carries, and
 * a margin against last-bit differences in `Math.exp`/`Math.log` between
 * engines), then applies the clamp and {@link MAX_DELAY_MS}. Clamping after
 * rounding means a clamp bound is never crossed.
 */
export function finishDelay(raw: number, clamp: Clamp | undefined): number {
  const rounded = Math.round(raw * 100) / 100;
  const low = Math.max(rounded, clamp?.min ?? 0, 0);
  return Math.min(low, clamp?.max ?? MAX_DELAY_MS, MAX_DELAY_MS);
}

/**
 * The delay in ms of the `n`-th request (0-based) for `key` on `route`: a
 * pure function of (profile.seed, route, key, n) and the profile's
 * distributions. Rounded to 0.01 ms, then clamped (see {@link finishDelay}).
 *
 * @example
 * const profile = parseProfile({ seed: 7, delay: { type: 'lognormal', median: 90, sigma: 0.7 } });
 * sampleDelay(profile, 'pokemon', '25', 0) // the same value in every run
 */
export function sampleDelay(profile: Profile, route: RouteName, key: string, n: number): number {
  const { delay, clamp } = resolveRoute(profile, route);
  return finishDelay(drawFrom(delay, keyedUniforms(profile.seed, route, key, n)), clamp);
}

/**
 * A draw named by the request rather than by this process's counter: `n`, the
 * key's n-th draw (the same delay a fresh single process gives the n-th
 * request of the key), or `salt`, a free-form name (a run id and a request
 * index, say) whose hash picks the stream. Parsed from a request header by
 * `parseDrawHeader` in `mock-server/core/draw-header.ts`.
 */
export type DrawName = { n: number; salt?: undefined } | { n?: undefined; salt: string };

/** Hands out delays and counts requests per (route, key). */
export interface DelaySampler {
  /** The profile the delays come from. */
  readonly profile: Profile;
  /** The delay for the next request of `key` on `route`; advances that key's counter. */
  delayFor(route: RouteName, key: string): number;
  /**
   * The delay and the fault (if any) for `key` on `route`. Without `name`,
   * the key's next draw in this process (advances its counter); with a
   * {@link DrawName}, that named draw (no counter is touched), so the answer
   * does not depend on which process or replica is asked.
   */
  draw(route: RouteName, key: string, name?: DrawName): { delayMs: number; fault: Fault | undefined };
  /** Restarts every key's counter, so the next requests get the same delays as the first ones did. */
  reset(): void;
}

/**
 * The counter index of the fault draw: far from the indices a delay uses
 * (0, 1, … one per mixture level), so the fault is independent of the delay
 * and adding faults to a profile leaves its delays unchanged.
 */
const FAULT_STREAM = 0xffff_fff0;

/**
 * The counter of a named draw: `{ n }` is the key's n-th draw; a free-form
 * name hashes `route \0 key \1 name` (a string no unnamed key can produce)
 * and takes draw 0 of that stream. A pure function: no state is kept.
 */
function namedEntry(id: string, name: DrawName): { n: number; h0: number; h1: number } {
  if (name.salt === undefined) {
    const [h0, h1] = hashString(id);
    return { n: name.n, h0, h1 };
  }
  const [h0, h1] = hashString(`${id}\u0001${name.salt}`);
  return { n: 0, h0, h1 };
}

/** The fault whose slice of [0, 1) holds `u`, or none (probabilities sum to at most 1). */
export function pickFault(faults: readonly Fault[], u: number): Fault | undefined {
  let edge = 0;
  for (const fault of faults) {
    edge += fault.probability;
    if (u < edge) return fault;
  }
  return undefined;
}

/**
 * A sampler for `profile`. Its only state is one counter per (route, key)
 * asked for: small, and the same in every process that saw the same requests.
 *
 * @example
 * const sampler = createDelaySampler(await loadProfile('pokeapi-like'));
 * sampler.delayFor('pokemon', '25'); // = sampleDelay(profile, 'pokemon', '25', 0)
 * sampler.delayFor('pokemon', '25'); // = sampleDelay(profile, 'pokemon', '25', 1)
 */
export function createDelaySampler(profile: Profile): DelaySampler {
  // The mock's request path: what is fixed per profile, per route and per key
  // is computed once, so a request costs one Map lookup and one Philox draw.
  // The result is exactly sampleDelay(profile, route, key, n).
  const philoxKey = seedKey(profile.seed);
  const routes = new Map<RouteName, RouteDelay>();
  const keys = new Map<string, { n: number; h0: number; h1: number }>();
  const faults = new Map<RouteName, Fault[]>();
  const draw = (route: RouteName, key: string, name?: DrawName) => {
    const id = `${route}\u0000${key}`;
    let entry = name === undefined ? keys.get(id) : namedEntry(id, name);
    if (entry === undefined) {
      const [h0, h1] = hashString(id);
      entry = { n: 0, h0, h1 };
      keys.set(id, entry);
    }
    let resolved = routes.get(route);
    if (resolved === undefined) {
      resolved = resolveRoute(profile, route);
      routes.set(route, resolved);
      faults.set(route, (profile.faults ?? []).filter((f) => f.probability > 0 && (!f.routes || f.routes.includes(route))));
    }
    const n = entry.n;
    if (name === undefined) entry.n += 1;
    const uniforms = uniformsOf(philoxKey, entry.h0, entry.h1, n);
    const delayMs = finishDelay(drawFrom(resolved.delay, uniforms), resolved.clamp);
    const candidates = faults.get(route)!;
    return { delayMs, fault: candidates.length ? pickFault(candidates, uniforms(FAULT_STREAM)) : undefined };
  };
  return {
    profile,
    draw,
    delayFor: (route, key) => draw(route, key).delayMs,
    reset() {
      keys.clear();
    },
  };
}
