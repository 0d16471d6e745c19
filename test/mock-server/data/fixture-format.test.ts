import { describe, expect, it } from 'vitest';
import { checkPokemonFixture, FIXTURE_FORMAT } from '../../../mock-server/data/fixture-format.ts';

function tinyFixture(): Record<string, unknown> {
  return {
    format: FIXTURE_FORMAT,
    sources: {},
    learnSlots: [],
    moves: [['pound', 1]],
    abilities: [['stench', 1]],
    items: [['light-ball', 236]],
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
        pastStats: [[1, 6, 65]],
        pastAbilities: [[4, 3, null]],
        heldItems: [[0, 2]],
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

describe('checkPokemonFixture: past stats, past abilities, held items', () => {
  it('rejects a past stat that is not [generation, stat 0-6, value]', () => {
    expectRejected((_f, s) => (s['pastStats'] = [[1, 7, 65]]), 'species[0].pastStats[0]');
  });
  it('rejects a past ability outside the ability table', () => {
    expectRejected((_f, s) => (s['pastAbilities'] = [[4, 3, 5]]), 'species[0].pastAbilities[0][2]');
  });
  it('rejects a held item outside the item table, and a missing item table', () => {
    expectRejected((_f, s) => (s['heldItems'] = [[3, 2]]), 'species[0].heldItems[0][0]');
    expectRejected((f) => delete f['items'], 'items');
  });
});

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
