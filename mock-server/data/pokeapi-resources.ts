/**
 * PokeAPI's ids of the small fixed resources a pokemon body links to: types,
 * stats, move-learn methods, version groups and versions.
 */
import type { LearnMethod, LearnSlot } from './learn-encoding.ts';

/** Type slug → PokeAPI type id. */
export const TYPE_IDS: Readonly<Record<string, number>> = Object.freeze({
  normal: 1,
  fighting: 2,
  flying: 3,
  poison: 4,
  ground: 5,
  rock: 6,
  bug: 7,
  ghost: 8,
  steel: 9,
  fire: 10,
  water: 11,
  grass: 12,
  electric: 13,
  psychic: 14,
  ice: 15,
  dragon: 16,
  dark: 17,
  fairy: 18,
  stellar: 19,
});

/** Stat names in PokeAPI's order; stat id = index + 1. */
export const STAT_NAMES = ['hp', 'attack', 'defense', 'special-attack', 'special-defense', 'speed'] as const;

/** Generation I's single special stat, as PokeAPI names and numbers it (stat 6 of `pastStats`). */
export const SPECIAL_STAT = { name: 'special', id: 9 } as const;

/** PokeAPI's generation slugs, by generation number (index 0 unused). */
export const GENERATION_NAMES = ['', 'generation-i', 'generation-ii', 'generation-iii', 'generation-iv', 'generation-v', 'generation-vi', 'generation-vii', 'generation-viii', 'generation-ix'] as const;

/** Move-learn method → PokeAPI id. */
export const LEARN_METHOD_IDS: Readonly<Record<LearnMethod, number>> = Object.freeze({
  'level-up': 1,
  egg: 2,
  tutor: 3,
  machine: 4,
});

/** A version group: PokeAPI slug and id. */
export interface VersionGroup {
  name: string;
  id: number;
}

const vg = (name: string, id: number): VersionGroup => ({ name, id });

/** Every method in `groups`, tutors only in `tutor`. */
const all = (groups: VersionGroup[], tutor: VersionGroup[] = groups): Record<LearnMethod, readonly VersionGroup[]> => ({
  'level-up': groups,
  egg: groups,
  tutor,
  machine: groups,
});

/**
 * The version groups of each learn slot, and which of them teach by each
 * method (tutors only exist in a generation's later games). @pkmn/dex has no
 * learnsets for the Japanese Red/Green/Blue, Brilliant Diamond/Shining Pearl,
 * Colosseum, XD and Legends: Arceus: the first two are taken to teach what
 * their generation-1 and generation-4 originals teach (PokeAPI lists them;
 * with them Pikachu's body is 251 KB against live PokeAPI's 246 KB), the
 * last three are left out.
 */
export const SLOT_VERSION_GROUPS: Readonly<Record<LearnSlot, Readonly<Record<LearnMethod, readonly VersionGroup[]>>>> = (() => {
  const rb = vg('red-blue', 1);
  const y = vg('yellow', 2);
  const gs = vg('gold-silver', 3);
  const c = vg('crystal', 4);
  const rs = vg('ruby-sapphire', 5);
  const e = vg('emerald', 6);
  const frlg = vg('firered-leafgreen', 7);
  const dp = vg('diamond-pearl', 8);
  const pt = vg('platinum', 9);
  const hgss = vg('heartgold-soulsilver', 10);
  const bw = vg('black-white', 11);
  const b2w2 = vg('black-2-white-2', 14);
  const xy = vg('x-y', 15);
  const oras = vg('omega-ruby-alpha-sapphire', 16);
  const sm = vg('sun-moon', 17);
  const usum = vg('ultra-sun-ultra-moon', 18);
  return {
    gen1: all([rb, y, vg('red-green-japan', 28), vg('blue-japan', 29)]),
    gen2: all([gs, c], [c]),
    gen3: all([rs, e, frlg], [e, frlg]),
    gen4: all([dp, pt, hgss, vg('brilliant-diamond-and-shining-pearl', 23)], [pt, hgss]),
    gen5: all([bw, b2w2], [b2w2]),
    gen6: all([xy, oras], [oras]),
    gen7: all([sm, usum], [usum]),
    lgpe: all([vg('lets-go-pikachu-lets-go-eevee', 19)]),
    gen8: all([vg('sword-shield', 20)]),
    gen9: all([vg('scarlet-violet', 25)]),
  };
})();

/** A game version with game indices, and the generation it belongs to. */
export interface GameVersion {
  name: string;
  id: number;
  gen: number;
}

/** The versions PokeAPI lists under `game_indices` (the main games of generations I-IX), by version id. */
export const GAME_INDEX_VERSIONS: readonly GameVersion[] = [
  ['red', 1, 1],
  ['blue', 2, 1],
  ['yellow', 3, 1],
  ['gold', 4, 2],
  ['silver', 5, 2],
  ['crystal', 6, 2],
  ['ruby', 7, 3],
  ['sapphire', 8, 3],
  ['emerald', 9, 3],
  ['firered', 10, 3],
  ['leafgreen', 11, 3],
  ['diamond', 12, 4],
  ['pearl', 13, 4],
  ['platinum', 14, 4],
  ['heartgold', 15, 4],
  ['soulsilver', 16, 4],
  ['black', 17, 5],
  ['white', 18, 5],
  ['black-2', 21, 5],
  ['white-2', 22, 5],
  ['x', 23, 6],
  ['y', 24, 6],
  ['omega-ruby', 25, 6],
  ['alpha-sapphire', 26, 6],
  ['sun', 27, 7],
  ['moon', 28, 7],
  ['ultra-sun', 29, 7],
  ['ultra-moon', 30, 7],
  ['sword', 33, 8],
  ['shield', 34, 8],
  ['brilliant-diamond', 37, 8],
  ['shining-pearl', 38, 8],
  ['scarlet', 40, 9],
  ['violet', 41, 9],
].map(([name, id, gen]) => ({ name: name as string, id: id as number, gen: gen as number }));
