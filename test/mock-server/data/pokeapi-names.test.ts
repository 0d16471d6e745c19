import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM_NAMES, pokemonNameOf } from '../../../mock-server/data/pokeapi-names.ts';

describe('pokemonNameOf', () => {
  it('names species with formes after their default form', () => {
    expect(pokemonNameOf('deoxys')).toBe('deoxys-normal');
    expect(pokemonNameOf('zygarde')).toBe('zygarde-50');
    expect(pokemonNameOf('maushold')).toBe('maushold-family-of-four');
  });

  it('keeps the species slug for every other species', () => {
    expect(pokemonNameOf('pikachu')).toBe('pikachu');
    expect(pokemonNameOf('mr-mime')).toBe('mr-mime');
  });

  it('does not treat inherited object keys as species', () => {
    expect(pokemonNameOf('constructor')).toBe('constructor');
    expect(pokemonNameOf('toString')).toBe('toString');
  });

  it('only ever appends a form suffix to the species slug', () => {
    for (const [species, name] of Object.entries(DEFAULT_FORM_NAMES)) {
      expect(name.startsWith(`${species}-`)).toBe(true);
    }
  });
});
