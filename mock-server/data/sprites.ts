/**
 * The `sprites` object of a pokemon body, shaped like PokeAPI's. Image URLs
 * point at the mock's own origin under `/media/` (the mock serves no images:
 * clients that follow them get a 404, never a request off the machine).
 */

type SpriteSet = Record<string, string | null>;

const FRONT_BACK = ['back_default', 'back_female', 'back_shiny', 'back_shiny_female', 'front_default', 'front_female', 'front_shiny', 'front_shiny_female'];
const FRONT4 = ['front_default', 'front_female', 'front_shiny', 'front_shiny_female'];
const GEN1 = ['back_default', 'back_gray', 'back_transparent', 'front_default', 'front_gray', 'front_transparent'];
const CRYSTAL = ['back_default', 'back_shiny', 'back_shiny_transparent', 'back_transparent', 'front_default', 'front_shiny', 'front_shiny_transparent', 'front_transparent'];
const GOLD = ['back_default', 'back_shiny', 'front_default', 'front_shiny', 'front_transparent'];
const PLAIN4 = ['back_default', 'back_shiny', 'front_default', 'front_shiny'];
const ICONS = ['front_default', 'front_female'];

/** The version sprite sets, by generation key, with the generation they need. */
const VERSIONS: ReadonlyArray<readonly [generation: string, gen: number, sets: ReadonlyArray<readonly [game: string, keys: string[]]>]> = [
  ['generation-i', 1, [['red-blue', GEN1], ['yellow', GEN1]]],
  ['generation-ii', 2, [['crystal', CRYSTAL], ['gold', GOLD], ['silver', GOLD]]],
  ['generation-iii', 3, [['emerald', ['front_default', 'front_shiny']], ['firered-leafgreen', PLAIN4], ['ruby-sapphire', PLAIN4]]],
  ['generation-iv', 4, [['diamond-pearl', FRONT_BACK], ['heartgold-soulsilver', FRONT_BACK], ['platinum', FRONT_BACK]]],
  ['generation-v', 5, [['black-white', FRONT_BACK]]],
  ['generation-vi', 6, [['omegaruby-alphasapphire', FRONT4], ['x-y', FRONT4]]],
  ['generation-vii', 7, [['icons', ICONS], ['ultra-sun-ultra-moon', FRONT4]]],
  ['generation-viii', 8, [['brilliant-diamond-shining-pearl', ICONS], ['icons', ICONS]]],
  ['generation-ix', 9, [['scarlet-violet', ICONS]]],
];

function spriteSet(base: string, keys: readonly string[], id: number, ext: string, present: boolean | ((key: string) => boolean)): SpriteSet {
  const set: SpriteSet = {};
  for (const key of keys) {
    // Female variants exist for few species only; PokeAPI has null for the rest.
    if (!(typeof present === 'function' ? present(key) : present) || key.includes('female')) {
      set[key] = null;
      continue;
    }
    const dirs = key.split('_').filter((part) => part !== 'front' && part !== 'default');
    set[key] = `${base}/${[...dirs, `${id}.${ext}`].join('/')}`;
  }
  return set;
}

/** Where the sprite URLs point. */
export interface SpritesOptions {
  /** Origin of the mock, e.g. `http://127.0.0.1:8080`. */
  origin: string;
}

/**
 * The `sprites` object for a species introduced in generation `gen`: per-game
 * sprites of games before that generation are null, as in PokeAPI.
 *
 * @example
 * spritesFor(25, 1, { origin: 'http://127.0.0.1:8080' }).front_default;
 * // 'http://127.0.0.1:8080/media/sprites/pokemon/25.png'
 */
export function spritesFor(id: number, gen: number, options: SpritesOptions): Record<string, unknown> {
  const root = `${options.origin}/media/sprites/pokemon`;
  const sprites: Record<string, unknown> = {
    ...spriteSet(root, FRONT_BACK, id, 'png', true),
    other: {
      dream_world: spriteSet(`${root}/other/dream-world`, ICONS, id, 'svg', true),
      home: spriteSet(`${root}/other/home`, FRONT4, id, 'png', true),
      'official-artwork': spriteSet(`${root}/other/official-artwork`, ['front_default', 'front_shiny'], id, 'png', true),
      showdown: spriteSet(`${root}/other/showdown`, FRONT_BACK, id, 'gif', true),
    },
  };
  const versions: Record<string, Record<string, unknown>> = {};
  for (const [generation, since, sets] of VERSIONS) {
    const games: Record<string, unknown> = {};
    for (const [game, keys] of sets) {
      // Black-white front sprites exist for every species in PokeAPI (drawn later for the newer ones); backs only for its own.
      const present = game === 'black-white' ? (key: string) => key.startsWith('front') || gen <= since : gen <= since;
      const set: Record<string, unknown> = spriteSet(`${root}/versions/${generation}/${game}`, keys, id, 'png', present);
      if (game === 'black-white') {
        set['animated'] = spriteSet(`${root}/versions/${generation}/${game}/animated`, FRONT_BACK, id, 'gif', gen <= since);
      }
      games[game] = set;
    }
    versions[generation] = games;
  }
  sprites['versions'] = versions;
  return sprites;
}
