import { describe, expect, it } from 'vitest';
import type { SpeciesRecord } from '../../../mock-server/data/fixture-format.ts';
import { moveFragments } from '../../../mock-server/data/move-list.ts';
import { pokemonBody, type BodyContext } from '../../../mock-server/data/pokemon-body.ts';
import { POKEMON_BODY_KEYS } from './pokemon-body-keys.ts';

const ORIGIN = 'http://127.0.0.1:9999';

const SPECIES: SpeciesRecord = {
  id: 386,
  name: 'deoxys-normal',
  species: 'deoxys',
  gen: 3,
  order: 500,
  types: ['psychic'],
  stats: [50, 150, 50, 150, 50, 150],
  effort: [0, 1, 0, 1, 0, 1],
  abilities: [1, null, 0],
  height: 17,
  weight: 608,
  baseExperience: 270,
  moves: [0],
  learn: ['1'],
  levels: [1],
  pastStats: [[5, 2, 40]],
  pastAbilities: [[4, 3, null]],
  heldItems: [[0, 3]],
};

function context(slim: boolean): BodyContext {
  return {
    origin: ORIGIN,
    abilities: [
      ['stench', 1],
      ['pressure', 46],
    ],
    items: [['soul-dew', 225]],
    fragments: moveFragments([['leer', 43]], ORIGIN),
    slim,
  };
}

describe('pokemonBody', () => {
  it("writes PokeAPI's 21 keys in its order, as valid JSON", () => {
    for (const slim of [true, false]) {
      expect(Object.keys(JSON.parse(pokemonBody(SPECIES, context(slim)).toString()))).toEqual(POKEMON_BODY_KEYS);
    }
  });

  it('names the pokemon after its default form and the species after the species', () => {
    const body = JSON.parse(pokemonBody(SPECIES, context(true)).toString());
    expect(body).toMatchObject({
      id: 386,
      name: 'deoxys-normal',
      forms: [{ name: 'deoxys-normal', url: `${ORIGIN}/api/v2/pokemon-form/386/` }],
      species: { name: 'deoxys', url: `${ORIGIN}/api/v2/pokemon-species/386/` },
    });
  });

  it('numbers ability slots 1, 2 and 3 (hidden), skipping empty ones', () => {
    const body = JSON.parse(pokemonBody(SPECIES, context(true)).toString());
    expect(body.abilities).toEqual([
      { ability: { name: 'pressure', url: `${ORIGIN}/api/v2/ability/46/` }, is_hidden: false, slot: 1 },
      { ability: { name: 'stench', url: `${ORIGIN}/api/v2/ability/1/` }, is_hidden: true, slot: 3 },
    ]);
  });

  it('lists game indices only for games since the species’ generation', () => {
    const body = JSON.parse(pokemonBody(SPECIES, context(true)).toString());
    const versions = body.game_indices.map((g: { version: { name: string } }) => g.version.name);
    expect(versions[0]).toBe('ruby');
    expect(versions).not.toContain('red');
  });

  it('splices the moves list in place', () => {
    const body = JSON.parse(pokemonBody(SPECIES, context(false)).toString());
    expect(body.moves).toEqual([
      {
        move: { name: 'leer', url: `${ORIGIN}/api/v2/move/43/` },
        version_group_details: [
          {
            level_learned_at: 1,
            move_learn_method: { name: 'level-up', url: `${ORIGIN}/api/v2/move-learn-method/1/` },
            order: null,
            version_group: { name: 'scarlet-violet', url: `${ORIGIN}/api/v2/version-group/25/` },
          },
        ],
      },
    ]);
  });
});
