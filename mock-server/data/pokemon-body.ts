/**
 * One `/api/v2/pokemon/{id}/` body, shaped like PokeAPI's: its 21 top-level
 * keys in PokeAPI's order, every resource URL on the mock's own origin.
 */
import type { NamedId, SpeciesRecord } from './fixture-format.ts';
import { moveListChunks, type MoveFragments } from './move-list.ts';
import { GAME_INDEX_VERSIONS, STAT_NAMES, TYPE_IDS } from './pokeapi-resources.ts';
import { spritesFor } from './sprites.ts';

/** PokeAPI's top-level keys of a pokemon, in its order. */
export const POKEMON_BODY_KEYS = [
  'abilities',
  'base_experience',
  'cries',
  'forms',
  'game_indices',
  'height',
  'held_items',
  'id',
  'is_default',
  'location_area_encounters',
  'moves',
  'name',
  'order',
  'past_abilities',
  'past_stats',
  'past_types',
  'species',
  'sprites',
  'stats',
  'types',
  'weight',
] as const;

/** What every body of one store shares. */
export interface BodyContext {
  /** Origin, e.g. `http://127.0.0.1:8080`, without a trailing slash. */
  origin: string;
  /** The fixture's ability table. */
  abilities: readonly NamedId[];
  /** Move fragments for the fixture's move table and this origin. */
  fragments: MoveFragments;
  /** Slim bodies: few moves, no per-game sprites. */
  slim: boolean;
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
    game_indices: GAME_INDEX_VERSIONS.filter((v) => v.gen >= s.gen).map((v) => ({
      game_index: s.id,
      version: ref(v.name, `${api}/version/${v.id}/`),
    })),
    height: s.height,
    held_items: [],
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
    past_abilities: [],
    past_stats: [],
    past_types: [],
    species: ref(s.species, `${api}/pokemon-species/${s.id}/`),
    sprites: spritesFor(s.id, s.gen, { origin: ctx.origin, versions: !ctx.slim }),
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
