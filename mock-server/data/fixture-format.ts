/**
 * The shape of `fixtures/pokemon.json` and a structural check of a parsed
 * file. The generator writes it, the store reads it; nothing else does.
 */
import { FixtureError } from '../errors/index.ts';
import { LEARN_SLOTS } from './learn-encoding.ts';

/** Version of the file layout; bump it when the layout changes. */
export const FIXTURE_FORMAT = 2;

/** A named resource with its PokeAPI id, e.g. `['pound', 1]`. */
export type NamedId = readonly [name: string, id: number];

/** Base stats or effort values in PokeAPI's order: hp, attack, defense, special-attack, special-defense, speed. */
export type SixStats = readonly [number, number, number, number, number, number];

/** One species, as the fixture stores it. */
export interface SpeciesRecord {
  /** National dex number, 1..1025. */
  id: number;
  /** Name of PokeAPI's default `/pokemon/` resource, e.g. `deoxys-normal`. */
  name: string;
  /** Species slug, e.g. `deoxys`. */
  species: string;
  /** Generation the species was introduced in, 1..9. */
  gen: number;
  /** PokeAPI-style sort order: evolution families together. */
  order: number;
  /** Type slugs, slot order. */
  types: readonly string[];
  /** Base stats. */
  stats: SixStats;
  /** Effort values yielded (estimated: @pkmn/dex has none). */
  effort: SixStats;
  /** Indices into the ability table: slot 1, slot 2 or null, hidden or null. */
  abilities: readonly [number, number | null, number | null];
  /** Height in decimetres. */
  height: number;
  /** Weight in hectograms. */
  weight: number;
  /** Base experience (estimated: @pkmn/dex has none). */
  baseExperience: number;
  /** Indices into the move table, ascending. */
  moves: readonly number[];
  /** Per move, how it is learnt (see `learn-encoding.ts`). */
  learn: readonly string[];
  /** Per move, the level it is learnt at by level-up in the latest slot that teaches it so, else 0. */
  levels: readonly number[];
  /**
   * Base stats of earlier generations, where they differ from the next one:
   * `[generation, stat, value]`, stat 0-5 in {@link SixStats} order or 6 for
   * generation I's single special stat. PokeAPI's `past_stats`.
   */
  pastStats: readonly (readonly [gen: number, stat: number, value: number])[];
  /**
   * Abilities of earlier generations, where a slot differs from the next one:
   * `[generation, slot 1-3, ability index or null]` (null: the slot did not
   * exist, e.g. hidden abilities before generation V). PokeAPI's `past_abilities`.
   */
  pastAbilities: readonly (readonly [gen: number, slot: number, ability: number | null])[];
  /** Items the species holds: `[item index, first generation]` (its signature item, if any). */
  heldItems: readonly (readonly [item: number, gen: number])[];
}

/** The whole fixture file. */
export interface PokemonFixture {
  /** {@link FIXTURE_FORMAT}. */
  format: number;
  /** Versions of the npm packages the file was generated from. */
  sources: Readonly<Record<string, string>>;
  /** {@link LEARN_SLOTS}, for readers of the file. */
  learnSlots: readonly string[];
  /** Move slugs and PokeAPI move ids, ascending by id. */
  moves: readonly NamedId[];
  /** Ability slugs and PokeAPI ability ids, ascending by id. */
  abilities: readonly NamedId[];
  /** Item slugs and ids (the games' item numbers, as `@pkmn/dex` has them), ascending by id. */
  items: readonly NamedId[];
  /** All species, by national dex number. */
  species: readonly SpeciesRecord[];
}

function fail(where: string, what: string): never {
  throw new FixtureError(`Invalid pokemon fixture: ${where} ${what}. Regenerate it with \`npm run fixtures\`.`);
}

function isIntArray(value: unknown, length?: number): value is number[] {
  return (
    Array.isArray(value) &&
    (length === undefined || value.length === length) &&
    value.every((v) => Number.isInteger(v))
  );
}

function checkIndex(value: unknown, size: number, where: string, nullable: boolean): void {
  if (value === null && nullable) return;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= size) fail(where, 'is not a table index');
}

function checkTriples(value: unknown, where: string, check: (entry: readonly unknown[], at: string) => void): void {
  if (!Array.isArray(value)) fail(where, 'is not an array');
  value.forEach((entry, i) => {
    if (!Array.isArray(entry)) fail(`${where}[${i}]`, 'is not an array');
    check(entry, `${where}[${i}]`);
  });
}

function checkSpecies(raw: unknown, index: number, moveCount: number, abilityCount: number, itemCount: number): void {
  const where = `species[${index}]`;
  if (typeof raw !== 'object' || raw === null) fail(where, 'is not an object');
  const s = raw as Record<string, unknown>;
  if (s['id'] !== index + 1) fail(`${where}.id`, `is not ${index + 1}`);
  for (const key of ['name', 'species'] as const) {
    if (typeof s[key] !== 'string' || !/^[a-z0-9-]+$/.test(s[key])) fail(`${where}.${key}`, 'is not a slug');
  }
  for (const key of ['gen', 'order', 'height', 'weight', 'baseExperience'] as const) {
    if (!Number.isInteger(s[key])) fail(`${where}.${key}`, 'is not an integer');
  }
  const types = s['types'];
  if (!Array.isArray(types) || types.length < 1 || types.length > 2 || !types.every((t) => typeof t === 'string')) {
    fail(`${where}.types`, 'is not one or two type slugs');
  }
  if (!isIntArray(s['stats'], 6)) fail(`${where}.stats`, 'is not six integers');
  if (!isIntArray(s['effort'], 6)) fail(`${where}.effort`, 'is not six integers');
  const abilities = s['abilities'];
  if (!Array.isArray(abilities) || abilities.length !== 3) fail(`${where}.abilities`, 'is not three entries');
  abilities.forEach((a, i) => checkIndex(a, abilityCount, `${where}.abilities[${i}]`, i > 0));
  const moves = s['moves'];
  const learn = s['learn'];
  const levels = s['levels'];
  if (!isIntArray(moves)) fail(`${where}.moves`, 'is not an integer array');
  moves.forEach((m, i) => checkIndex(m, moveCount, `${where}.moves[${i}]`, false));
  if (!Array.isArray(learn) || learn.length !== moves.length) fail(`${where}.learn`, 'does not match moves');
  const packed = new RegExp(`^[1-9a-f][0-9a-f]{0,${LEARN_SLOTS.length - 1}}$`);
  learn.forEach((l, i) => {
    if (typeof l !== 'string' || !packed.test(l)) fail(`${where}.learn[${i}]`, 'is not packed learn data');
  });
  if (!isIntArray(levels, moves.length)) fail(`${where}.levels`, 'does not match moves');
  checkTriples(s['pastStats'], `${where}.pastStats`, (e, at) => {
    if (!isIntArray(e, 3) || e[0]! < 1 || e[1]! < 0 || e[1]! > 6) fail(at, 'is not [generation, stat 0-6, value]');
  });
  checkTriples(s['pastAbilities'], `${where}.pastAbilities`, (e, at) => {
    if (e.length !== 3 || !Number.isInteger(e[0]) || !Number.isInteger(e[1]) || (e[1] as number) < 1 || (e[1] as number) > 3) fail(at, 'is not [generation, slot 1-3, ability]');
    checkIndex(e[2], abilityCount, `${at}[2]`, true);
  });
  checkTriples(s['heldItems'], `${where}.heldItems`, (e, at) => {
    if (e.length !== 2 || !Number.isInteger(e[1])) fail(at, 'is not [item, generation]');
    checkIndex(e[0], itemCount, `${at}[0]`, false);
  });
}

function checkTable(raw: unknown, where: string): void {
  if (!Array.isArray(raw)) fail(where, 'is not an array');
  raw.forEach((entry, i) => {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Number.isInteger(entry[1])) {
      fail(`${where}[${i}]`, 'is not a [name, id] pair');
    }
  });
}

/**
 * Checks the structure of a parsed fixture file and returns it typed.
 * Throws {@link FixtureError} naming the first bad field.
 */
export function checkPokemonFixture(raw: unknown): PokemonFixture {
  if (typeof raw !== 'object' || raw === null) fail('root', 'is not an object');
  const f = raw as Record<string, unknown>;
  if (f['format'] !== FIXTURE_FORMAT) fail('format', `is not ${FIXTURE_FORMAT}`);
  checkTable(f['moves'], 'moves');
  checkTable(f['abilities'], 'abilities');
  checkTable(f['items'], 'items');
  const moveCount = (f['moves'] as unknown[]).length;
  const abilityCount = (f['abilities'] as unknown[]).length;
  const species = f['species'];
  if (!Array.isArray(species) || species.length === 0) fail('species', 'is not a non-empty array');
  const itemCount = (f['items'] as unknown[]).length;
  species.forEach((s, i) => checkSpecies(s, i, moveCount, abilityCount, itemCount));
  return raw as PokemonFixture;
}
