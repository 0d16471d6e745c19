/**
 * Builds the text of `fixtures/pokemon.json` from maintained npm data: names
 * from `pokemon`, everything else from `@pkmn/dex`. Deterministic: the same
 * installed packages give byte-identical output. Only the fixture script and
 * its test import this file (the store reads the generated JSON instead).
 *
 * Move lists come from `Dex.learnsets` (generations 3-9) and
 * `Dex.forGen(2).learnsets` (generations 1-2, for species 1-251).
 */
import { createRequire } from 'node:module';
import { Dex, type Species } from '@pkmn/dex';
import pokemon from 'pokemon';
import { FIXTURE_FORMAT, type NamedId, type SixStats, type SpeciesRecord } from './fixture-format.ts';
import { encodeLearn, LEARN_SLOTS } from './learn-encoding.ts';
import { learnInfoFromSources, type MoveLearnInfo } from './learnset-sources.ts';
import { pokemonNameOf } from './pokeapi-names.ts';
import { toSlug } from './slug.ts';
import { estimateBaseExperience, estimateEffort, estimateHeight, evolutionPlaces, familyOrder } from './species-estimates.ts';

const SPECIAL_TAGS = new Set(['Sub-Legendary', 'Restricted Legendary', 'Mythical', 'Ultra Beast', 'Paradox']);
const LEGACY_MAX_ID = 251;
// @pkmn/dex 0.10 numbers three of the four Treasures of Ruin 284; the games
// (and PokeAPI) number them 284-287.
const ABILITY_ID_FIXES: Readonly<Record<string, number>> = { tabletsofruin: 286, beadsofruin: 287 };

interface Collected {
  species: Species;
  learned: Map<string, MoveLearnInfo>;
}

function speciesFor(name: string, id: number): Species {
  const species = Dex.species.get(name);
  if (!species.exists || species.num !== id || species.forme !== '') {
    throw new Error(`Failed to generate fixtures: "${name}" (#${id}) is not a base species #${id} in @pkmn/dex. Update both packages.`);
  }
  return species;
}

async function learnedMoves(species: Species): Promise<Map<string, MoveLearnInfo>> {
  const sources = new Map<string, string[]>();
  const add = (table: Readonly<Record<string, readonly string[]>> | undefined, gens: (gen: string) => boolean) => {
    for (const [move, list] of Object.entries(table ?? {})) {
      const kept = list.filter((s) => gens(s[0] ?? ''));
      if (kept.length > 0) sources.set(move, [...(sources.get(move) ?? []), ...kept]);
    }
  };
  add((await Dex.learnsets.get(species.id))?.learnset, (gen) => gen >= '3');
  if (species.num <= LEGACY_MAX_ID) {
    add((await Dex.forGen(2).learnsets.get(species.id))?.learnset, (gen) => gen === '1' || gen === '2');
  }
  const learned = new Map<string, MoveLearnInfo>();
  for (const [move, list] of sources) {
    const info = learnInfoFromSources(list);
    if (info) learned.set(move, info);
  }
  return learned;
}

function parentMap(all: readonly Species[]): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const s of all) {
    if (!s.prevo) continue;
    const prevo = Dex.species.get(s.prevo);
    const base = Dex.species.get(prevo.baseSpecies);
    if (base.exists && base.num >= 1 && base.num <= all.length && base.num !== s.num) parentOf.set(s.num, base.num);
  }
  return parentOf;
}

function namedTable(ids: Iterable<string>, lookup: (id: string) => { exists: boolean; name: string; num: number }, what: string): {
  table: NamedId[];
  index: Map<string, number>;
} {
  const rows = [...new Set(ids)].map((id) => {
    const entry = lookup(id);
    if (!entry.exists || entry.num <= 0) throw new Error(`Failed to generate fixtures: unknown ${what} "${id}" in @pkmn/dex.`);
    return { id, slug: toSlug(entry.name), num: entry.num };
  });
  const sorted = rows.toSorted((a, b) => a.num - b.num || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const index = new Map<string, number>();
  const table: NamedId[] = [];
  for (const row of sorted) {
    const last = table[table.length - 1];
    if (last && last[1] === row.num) {
      if (last[0] !== row.slug) throw new Error(`Failed to generate fixtures: ${what}s "${last[0]}" and "${row.slug}" share id ${row.num}.`);
    } else {
      table.push([row.slug, row.num]);
    }
    index.set(row.id, table.length - 1);
  }
  return { table, index };
}

function sixStats(species: Species): SixStats {
  const b = species.baseStats;
  return [b.hp, b.atk, b.def, b.spa, b.spd, b.spe];
}

function sourceVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
  return { '@pkmn/dex': version('@pkmn/dex'), pokemon: version('pokemon') };
}

function heightOf(species: Species): number {
  // @pkmn/dex 0.10 strips `heightm`; use it if a later version ships it again.
  const heightm = (species as unknown as { heightm?: unknown }).heightm;
  return typeof heightm === 'number' ? Math.round(heightm * 10) : estimateHeight(Math.round(species.weightkg * 10));
}

/** The generations whose per-generation data (`Dex.forGen`) the past stats and abilities compare. */
const PAST_GENS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
/** Abilities exist from generation III on. */
const FIRST_ABILITY_GEN = 3;

/**
 * Stats that changed between generations: the value up to and including
 * generation g, where g+1 differs (PokeAPI's `past_stats` convention), and
 * generation I's single special stat (stat 6) for the species it had.
 */
function pastStatsOf(species: Species): [number, number, number][] {
  const out: [number, number, number][] = [];
  const statsIn = (gen: number) => {
    const s = Dex.forGen(gen as (typeof PAST_GENS)[number]).species.get(species.name);
    return s.exists ? sixStats(s) : undefined;
  };
  for (const gen of PAST_GENS.slice(0, -1)) {
    if (gen < species.gen) continue;
    const now = statsIn(gen);
    const next = statsIn(gen + 1);
    if (!now || !next) continue;
    if (gen === 1) {
      // Special split into special attack and special defense in generation II.
      out.push([1, 6, now[3]]);
      for (const i of [0, 1, 2, 5]) if (now[i] !== next[i]) out.push([1, i, now[i]!]);
      continue;
    }
    for (let i = 0; i < 6; i++) if (now[i] !== next[i]) out.push([gen, i, now[i]!]);
  }
  return out;
}

/** Ability slots that changed between generations III..IX, as the ability names of the earlier one (null: absent). */
function pastAbilitiesOf(species: Species): [number, number, string | null][] {
  const out: [number, number, string | null][] = [];
  const abilitiesIn = (gen: number) => {
    const s = Dex.forGen(gen as (typeof PAST_GENS)[number]).species.get(species.name);
    return s.exists ? [s.abilities[0] ?? null, s.abilities[1] ?? null, s.abilities.H ?? null] : undefined;
  };
  for (const gen of PAST_GENS.slice(0, -1)) {
    if (gen < Math.max(species.gen, FIRST_ABILITY_GEN)) continue;
    const now = abilitiesIn(gen);
    const next = abilitiesIn(gen + 1);
    if (!now || !next) continue;
    for (let slot = 0; slot < 3; slot++) if (now[slot] !== next[slot]) out.push([gen, slot + 1, now[slot] ?? null]);
  }
  return out;
}

/** A species' signature items (`itemUser` in `@pkmn/dex`: Light Ball for Pikachu), the only held items the data has. */
function signatureItems(species: Species): { id: string; gen: number }[] {
  return Dex.items
    .all()
    .filter((item) => item.exists && !item.isNonstandard && (item.itemUser ?? []).includes(species.name))
    .map((item) => ({ id: item.id, gen: item.gen }))
    .toSorted((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function serialize(header: Record<string, unknown>, moves: NamedId[], abilities: NamedId[], items: NamedId[], species: SpeciesRecord[]): string {
  const head = Object.entries(header)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(',');
  return (
    `{${head},\n"moves":${JSON.stringify(moves)},\n"abilities":${JSON.stringify(abilities)},\n"items":${JSON.stringify(items)},\n"species":[\n` +
    species.map((s) => JSON.stringify(s)).join(',\n') +
    '\n]}\n'
  );
}

/**
 * Generates the fixture text: one header line, the move and ability tables,
 * then one species per line in national-dex order.
 *
 * @example
 * await writeFile('fixtures/pokemon.json', await generatePokemonFixture());
 */
export async function generatePokemonFixture(): Promise<string> {
  const names = pokemon.all('en');
  const collected: Collected[] = [];
  for (let i = 0; i < names.length; i++) {
    const species = speciesFor(names[i] ?? '', i + 1);
    collected.push({ species, learned: await learnedMoves(species) });
  }
  const all = collected.map((c) => c.species);
  const ids = all.map((s) => s.num);
  const parentOf = parentMap(all);
  const places = evolutionPlaces(ids, parentOf);
  const orders = familyOrder(ids, parentOf);
  const moveTable = namedTable(
    collected.flatMap((c) => [...c.learned.keys()]),
    (id) => Dex.moves.get(id),
    'move',
  );
  const pastAbilities = new Map(all.map((s) => [s.num, pastAbilitiesOf(s)]));
  const held = new Map(all.map((s) => [s.num, signatureItems(s)]));
  const abilityTable = namedTable(
    all.flatMap((s) => [
      ...[s.abilities[0], s.abilities[1], s.abilities.H].filter((a): a is NonNullable<typeof a> => !!a),
      ...(pastAbilities.get(s.num) ?? []).flatMap(([, , a]) => (a ? [a] : [])),
    ]),
    (id) => {
      const ability = Dex.abilities.get(id);
      return { exists: ability.exists, name: ability.name, num: ABILITY_ID_FIXES[ability.id] ?? ability.num };
    },
    'ability',
  );
  const itemTable = namedTable(
    [...held.values()].flatMap((items) => items.map((i) => i.id)),
    (id) => Dex.items.get(id),
    'item',
  );
  const abilityIndex = (name: string | undefined): number | null =>
    name ? (abilityTable.index.get(name) ?? null) : null;

  const records = collected.map(({ species, learned }): SpeciesRecord => {
    const stats = sixStats(species);
    const place = { ...(places.get(species.num) ?? { depth: 0, below: 0 }), special: (species.tags ?? []).some((t) => SPECIAL_TAGS.has(t)) };
    const moves = [...learned.entries()]
      .map(([id, info]) => ({ index: moveTable.index.get(id) ?? -1, info }))
      .toSorted((a, b) => a.index - b.index);
    const speciesSlug = toSlug(species.name);
    return {
      id: species.num,
      name: pokemonNameOf(speciesSlug),
      species: speciesSlug,
      gen: species.gen,
      order: orders.get(species.num) ?? species.num,
      types: species.types.map((t) => t.toLowerCase()),
      stats,
      effort: estimateEffort(stats, place),
      abilities: [abilityIndex(species.abilities[0]) ?? 0, abilityIndex(species.abilities[1]), abilityIndex(species.abilities.H)],
      height: heightOf(species),
      weight: Math.round(species.weightkg * 10),
      baseExperience: estimateBaseExperience(stats, place),
      moves: moves.map((m) => m.index),
      learn: moves.map((m) => encodeLearn(m.info.masks)),
      levels: moves.map((m) => m.info.level),
      pastStats: pastStatsOf(species),
      pastAbilities: (pastAbilities.get(species.num) ?? []).map(([gen, slot, a]) => [gen, slot, abilityIndex(a ?? undefined)] as const),
      heldItems: (held.get(species.num) ?? []).map((i) => [itemTable.index.get(i.id) ?? 0, i.gen] as const),
    };
  });
  const header = { format: FIXTURE_FORMAT, sources: sourceVersions(), learnSlots: [...LEARN_SLOTS] };
  return serialize(header, moveTable.table, abilityTable.table, itemTable.table, records);
}
