import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPokemonFixture, type PokemonFixture } from '../../../mock-server/data/fixture-format.ts';
import { generatePokemonFixture } from '../../../mock-server/data/generate-fixture.ts';
import { DEFAULT_FIXTURE_PATH } from '../../../mock-server/data/load-fixture.ts';

describe('generatePokemonFixture', () => {
  let first: string;
  let second: string;
  let fixture: PokemonFixture;

  beforeAll(async () => {
    first = await generatePokemonFixture();
    second = await generatePokemonFixture();
    fixture = checkPokemonFixture(JSON.parse(first));
  });

  it('is deterministic: two runs give byte-identical text', () => {
    expect(second === first).toBe(true);
  });

  it('matches the committed fixtures/pokemon.json (regenerate with `npm run fixtures`)', () => {
    expect(readFileSync(DEFAULT_FIXTURE_PATH, 'utf8') === first).toBe(true);
  });

  it('stays compact: one species per line, under 2 MB', () => {
    expect(Buffer.byteLength(first)).toBeLessThan(2_000_000);
    expect(first.split('\n').filter((line) => line.startsWith('{"id":'))).toHaveLength(1025);
  });

  it('lists the 1025 species in national-dex order', () => {
    expect(fixture.species).toHaveLength(1025);
    expect(fixture.species.map((s) => s.id)).toEqual(Array.from({ length: 1025 }, (_, i) => i + 1));
  });

  it.each([
    [1, 'bulbasaur', 'bulbasaur'],
    [25, 'pikachu', 'pikachu'],
    [29, 'nidoran-f', 'nidoran-f'],
    [32, 'nidoran-m', 'nidoran-m'],
    [83, 'farfetchd', 'farfetchd'],
    [122, 'mr-mime', 'mr-mime'],
    [386, 'deoxys-normal', 'deoxys'],
    [439, 'mime-jr', 'mime-jr'],
    [669, 'flabebe', 'flabebe'],
    [772, 'type-null', 'type-null'],
    [1023, 'iron-crown', 'iron-crown'],
    [1025, 'pecharunt', 'pecharunt'],
  ])('names #%i %s (species %s)', (id, name, species) => {
    expect(fixture.species[id - 1]).toMatchObject({ id, name, species });
  });

  it('gives every species unique names that no other species uses as an alias', () => {
    const owners = new Map<string, number>();
    for (const s of fixture.species) {
      for (const key of new Set([s.name, s.species])) {
        expect(owners.get(key) ?? s.id).toBe(s.id);
        owners.set(key, s.id);
      }
    }
  });

  it('takes types, stats, abilities and weight from @pkmn/dex', () => {
    const bulbasaur = fixture.species[0];
    expect(bulbasaur?.types).toEqual(['grass', 'poison']);
    expect(bulbasaur?.stats).toEqual([45, 49, 49, 65, 65, 45]);
    expect(bulbasaur?.weight).toBe(69);
    const [slot1, slot2, hidden] = bulbasaur?.abilities ?? [0, null, null];
    expect(fixture.abilities[slot1]).toEqual(['overgrow', 65]);
    expect(slot2).toBeNull();
    expect(fixture.abilities[hidden ?? -1]).toEqual(['chlorophyll', 34]);
  });

  it('gives every species learnable moves, as ascending indices into the move table', () => {
    for (const s of fixture.species) {
      expect(s.moves.length).toBeGreaterThan(0);
      expect(s.moves.toSorted((a, b) => a - b)).toEqual(s.moves);
      expect(new Set(s.moves).size).toBe(s.moves.length);
    }
    const pikachu = fixture.species[24];
    const names = new Set(pikachu?.moves.map((m) => fixture.moves[m]?.[0]));
    expect(names.has('thunderbolt')).toBe(true);
    expect(names.has('frenzy-plant')).toBe(false);
  });

  it('keeps move and ability tables sorted by unique PokeAPI id', () => {
    for (const table of [fixture.moves, fixture.abilities]) {
      const ids = table.map(([, id]) => id);
      expect(ids).toEqual(ids.toSorted((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
