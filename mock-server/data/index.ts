/**
 * The pokemon data of the mock: the committed fixture, and stores of
 * PokeAPI-shaped bodies built from it. The fixture generator is not exported
 * here (it needs dev-only packages): import `./generate-fixture.ts` directly.
 */
export { createPokemonStore } from './pokemon-store.ts';
export type { PayloadSize, PokemonStore, PokemonStoreOptions } from './pokemon-store.ts';
export { bodySizeDistribution, summarizeSizes } from './size-distribution.ts';
export type { SizeDistribution } from './size-distribution.ts';
export { loadPokemonFixture, DEFAULT_FIXTURE_PATH } from './load-fixture.ts';
export { FixtureError } from '../errors/index.ts';
export type { PokemonFixture, SpeciesRecord } from './fixture-format.ts';
export { DEFAULT_FORM_NAMES, pokemonNameOf } from './pokeapi-names.ts';
export { toSlug } from './slug.ts';
