/**
 * The in-memory pokemon bodies the mock serves: every body is built once,
 * as JSON bytes, when the store is created; serving one is a lookup.
 */
import { InvalidOptionError } from '../errors/index.ts';
import { loadPokemonFixture } from './load-fixture.ts';
import { moveFragments } from './move-list.ts';
import { pokemonBody, type BodyContext } from './pokemon-body.ts';

/**
 * How heavy the bodies are. `slim`: a few KB, every key of PokeAPI's body
 * but short lists (at most 4 moves with one detail each, one game index). `realistic`: every learnable move with one
 * detail per version group and method, like live PokeAPI (~5-600 KB).
 */
export type PayloadSize = 'slim' | 'realistic';

/** Options of {@link createPokemonStore}. */
export interface PokemonStoreOptions {
  /** Body size. @defaultValue `'slim'` */
  payload?: PayloadSize | undefined;
  /** Origin written into every URL, e.g. `http://127.0.0.1:8080` (a trailing `/` is dropped). */
  origin: string;
  /** Fixture file to read. @defaultValue the committed `fixtures/pokemon.json` */
  fixturePath?: string | undefined;
}

/** The pokemon bodies and name lookups of one origin and payload size. */
export interface PokemonStore {
  /** Number of pokemon; ids run from 1 to `count`. */
  readonly count: number;
  /** The payload size the bodies were built with. */
  readonly payload: PayloadSize;
  /** The JSON body of `/api/v2/pokemon/{id}/`, or undefined for an unknown id. */
  bodyById(id: number): Buffer | undefined;
  /** The id of a pokemon name or species slug, case-insensitive (`Deoxys`, `deoxys-normal`). */
  idByName(name: string): number | undefined;
  /** PokeAPI's name of the pokemon with this id (`deoxys-normal`), or undefined. */
  nameById(id: number): string | undefined;
}

interface ResolvedOptions {
  payload: PayloadSize;
  origin: string;
  fixturePath: string | undefined;
}

function resolveOptions(options: PokemonStoreOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError('options', 'Failed to create the pokemon store: options must be an object with an origin.');
  }
  const payload = options.payload ?? 'slim';
  if (payload !== 'slim' && payload !== 'realistic') {
    throw new InvalidOptionError('options.payload', `options.payload must be 'slim' or 'realistic', got ${JSON.stringify(payload)}.`);
  }
  const raw = options.origin;
  let origin: string | undefined;
  if (typeof raw === 'string') {
    const trimmed = raw.replace(/\/$/, '');
    try {
      const url = new URL(trimmed);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === trimmed) origin = trimmed;
    } catch {
      origin = undefined;
    }
  }
  if (origin === undefined) {
    throw new InvalidOptionError(
      'options.origin',
      `options.origin must be an http(s) origin such as 'http://127.0.0.1:8080' (no path), got ${JSON.stringify(raw)}.`,
    );
  }
  if (options.fixturePath !== undefined && typeof options.fixturePath !== 'string') {
    throw new InvalidOptionError('options.fixturePath', `options.fixturePath must be a file path, got ${JSON.stringify(options.fixturePath)}.`);
  }
  return { payload, origin, fixturePath: options.fixturePath };
}

/**
 * Builds every body for one origin and payload size. The fixture file is
 * read once per process; the bodies once per store.
 *
 * @example
 * const store = createPokemonStore({ payload: 'slim', origin: 'http://127.0.0.1:8080' });
 * store.idByName('mr-mime'); // 122
 * JSON.parse(store.bodyById(25)!.toString()).name; // 'pikachu'
 */
export function createPokemonStore(options: PokemonStoreOptions): PokemonStore {
  const { payload, origin, fixturePath } = resolveOptions(options);
  const fixture = loadPokemonFixture(fixturePath);
  const ctx: BodyContext = {
    origin,
    abilities: fixture.abilities,
    items: fixture.items,
    fragments: moveFragments(fixture.moves, origin),
    slim: payload === 'slim',
  };
  const bodies = fixture.species.map((s) => pokemonBody(s, ctx));
  const names = fixture.species.map((s) => s.name);
  const ids = new Map<string, number>();
  for (const s of fixture.species) {
    ids.set(s.species, s.id);
    ids.set(s.name, s.id);
  }
  const count = bodies.length;
  return {
    count,
    payload,
    bodyById: (id) => (Number.isInteger(id) && id >= 1 && id <= count ? bodies[id - 1] : undefined),
    idByName: (name) => ids.get(name.toLowerCase()),
    nameById: (id) => (Number.isInteger(id) && id >= 1 && id <= count ? names[id - 1] : undefined),
  };
}
