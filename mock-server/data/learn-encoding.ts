/**
 * How the fixture stores *how* a species learns one move: for each learn slot
 * (a game generation, plus Let's Go as its own slot) a set of learn methods,
 * packed as one hex digit per slot.
 *
 * The string lists the slots oldest first with leading zeros trimmed, so a
 * move learnt only in generation 9 by level-up is `"1"` and Bulbasaur's Growl
 * (level-up in every generation and in Let's Go) is `"1111111111"`.
 */

/** Learn slots, oldest first: generations 1-7, Let's Go, generations 8-9. */
export const LEARN_SLOTS = ['gen1', 'gen2', 'gen3', 'gen4', 'gen5', 'gen6', 'gen7', 'lgpe', 'gen8', 'gen9'] as const;

/** One learn slot. */
export type LearnSlot = (typeof LEARN_SLOTS)[number];

/** PokeAPI's move-learn-method names this kit emits; bit `1 << i` stands for `LEARN_METHODS[i]`. */
export const LEARN_METHODS = ['level-up', 'egg', 'tutor', 'machine'] as const;

/** One learn method. */
export type LearnMethod = (typeof LEARN_METHODS)[number];

/** Bit of each learn method inside a slot's digit. */
export const METHOD_BIT: Readonly<Record<LearnMethod, number>> = Object.freeze({
  'level-up': 1,
  egg: 2,
  tutor: 4,
  machine: 8,
});

/** Method bitmask per slot, in {@link LEARN_SLOTS} order; each entry 0..15. */
export type SlotMasks = readonly number[];

/**
 * Packs one method bitmask per slot into the fixture's string.
 *
 * @example
 * encodeLearn([0, 0, 0, 0, 0, 0, 0, 0, 0, 9]); // '9' (level-up and machine in gen 9)
 */
export function encodeLearn(masks: SlotMasks): string {
  if (masks.length !== LEARN_SLOTS.length) {
    throw new RangeError(`masks must have ${LEARN_SLOTS.length} entries, got ${masks.length}.`);
  }
  let out = '';
  for (const mask of masks) {
    if (!Number.isInteger(mask) || mask < 0 || mask > 15) throw new RangeError(`each mask must be 0..15, got ${mask}.`);
    out += mask.toString(16);
  }
  return out.replace(/^0+/, '');
}

/**
 * Unpacks a string made by {@link encodeLearn} into one bitmask per slot.
 *
 * @example
 * decodeLearn('9'); // [0, 0, 0, 0, 0, 0, 0, 0, 0, 9]
 */
export function decodeLearn(packed: string): number[] {
  if (packed.length > LEARN_SLOTS.length || !/^[0-9a-f]*$/.test(packed)) {
    throw new RangeError(`packed learn data must be at most ${LEARN_SLOTS.length} hex digits, got '${packed}'.`);
  }
  const full = packed.padStart(LEARN_SLOTS.length, '0');
  const masks: number[] = [];
  for (let i = 0; i < full.length; i++) masks.push(Number.parseInt(full[i] ?? '0', 16));
  return masks;
}
