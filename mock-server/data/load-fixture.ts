/**
 * Reads `fixtures/pokemon.json` once per process: every store built later
 * (any payload, any origin) reuses the parsed file.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-files/index.ts';
import { FixtureError } from '../errors/index.ts';
import { checkPokemonFixture, type PokemonFixture } from './fixture-format.ts';

/** Absolute path of the committed fixture file. */
export const DEFAULT_FIXTURE_PATH = packagePath('fixtures', 'pokemon.json');

const cache = new Map<string, PokemonFixture>();

/**
 * The parsed and checked fixture at `path`, read from disk on the first call
 * for that path only. Throws {@link FixtureError} if it is missing or malformed.
 */
export function loadPokemonFixture(path: string = DEFAULT_FIXTURE_PATH): PokemonFixture {
  const cached = cache.get(path);
  if (cached) return cached;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new FixtureError(`Failed to read the pokemon fixture at ${path}: ${(cause as Error).message}. Run \`npm run fixtures\`.`, { cause });
  }
  const fixture = checkPokemonFixture(raw);
  cache.set(path, fixture);
  return fixture;
}
