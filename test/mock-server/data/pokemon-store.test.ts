import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { POKEMON_BODY_KEYS } from './pokemon-body-keys.ts';
import { createPokemonStore, type PokemonStore } from '../../../mock-server/data/pokemon-store.ts';
import { bodySizeDistribution } from '../../../mock-server/data/size-distribution.ts';

const ORIGIN = 'http://127.0.0.1:8080';
const KB = 1024;
const ids = Array.from({ length: 1025 }, (_, i) => i + 1);

/** How many times `needle` occurs in `body`. */
function occurrences(body: Buffer, needle: string): number {
  let count = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + needle.length)) count++;
  return count;
}

function sizeOf(store: PokemonStore, name: string): number {
  return store.bodyById(store.idByName(name) ?? 0)?.length ?? 0;
}

function parse(store: PokemonStore, id: number): Record<string, unknown> {
  const body = store.bodyById(id);
  if (!body) throw new Error(`no body for ${id}`);
  return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
}

interface MoveEntry {
  move: { name: string; url: string };
  version_group_details: Record<string, unknown>[];
}

describe('createPokemonStore', () => {
  let slim: PokemonStore;
  let realistic: PokemonStore;

  beforeAll(() => {
    slim = createPokemonStore({ payload: 'slim', origin: ORIGIN });
    realistic = createPokemonStore({ payload: 'realistic', origin: ORIGIN });
  });

  describe('contents', () => {
    it('holds the 1025 species', () => {
      expect(slim.count).toBe(1025);
      expect(realistic.count).toBe(1025);
      expect(slim.payload).toBe('slim');
      expect(realistic.payload).toBe('realistic');
    });

    it("gives ids 1..1025 bodies with exactly PokeAPI's 21 top-level keys, in its order", () => {
      for (const store of [slim, realistic]) {
        for (const id of ids) expect(Object.keys(parse(store, id))).toEqual(POKEMON_BODY_KEYS);
      }
    });

    it('returns the same bytes on every call (built once, served from memory)', () => {
      expect(realistic.bodyById(1)).toBe(realistic.bodyById(1));
    });

    it('has no body for ids outside 1..count', () => {
      for (const id of [0, -1, 1026, 1.5, Number.NaN]) {
        expect(slim.bodyById(id)).toBeUndefined();
        expect(slim.nameById(id)).toBeUndefined();
      }
    });
  });

  describe('names', () => {
    it.each([
      ['mr-mime', 122],
      ['iron-crown', 1023],
      ['pikachu', 25],
      ['nidoran-f', 29],
      ['nidoran-m', 32],
      ['type-null', 772],
      ['farfetchd', 83],
      ['flabebe', 669],
      ['deoxys-normal', 386],
      ['deoxys', 386],
      ['zygarde-50', 718],
      ['zygarde', 718],
    ])('maps %s to %i', (name, id) => {
      expect(slim.idByName(name)).toBe(id);
    });

    it('names default forms as PokeAPI does', () => {
      expect(slim.nameById(386)).toBe('deoxys-normal');
      expect(slim.nameById(925)).toBe('maushold-family-of-four');
      expect(slim.nameById(122)).toBe('mr-mime');
    });

    it('looks names up case-insensitively', () => {
      expect(slim.idByName('Pikachu')).toBe(25);
      expect(slim.idByName('DEOXYS-Normal')).toBe(386);
    });

    it('knows nothing of names outside the dex', () => {
      expect(slim.idByName('missingno')).toBeUndefined();
      expect(slim.idByName('')).toBeUndefined();
      expect(slim.idByName('toString')).toBeUndefined();
    });

    it('round-trips: idByName(nameById(id)) = id for every id', () =>
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1025 }), (id) => {
          expect(slim.idByName(slim.nameById(id) ?? '')).toBe(id);
        }),
        { numRuns: 500 },
      ));

    it("puts each id's name and id in its body", () => {
      for (const id of ids) expect(parse(slim, id)).toMatchObject({ id, name: slim.nameById(id) });
      expect(parse(realistic, 386)).toMatchObject({ id: 386, name: 'deoxys-normal', species: { name: 'deoxys' } });
    });
  });

  describe('shape', () => {
    it("links resources like PokeAPI, on the store's origin with a trailing slash", () => {
      const body = parse(slim, 1);
      expect(body['species']).toEqual({ name: 'bulbasaur', url: `${ORIGIN}/api/v2/pokemon-species/1/` });
      expect(body['forms']).toEqual([{ name: 'bulbasaur', url: `${ORIGIN}/api/v2/pokemon-form/1/` }]);
      expect(body['location_area_encounters']).toBe(`${ORIGIN}/api/v2/pokemon/1/encounters`);
      expect(body['types']).toEqual([
        { slot: 1, type: { name: 'grass', url: `${ORIGIN}/api/v2/type/12/` } },
        { slot: 2, type: { name: 'poison', url: `${ORIGIN}/api/v2/type/4/` } },
      ]);
      expect(body['abilities']).toEqual([
        { ability: { name: 'overgrow', url: `${ORIGIN}/api/v2/ability/65/` }, is_hidden: false, slot: 1 },
        { ability: { name: 'chlorophyll', url: `${ORIGIN}/api/v2/ability/34/` }, is_hidden: true, slot: 3 },
      ]);
      expect(body['stats']).toEqual(
        [45, 49, 49, 65, 65, 45].map((base_stat, i) => ({
          base_stat,
          effort: i === 3 ? 1 : 0,
          stat: {
            name: ['hp', 'attack', 'defense', 'special-attack', 'special-defense', 'speed'][i],
            url: `${ORIGIN}/api/v2/stat/${i + 1}/`,
          },
        })),
      );
      expect(body).toMatchObject({ height: 7, weight: 69, base_experience: 64, is_default: true, order: 1 });
      expect(body['sprites']).toMatchObject({ front_default: `${ORIGIN}/media/sprites/pokemon/1.png` });
      expect(body['cries']).toEqual({
        latest: `${ORIGIN}/media/cries/pokemon/latest/1.ogg`,
        legacy: `${ORIGIN}/media/cries/pokemon/legacy/1.ogg`,
      });
    });

    it('points every URL of every body at the origin', () => {
      // Realistic bodies hold ~1.2M URLs in all: a stride of them keeps the test fast.
      const checks = [...ids.map((id) => [slim, id] as const), ...ids.filter((id) => id % 8 === 1).map((id) => [realistic, id] as const)];
      for (const [store, id] of checks) {
        const body = store.bodyById(id) ?? Buffer.alloc(0);
        const onOrigin = occurrences(body, `"${ORIGIN}/`);
        expect(onOrigin).toBeGreaterThan(0);
        expect(occurrences(body, '"http')).toBe(onOrigin);
      }
    });

    it('differs between origins only in the origin', () => {
      const other = createPokemonStore({ payload: 'slim', origin: 'https://pokeapi.test' });
      for (const id of [1, 386, 1025]) {
        expect(other.bodyById(id)?.toString().replaceAll('https://pokeapi.test/', `${ORIGIN}/`)).toBe(slim.bodyById(id)?.toString());
      }
    });

    it('gives every move a move reference and PokeAPI-shaped version-group details', () => {
      for (const store of [slim, realistic]) {
        for (const id of [1, 25, 150, 386, 1025]) {
          const moves = parse(store, id)['moves'] as MoveEntry[];
          expect(moves.length).toBeGreaterThan(0);
          for (const entry of moves) {
            expect(entry.move.url).toMatch(new RegExp(`^${ORIGIN}/api/v2/move/\\d+/$`));
            expect(entry.version_group_details.length).toBeGreaterThan(0);
            for (const detail of entry.version_group_details) {
              expect(Object.keys(detail)).toEqual(['level_learned_at', 'move_learn_method', 'order', 'version_group']);
              expect(detail['move_learn_method']).toEqual({ name: expect.any(String), url: expect.stringMatching(/\/move-learn-method\/\d\/$/) });
              expect(detail['version_group']).toEqual({ name: expect.any(String), url: expect.stringMatching(/\/version-group\/\d+\/$/) });
            }
          }
        }
      }
    });

    it('gives a level only to level-up details', () => {
      const moves = parse(realistic, 1)['moves'] as MoveEntry[];
      for (const detail of moves.flatMap((m) => m.version_group_details)) {
        const method = (detail['move_learn_method'] as { name: string }).name;
        if (method !== 'level-up') expect(detail['level_learned_at']).toBe(0);
      }
      const growl = moves.find((m) => m.move.name === 'growl');
      expect(growl?.version_group_details.map((d) => d['level_learned_at'])).toContain(1);
    });
  });

  describe('payload sizes', () => {
    it('keeps slim bodies under 16 KB (every key, short lists), with at most 4 moves of one detail each', () => {
      for (const id of ids) {
        expect(slim.bodyById(id)?.length).toBeLessThan(16 * KB);
        const moves = parse(slim, id)['moves'] as MoveEntry[];
        expect(moves.length).toBeLessThanOrEqual(4);
        for (const entry of moves) expect(entry.version_group_details).toHaveLength(1);
      }
    });

    it('lists every learnable move in realistic bodies, slim ones being their first four', () => {
      for (const id of [1, 25, 1025]) {
        const full = (parse(realistic, id)['moves'] as MoveEntry[]).map((m) => m.move.name);
        const cut = (parse(slim, id)['moves'] as MoveEntry[]).map((m) => m.move.name);
        expect(cut).toEqual(full.slice(0, 4));
      }
    });

    it("lands near live PokeAPI's size distribution: median ~99 KB ±30%, p90 ~263 KB ±30%", () => {
      const d = bodySizeDistribution(realistic);
      expect(d.median).toBeGreaterThan(0.7 * 99 * KB);
      expect(d.median).toBeLessThan(1.3 * 99 * KB);
      expect(d.p90).toBeGreaterThan(0.7 * 263 * KB);
      expect(d.p90).toBeLessThan(1.3 * 263 * KB);
      expect(d.max).toBeLessThan(1.3 * 665 * KB);
    });

    it('makes early species heaviest: bulbasaur 150-400 KB, mewtwo above bulbasaur, pecharunt under 60 KB', () => {
      const bulbasaur = sizeOf(realistic, 'bulbasaur');
      expect(bulbasaur).toBeGreaterThan(150 * KB);
      expect(bulbasaur).toBeLessThan(400 * KB);
      expect(sizeOf(realistic, 'mewtwo')).toBeGreaterThan(bulbasaur);
      expect(sizeOf(realistic, 'pecharunt')).toBeLessThan(60 * KB);
    });
  });

  describe('options', () => {
    it('defaults to slim', () => {
      expect(createPokemonStore({ origin: ORIGIN }).payload).toBe('slim');
    });

    it('drops a trailing slash from the origin', () => {
      const store = createPokemonStore({ origin: `${ORIGIN}/` });
      expect(store.bodyById(1)?.toString()).toBe(slim.bodyById(1)?.toString());
    });

    it.each([undefined, '', 'localhost:8080', 'ftp://127.0.0.1', 'http://127.0.0.1:8080/api', 'http://127.0.0.1:8080?x=1'])(
      'rejects origin %j, naming options.origin',
      (origin) => {
        expect(() => createPokemonStore({ origin: origin as string })).toThrow(
          expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_OPTION', option: 'options.origin' }),
        );
      },
    );

    it('rejects an unknown payload, naming options.payload', () => {
      expect(() => createPokemonStore({ origin: ORIGIN, payload: 'huge' as 'slim' })).toThrow(
        expect.objectContaining({ code: 'ERR_POKEBENCH_INVALID_OPTION', option: 'options.payload' }),
      );
    });
  });
});
