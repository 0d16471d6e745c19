/**
 * The distribution of body sizes of a store, for the fixture script and the
 * tests that hold the realistic payload near live PokeAPI's sizes.
 */
import type { PokemonStore } from './pokemon-store.ts';

/** Body sizes in bytes. */
export interface SizeDistribution {
  count: number;
  min: number;
  median: number;
  p90: number;
  max: number;
  total: number;
}

/** Quantile `q` (0..1) of ascending `sorted`, interpolating linearly between ranks. */
function quantileSorted(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const below = sorted[lo] ?? 0;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] ?? below;
  return below + (above - below) * (pos - lo);
}

/**
 * Summarizes sizes: min, median, p90 (linear interpolation between ranks),
 * max and total. Pure. Throws a RangeError on an empty list.
 *
 * @example
 * summarizeSizes([3, 1, 2]); // { count: 3, min: 1, median: 2, p90: 2.8, max: 3, total: 6 }
 */
export function summarizeSizes(sizes: readonly number[]): SizeDistribution {
  if (sizes.length === 0) throw new RangeError('sizes must not be empty.');
  const sorted = sizes.toSorted((a, b) => a - b);
  return {
    count: sorted.length,
    min: sorted[0] ?? 0,
    median: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    max: sorted[sorted.length - 1] ?? 0,
    total: sorted.reduce((sum, v) => sum + v, 0),
  };
}

/**
 * The size distribution of every body in a store.
 *
 * @example
 * bodySizeDistribution(createPokemonStore({ payload: 'realistic', origin })).median; // ~100 KB
 */
export function bodySizeDistribution(store: PokemonStore): SizeDistribution {
  const sizes: number[] = [];
  for (let id = 1; id <= store.count; id++) sizes.push(store.bodyById(id)?.length ?? 0);
  return summarizeSizes(sizes);
}
