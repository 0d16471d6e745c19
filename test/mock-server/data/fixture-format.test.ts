import { describe, expect, it } from 'vitest';
import { checkPokemonFixture, FIXTURE_FORMAT } from '../../../mock-server/data/fixture-format.ts';

function tinyFixture(): Record<string, unknown> {
  return {
    format: FIXTURE_FORMAT,
    sources: {},
    learnSlots: [],
    moves: [['pound', 1]],
    abilities: [['stench', 1]],
    species: [
      {
        id: 1,
        name: 'bulbasaur',
        species: 'bulbasaur',
        gen: 1,
        order: 1,
        types: ['grass'],
        stats: [1, 2, 3, 4, 5, 6],
        effort: [0, 0, 0, 1, 0, 0],
        abilities: [0, null, null],
        height: 7,
        weight: 69,
        baseExperience: 64,
        moves: [0],
        learn: ['1'],
        levels: [1],
      },
    ],
  };
}

function expectRejected(mutate: (f: Record<string, unknown>, s: Record<string, unknown>) => void, field: string) {
  const fixture = tinyFixture();
  const species = (fixture['species'] as Record<string, unknown>[])[0] ?? {};
  mutate(fixture, species);
  expect(() => checkPokemonFixture(fixture)).toThrow(expect.objectContaining({ code: 'ERR_POKEBENCH_FIXTURE_INVALID', message: expect.stringContaining(field) }));
}

describe('checkPokemonFixture', () => {
  it('accepts a well-formed fixture and returns it', () => {
    const fixture = tinyFixture();
    expect(checkPokemonFixture(fixture)).toBe(fixture);
  });

  it('rejects another format version', () => expectRejected((f) => (f['format'] = 99), 'format'));
  it('rejects ids out of dex order', () => expectRejected((_, s) => (s['id'] = 2), 'species[0].id'));
  it('rejects names that are not slugs', () => expectRejected((_, s) => (s['name'] = 'Mr. Mime'), 'species[0].name'));
  it('rejects move indices outside the move table', () => expectRejected((_, s) => (s['moves'] = [5]), 'species[0].moves[0]'));
  it('rejects learn data that does not match the moves', () => expectRejected((_, s) => (s['learn'] = []), 'species[0].learn'));
  it('rejects learn data that is not packed hex', () => expectRejected((_, s) => (s['learn'] = ['01']), 'species[0].learn[0]'));
  it('rejects a missing first ability', () => expectRejected((_, s) => (s['abilities'] = [null, null, null]), 'species[0].abilities[0]'));
  it('rejects malformed tables', () => expectRejected((f) => (f['moves'] = [['pound']]), 'moves[0]'));
  it('rejects six stats that are not six', () => expectRejected((_, s) => (s['stats'] = [1, 2]), 'species[0].stats'));
});
