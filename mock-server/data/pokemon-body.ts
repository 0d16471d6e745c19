/**
 * One `/api/v2/pokemon/{id}/` body, shaped like PokeAPI's: its 21 top-level
 * keys in PokeAPI's order and every nested key, every resource URL on the
 * mock's own origin. Slim bodies cut the length of lists (moves, their
 * details, game indices, a held item's versions), never a key.
 */
import type { NamedId, SpeciesRecord } from './fixture-format.ts';
import { moveListChunks, type MoveFragments } from './move-list.ts';
import { GAME_INDEX_VERSIONS, GENERATION_NAMES, SPECIAL_STAT, STAT_NAMES, TYPE_IDS } from './pokeapi-resources.ts';
import { spritesFor } from './sprites.ts';

/** What every body of one store shares. */
export interface BodyContext {
  /** Origin, e.g. `http://127.0.0.1:8080`, without a trailing slash. */
  origin: string;
  /** The fixture's ability table. */
  abilities: readonly NamedId[];
  /** The fixture's item table. */
  items: readonly NamedId[];
  /** Move fragments for the fixture's move table and this origin. */
  fragments: MoveFragments;
  /** Slim bodies: short lists (few moves, one detail each, one game index), every key kept. */
  slim: boolean;
}

/** Rarity written for a held item: the data packages have no wild held-item rates (PokeAPI's common one for a rare item). */
const HELD_ITEM_RARITY = 5;

/** A list cut to one entry in a slim body. */
const cut = <T>(list: readonly T[], slim: boolean): T[] => (slim ? list.slice(0, 1) : [...list]);

/** `[{ generation, … }]` from entries tagged with a generation, in generation order. */
function byGeneration<T>(entries: readonly (readonly [gen: number, ...rest: unknown[]])[], api: string, key: string, item: (e: never) => T) {
  const gens = [...new Set(entries.map((e) => e[0]))].toSorted((a, b) => a - b);
  return gens.map((gen) => ({
    [key]: entries.filter((e) => e[0] === gen).map((e) => item(e as never)),
    generation: ref(GENERATION_NAMES[gen] ?? `generation-${gen}`, `${api}/generation/${gen}/`),
  }));
}

const ref = (name: string, url: string) => ({ name, url });

/** Everything before `moves`, in key order. */
function head(s: SpeciesRecord, ctx: BodyContext) {
  const api = `${ctx.origin}/api/v2`;
  const abilities = s.abilities.flatMap((index, i) => {
    const row = index === null ? undefined : ctx.abilities[index];
    if (!row) return [];
    return [{ ability: ref(row[0], `${api}/ability/${row[1]}/`), is_hidden: i === 2, slot: i + 1 }];
  });
  return {
    abilities,
    base_experience: s.baseExperience,
    cries: {
      latest: `${ctx.origin}/media/cries/pokemon/latest/${s.id}.ogg`,
      legacy: s.gen <= 5 ? `${ctx.origin}/media/cries/pokemon/legacy/${s.id}.ogg` : null,
    },
    forms: [ref(s.name, `${api}/pokemon-form/${s.id}/`)],
    game_indices: cut(GAME_INDEX_VERSIONS.filter((v) => v.gen >= s.gen), ctx.slim).map((v) => ({
      game_index: s.id,
      version: ref(v.name, `${api}/version/${v.id}/`),
    })),
    height: s.height,
    held_items: s.heldItems.flatMap(([index, since]) => {
      const item = ctx.items[index];
      if (!item) return [];
      const versions = GAME_INDEX_VERSIONS.filter((v) => v.gen >= Math.max(s.gen, since));
      return [{ item: ref(item[0], `${api}/item/${item[1]}/`), version_details: cut(versions, ctx.slim).map((v) => ({ rarity: HELD_ITEM_RARITY, version: ref(v.name, `${api}/version/${v.id}/`) })) }];
    }),
    id: s.id,
    is_default: true,
    // PokeAPI writes this one link without a trailing slash.
    location_area_encounters: `${api}/pokemon/${s.id}/encounters`,
  };
}

/** Everything after `moves`, in key order. */
function tail(s: SpeciesRecord, ctx: BodyContext) {
  const api = `${ctx.origin}/api/v2`;
  return {
    name: s.name,
    order: s.order,
    // Keys in PokeAPI's order: abilities then generation; generation then stats.
    past_abilities: byGeneration(s.pastAbilities, api, 'abilities', ([, slot, index]: readonly [number, number, number | null]) => {
      const row = index === null ? undefined : ctx.abilities[index];
      return { ability: row ? ref(row[0], `${api}/ability/${row[1]}/`) : null, is_hidden: slot === 3, slot };
    }),
    past_stats: byGeneration(s.pastStats, api, 'stats', ([, stat, value]: readonly [number, number, number]) => {
      const named = stat === 6 ? SPECIAL_STAT : { name: STAT_NAMES[stat] ?? 'hp', id: stat + 1 };
      return { base_stat: value, effort: 0, stat: ref(named.name, `${api}/stat/${named.id}/`) };
    }).map(({ generation, stats }) => ({ generation, stats })),
    past_types: [],
    species: ref(s.species, `${api}/pokemon-species/${s.id}/`),
    sprites: spritesFor(s.id, s.gen, { origin: ctx.origin }),
    stats: STAT_NAMES.map((name, i) => ({
      base_stat: s.stats[i] ?? 0,
      effort: s.effort[i] ?? 0,
      stat: ref(name, `${api}/stat/${i + 1}/`),
    })),
    types: s.types.map((type, i) => ({ slot: i + 1, type: ref(type, `${api}/type/${TYPE_IDS[type] ?? 10001}/`) })),
    weight: s.weight,
  };
}

/**
 * The JSON bytes of one species' body.
 *
 * @example
 * JSON.parse(pokemonBody(bulbasaur, ctx).toString()).name; // 'bulbasaur'
 */
export function pokemonBody(s: SpeciesRecord, ctx: BodyContext): Buffer {
  const before = JSON.stringify(head(s, ctx));
  const after = JSON.stringify(tail(s, ctx));
  return Buffer.concat([
    Buffer.from(`${before.slice(0, -1)},"moves":`),
    ...moveListChunks(s, ctx.fragments, ctx.slim),
    Buffer.from(`,${after.slice(1)}`),
  ]);
}
