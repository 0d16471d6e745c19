/**
 * Philox4x32-10, the counter-based generator of Random123 (Salmon, Moraes,
 * Dror, Shaw: "Parallel Random Numbers: As Easy as 1, 2, 3", SC'11): a keyed
 * bijection of a 128-bit counter. Output i is a pure function of (key,
 * counter i), so any draw can be computed on its own, in any order, in any
 * process. Plain 32-bit arithmetic, no BigInt; checked against Random123's
 * known-answer vectors.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const TWO_16 = 0x1_0000;
const TWO_32 = 0x1_0000_0000;

/** Four unsigned 32-bit words. */
export type Words4 = readonly [number, number, number, number];

/**
 * The high 32 bits of the 64-bit product of two unsigned 32-bit integers.
 * Exact: `b` is split in 16-bit halves so every partial product fits in a
 * double's 53-bit mantissa.
 */
export function mulhi32(a: number, b: number): number {
  const low = a * (b & 0xffff); // < 2^48
  const high = a * (b >>> 16); // < 2^48
  const highLow = high % TWO_16;
  return (Math.floor(high / TWO_16) + Math.floor((highLow * TWO_16 + low) / TWO_32)) >>> 0;
}

/**
 * Philox4x32 with 10 rounds.
 *
 * @param counter - Four unsigned 32-bit words.
 * @param key - Two unsigned 32-bit words.
 * @returns Four unsigned 32-bit words.
 * @example
 * philox4x32([0, 0, 0, 0], [0, 0]) // [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]
 */
export function philox4x32(counter: Words4, key: readonly [number, number]): [number, number, number, number] {
  let [c0, c1, c2, c3] = counter;
  let [k0, k1] = key;
  c0 >>>= 0;
  c1 >>>= 0;
  c2 >>>= 0;
  c3 >>>= 0;
  k0 >>>= 0;
  k1 >>>= 0;
  for (let round = 0; round < 10; round++) {
    const hi0 = mulhi32(M0, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi32(M1, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  return [c0, c1, c2, c3];
}
