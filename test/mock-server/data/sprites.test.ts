import { describe, expect, it } from 'vitest';
import { spritesFor } from '../../../mock-server/data/sprites.ts';

const ORIGIN = 'http://127.0.0.1:9999';

type Sets = Record<string, Record<string, Record<string, unknown>>>;

describe('spritesFor', () => {
  it("has PokeAPI's front and back sprites, on the origin", () => {
    const sprites = spritesFor(25, 1, { origin: ORIGIN, versions: false });
    expect(sprites['front_default']).toBe(`${ORIGIN}/media/sprites/pokemon/25.png`);
    expect(sprites['back_shiny']).toBe(`${ORIGIN}/media/sprites/pokemon/back/shiny/25.png`);
    expect(sprites['front_female']).toBeNull();
    expect(Object.keys(sprites['other'] as object)).toEqual(['dream_world', 'home', 'official-artwork', 'showdown']);
  });

  it('leaves out per-game sprites unless asked for them', () => {
    expect(spritesFor(25, 1, { origin: ORIGIN, versions: false })).not.toHaveProperty('versions');
    expect(spritesFor(25, 1, { origin: ORIGIN, versions: true })).toHaveProperty('versions');
  });

  it('has null sprites for games older than the species', () => {
    const versions = spritesFor(906, 9, { origin: ORIGIN, versions: true })['versions'] as Sets;
    expect(versions['generation-i']?.['red-blue']?.['front_default']).toBeNull();
    const old = spritesFor(1, 1, { origin: ORIGIN, versions: true })['versions'] as Sets;
    expect(old['generation-i']?.['red-blue']?.['front_default']).toBe(`${ORIGIN}/media/sprites/pokemon/versions/generation-i/red-blue/1.png`);
  });

  it('has dream-world art only for species up to generation 5', () => {
    const other = (gen: number) => spritesFor(1, gen, { origin: ORIGIN, versions: false })['other'] as Sets;
    expect(other(5)['dream_world']?.['front_default']).toBe(`${ORIGIN}/media/sprites/pokemon/other/dream-world/1.svg`);
    expect(other(6)['dream_world']?.['front_default']).toBeNull();
  });
});
