/**
 * Turns Pokémon Showdown learnset sources (`'9L1'`, `'8M'`, `'7E'`, `'8V'`…)
 * into the fixture's per-slot learn-method masks. Pure: no Dex access.
 *
 * A source is `<generation><method><detail>`: L level-up (detail = level),
 * M machine, T tutor, E egg, S event, D Dream World, R restricted, V
 * virtual console (`7V`, a transfer from generations 1-2) or Let's Go (`8V`).
 */
import { LEARN_SLOTS, METHOD_BIT, type LearnSlot } from './learn-encoding.ts';

/** How one species learns one move, ready for the fixture. */
export interface MoveLearnInfo {
  /** Method bitmask per slot, in `LEARN_SLOTS` order. */
  masks: number[];
  /** Level-up level in the latest slot that teaches the move by level-up, else 0. */
  level: number;
}

const METHOD_OF_CODE: Readonly<Record<string, number>> = {
  L: METHOD_BIT['level-up'],
  E: METHOD_BIT.egg,
  T: METHOD_BIT.tutor,
  M: METHOD_BIT.machine,
};

function slotIndex(slot: LearnSlot): number {
  return LEARN_SLOTS.indexOf(slot);
}

const LGPE = slotIndex('lgpe');

/**
 * Folds the sources of one move into slot masks. Sources PokeAPI does not
 * list (events, Dream World, restricted, virtual-console transfers) are
 * dropped; Let's Go (`8V`, no method given) counts as level-up when the
 * species learns the move by level-up in generation 7 or 1, else as machine.
 * Returns null when no source is left: PokeAPI would not list the move.
 *
 * @example
 * learnInfoFromSources(['9M', '9L24', '8L20', '7V']);
 * // { masks: [0, 0, 0, 0, 0, 0, 0, 0, 1, 9], level: 24 }
 */
export function learnInfoFromSources(sources: readonly string[]): MoveLearnInfo | null {
  const masks: number[] = LEARN_SLOTS.map(() => 0);
  const levels = new Map<number, number>();
  let lgpe = false;
  for (const source of sources) {
    const gen = Number(source[0]);
    const code = source[1] ?? '';
    if (!(gen >= 1 && gen <= 9)) continue;
    if (code === 'V') {
      if (gen === 8) lgpe = true;
      continue;
    }
    const bit = METHOD_OF_CODE[code];
    if (bit === undefined) continue;
    const slot = gen <= 7 ? gen - 1 : slotIndex(gen === 8 ? 'gen8' : 'gen9');
    masks[slot] = (masks[slot] ?? 0) | bit;
    if (code === 'L') {
      const level = Number.parseInt(source.slice(2), 10) || 0;
      const seen = levels.get(slot);
      levels.set(slot, seen === undefined ? level : Math.min(seen, level));
    }
  }
  if (lgpe) {
    const byLevel = ((masks[6] ?? 0) | (masks[0] ?? 0)) & METHOD_BIT['level-up'];
    masks[LGPE] = byLevel ? METHOD_BIT['level-up'] : METHOD_BIT.machine;
  }
  if (masks.every((m) => m === 0)) return null;
  let level = 0;
  for (let slot = masks.length - 1; slot >= 0; slot--) {
    const found = levels.get(slot);
    if (found !== undefined) {
      level = found;
      break;
    }
  }
  return { masks, level };
}
