/**
 * Fields PokeAPI has and @pkmn/dex 0.10 does not (base experience, effort
 * values, height, sort order), estimated deterministically from what it has.
 * Pure: takes plain numbers and an evolution forest, no Dex access.
 */
import type { SixStats } from './fixture-format.ts';

/** Where a species sits in its evolution family. */
export interface EvolutionPlace {
  /** Evolutions before it (0 for a family's root). */
  depth: number;
  /** Evolutions after it along the longest branch (0 for a final form). */
  below: number;
  /** Legendary, mythical, ultra beast or paradox. */
  special: boolean;
}

/**
 * Base experience, from the base-stat total by evolution stage. The factors
 * reproduce PokeAPI's values for e.g. Bulbasaur 64, Ivysaur 142, Venusaur
 * 236, Tauros 172, Mewtwo 340.
 */
export function estimateBaseExperience(stats: SixStats, place: EvolutionPlace): number {
  const total = stats.reduce((sum, v) => sum + v, 0);
  let factor: number;
  if (place.special) factor = 0.5;
  else if (place.depth === 0 && place.below > 0) factor = 0.2;
  else if (place.below > 0) factor = 0.35;
  else if (place.depth >= 2) factor = 0.45;
  else factor = 0.35;
  return Math.round(total * factor);
}

/**
 * Effort values: 1 for a family's root, 2 for middle stages, two-stage finals
 * and single-stage species, 3 for three-stage finals and special species; all
 * on the highest base stat (the first one on ties).
 */
export function estimateEffort(stats: SixStats, place: EvolutionPlace): SixStats {
  let points: number;
  if (place.special) points = 3;
  else if (place.depth === 0 && place.below > 0) points = 1;
  else if (place.below === 0 && place.depth >= 2) points = 3;
  else points = 2;
  let best = 0;
  stats.forEach((v, i) => {
    if (v > (stats[best] ?? 0)) best = i;
  });
  const effort = [0, 0, 0, 0, 0, 0];
  effort[best] = points;
  return effort as unknown as SixStats;
}

/**
 * Height in decimetres from weight in hectograms, assuming a typical build
 * (height ∝ ∛weight; Bulbasaur 69 hg → 7 dm). @pkmn/dex 0.10 ships no heights.
 */
export function estimateHeight(weightHg: number): number {
  return Math.max(1, Math.round(1.7 * Math.cbrt(weightHg)));
}

/**
 * Depth and longest remaining branch of each species in an evolution forest
 * given as `parent[id]` (0 or undefined for a root).
 */
export function evolutionPlaces(ids: readonly number[], parentOf: ReadonlyMap<number, number>): Map<number, Omit<EvolutionPlace, 'special'>> {
  const children = childrenOf(ids, parentOf);
  const places = new Map<number, Omit<EvolutionPlace, 'special'>>();
  const below = (id: number): number => {
    let deepest = 0;
    for (const child of children.get(id) ?? []) deepest = Math.max(deepest, 1 + below(child));
    return deepest;
  };
  for (const id of ids) {
    let depth = 0;
    for (let p = parentOf.get(id); p !== undefined; p = parentOf.get(p)) depth++;
    places.set(id, { depth, below: below(id) });
  }
  return places;
}

function childrenOf(ids: readonly number[], parentOf: ReadonlyMap<number, number>): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const id of ids.toSorted((a, b) => a - b)) {
    const parent = parentOf.get(id);
    if (parent === undefined) continue;
    const list = children.get(parent) ?? [];
    list.push(id);
    children.set(parent, list);
  }
  return children;
}

/**
 * PokeAPI-style `order`: whole evolution families together, families placed
 * where their lowest dex number falls, each family depth-first from its root
 * with siblings by dex number. Returns id → order, starting at 1.
 *
 * @example
 * // Pichu (172) evolves into Pikachu (25): the family lands at Pikachu's place.
 * familyOrder([25, 26, 172], new Map([[25, 172], [26, 25]])); // Map { 172 → 1, 25 → 2, 26 → 3 }
 */
export function familyOrder(ids: readonly number[], parentOf: ReadonlyMap<number, number>): Map<number, number> {
  const children = childrenOf(ids, parentOf);
  const order = new Map<number, number>();
  const place = (id: number): void => {
    order.set(id, order.size + 1);
    for (const child of children.get(id) ?? []) place(child);
  };
  for (const id of ids.toSorted((a, b) => a - b)) {
    if (order.has(id)) continue;
    let root = id;
    for (let p = parentOf.get(root); p !== undefined; p = parentOf.get(p)) root = p;
    place(root);
  }
  return order;
}
