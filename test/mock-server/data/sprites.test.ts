import { describe, expect, it } from 'vitest';
import { spritesFor } from '../../../mock-server/data/sprites.ts';

const ORIGIN = 'http://127.0.0.1:9999';

type Sets = Record<string, Record<string, Record<string, unknown>>>;

describe('spritesFor', () => {
  it("has PokeAPI's front and back sprites, on the origin", () => {
    const sprites = spritesFor(25, 1, { origin: ORIGIN });
    expect(sprites['front_default']).toBe(`${ORIGIN}/media/sprites/pokemon/25.png`);
    expect(sprites['back_shiny']).toBe(`${ORIGIN}/media/sprites/pokemon/back/shiny/25.png`);
    expect(sprites['front_female']).toBeNull();
    expect(Object.keys(sprites['other'] as object)).toEqual(['dream_world', 'home', 'official-artwork', 'showdown']);
  });

  it('always has the per-game sprites, through generation IX', () => {
    const versions = spritesFor(25, 1, { origin: ORIGIN })['versions'] as Sets;
    expect(Object.keys(versions)).toContain('generation-ix');
    expect(versions['generation-viii']?.['brilliant-diamond-shining-pearl']?.['front_default']).toBe(`${ORIGIN}/media/sprites/pokemon/versions/generation-viii/brilliant-diamond-shining-pearl/25.png`);
  });

  it('has null sprites for games older than the species', () => {
    const versions = spritesFor(906, 9, { origin: ORIGIN })['versions'] as Sets;
    expect(versions['generation-i']?.['red-blue']?.['front_default']).toBeNull();
    const old = spritesFor(1, 1, { origin: ORIGIN })['versions'] as Sets;
    expect(old['generation-i']?.['red-blue']?.['front_default']).toBe(`${ORIGIN}/media/sprites/pokemon/versions/generation-i/red-blue/1.png`);
  });

  it('has dream-world art and black-white front sprites for every species, black-white backs only up to generation V', () => {
    const other = spritesFor(1025, 9, { origin: ORIGIN })['other'] as Sets;
    expect(other['dream_world']?.['front_default']).toBe(`${ORIGIN}/media/sprites/pokemon/other/dream-world/1025.svg`);
    const bw = (spritesFor(1025, 9, { origin: ORIGIN })['versions'] as Sets)['generation-v']?.['black-white'];
    expect(bw?.['front_default']).toBe(`${ORIGIN}/media/sprites/pokemon/versions/generation-v/black-white/1025.png`);
    expect(bw?.['back_default']).toBeNull();
  });
});
