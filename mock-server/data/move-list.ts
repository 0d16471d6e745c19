/**
 * The `moves` array of a pokemon body, as JSON bytes. It is most of a
 * realistic body (up to ~600 KB for one species, ~130 MB for all), so it is
 * assembled from byte fragments instead of built as objects and stringified:
 * each move's head once per store, each distinct list of details (a learn
 * pattern and level: ~6.6k of them for ~78k species-move pairs) once per store.
 */
import type { NamedId } from './fixture-format.ts';
import { decodeLearn, LEARN_METHODS, LEARN_SLOTS } from './learn-encoding.ts';
import { LEARN_METHOD_IDS, SLOT_VERSION_GROUPS } from './pokeapi-resources.ts';

/** How many moves, each with one version-group detail, a slim body keeps. */
export const SLIM_MOVES = 4;

const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');
const COMMA = Buffer.from(',');

const ref = (name: string, url: string) => `{"name":${JSON.stringify(name)},"url":${JSON.stringify(url)}}`;

/** Fragments shared by every body of one store; make them with {@link moveFragments}. */
export interface MoveFragments {
  /** Per move-table index: `{"move":{…},"version_group_details":[`. */
  readonly heads: readonly Buffer[];
  /** Per slot, per method bit: the text after the level of each detail, one per version group. */
  readonly tails: readonly (readonly (readonly string[])[])[];
  /** Details text plus `]}`, by learn pattern, level and payload; filled as bodies are built. */
  readonly details: Map<string, Buffer>;
}

/**
 * Builds the fragments for a move table and an origin. Names and URLs go
 * through `JSON.stringify`, so any origin yields valid JSON.
 */
export function moveFragments(moves: readonly NamedId[], origin: string): MoveFragments {
  const api = `${origin}/api/v2`;
  const heads = moves.map(([name, id]) => Buffer.from(`{"move":${ref(name, `${api}/move/${id}/`)},"version_group_details":[`));
  const tails = LEARN_SLOTS.map((slot) =>
    LEARN_METHODS.map((method) => {
      const methodRef = ref(method, `${api}/move-learn-method/${LEARN_METHOD_IDS[method]}/`);
      return SLOT_VERSION_GROUPS[slot][method].map(
        (group) => `,"move_learn_method":${methodRef},"order":null,"version_group":${ref(group.name, `${api}/version-group/${group.id}/`)}}`,
      );
    }),
  );
  return { heads, tails, details: new Map() };
}

/** One species' moves, as the fixture stores them. */
export interface LearnedMoves {
  moves: readonly number[];
  learn: readonly string[];
  levels: readonly number[];
}

function detailList(packed: string, level: number, tails: MoveFragments['tails'], slim: boolean): string[] {
  const masks = decodeLearn(packed);
  const out: string[] = [];
  // Slim keeps one detail: the most recent game's first method.
  const slots = slim ? [masks.findLastIndex((m) => m !== 0)] : masks.map((_, i) => i);
  for (const slot of slots) {
    const mask = masks[slot] ?? 0;
    for (let bit = 0; bit < LEARN_METHODS.length; bit++) {
      if ((mask & (1 << bit)) === 0) continue;
      const groups = tails[slot]?.[bit] ?? [];
      const lead = `{"level_learned_at":${bit === 0 ? level : 0}`;
      for (const tail of slim ? groups.slice(-1) : groups) {
        out.push(lead + tail);
        if (slim) return out;
      }
    }
  }
  return out;
}

function detailsOf(packed: string, level: number, fragments: MoveFragments, slim: boolean): Buffer | undefined {
  const key = `${slim ? 's' : 'r'}${packed}:${level}`;
  let bytes = fragments.details.get(key);
  if (bytes === undefined) {
    const list = detailList(packed, level, fragments.tails, slim);
    bytes = list.length === 0 ? Buffer.alloc(0) : Buffer.from(`${list.join(',')}]}`);
    fragments.details.set(key, bytes);
  }
  return bytes.length === 0 ? undefined : bytes;
}

/**
 * The `moves` array as a list of byte chunks to concatenate. `slim` keeps the
 * first {@link SLIM_MOVES} moves with one detail each; otherwise every move
 * gets one detail per version group and learn method, as PokeAPI lists them.
 *
 * @example
 * Buffer.concat(moveListChunks({ moves: [0], learn: ['1'], levels: [5] }, fragments, false)).toString();
 * // '[{"move":{"name":"pound",…},"version_group_details":[{"level_learned_at":5,…,"version_group":{"name":"scarlet-violet",…}}]}]'
 */
export function moveListChunks(learned: LearnedMoves, fragments: MoveFragments, slim: boolean): Buffer[] {
  const chunks: Buffer[] = [OPEN];
  const limit = slim ? SLIM_MOVES : learned.moves.length;
  let kept = 0;
  for (let i = 0; i < learned.moves.length && kept < limit; i++) {
    const head = fragments.heads[learned.moves[i] ?? -1];
    const details = detailsOf(learned.learn[i] ?? '', learned.levels[i] ?? 0, fragments, slim);
    if (head === undefined || details === undefined) continue;
    if (kept > 0) chunks.push(COMMA);
    chunks.push(head, details);
    kept++;
  }
  chunks.push(CLOSE);
  return chunks;
}
