/**
 * Uniform numbers keyed by the request (docs/design.md, "Seeding keyed by the
 * request"): the i-th uniform of the n-th request for `key` on `route` is a
 * pure function of (seed, route, key, n, i). No state, no arrival order, no
 * `Math.random()`, no clock: every process, replica and run agrees.
 *
 * Layout: Philox4x32-10 with key = the seed's two 32-bit halves and counter =
 * (n, i, h₀, h₁), where (h₀, h₁) is a 64-bit hash of `route \0 key`. The
 * first two output words give 52 random bits.
 */
import { philox4x32 } from './philox.ts';

const TWO_26 = 0x400_0000;
const TWO_32 = 0x1_0000_0000;
const TWO_52 = 2 ** 52;

/** The i-th uniform of one request; `i` counts from 0. Values lie in (0, 1). */
export type UniformSource = (i: number) => number;

/**
 * Maps two 32-bit words to a double strictly inside (0, 1): 52 random bits
 * `k`, then `(k + 0.5) / 2^52`, so the extremes are 2^-53 and 1 - 2^-53 and
 * the inverse CDF of an unbounded distribution stays finite.
 */
export function wordsToUniform(w0: number, w1: number): number {
  return ((w0 >>> 6) * TWO_26 + (w1 >>> 6) + 0.5) / TWO_52;
}

/**
 * A 64-bit hash of a string as two 32-bit words: two murmur3-style lanes with
 * different seeds over the UTF-16 code units, each finished with murmur3's
 * fmix32. Not cryptographic; it only has to tell request keys apart.
 */
export function hashString(text: string): [number, number] {
  let h0 = 0x9747b28c;
  let h1 = 0x2545f491;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h0 = mixWord(h0, unit);
    h1 = mixWord(h1, unit ^ 0x5bd1e995);
  }
  return [fmix32(h0 ^ text.length), fmix32(h1 ^ Math.imul(text.length, 0x85ebca6b))];
}

function mixWord(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Splits a safe integer seed (negative too) into the two 32-bit words of a Philox key. */
export function seedKey(seed: number): [number, number] {
  return [seed >>> 0, Math.floor(seed / TWO_32) >>> 0];
}

/**
 * The uniforms of the `n`-th request (0-based) for `key` on `route`.
 * `n` and `i` wrap at 2^32.
 *
 * @example
 * const u = keyedUniforms(1, 'pokemon', '25', 0);
 * u(0) // the same number in every run, process and machine
 */
export function keyedUniforms(seed: number, route: string, key: string, n: number): UniformSource {
  const [h0, h1] = hashString(`${route}\u0000${key}`);
  return uniformsOf(seedKey(seed), h0, h1, n);
}

/**
 * {@link keyedUniforms} from its precomputed parts (the seed's Philox key and
 * the hash of `route \0 key`), for callers that keep them between requests.
 */
export function uniformsOf(philoxKey: [number, number], h0: number, h1: number, n: number): UniformSource {
  return (i) => {
    const [w0, w1] = philox4x32([n >>> 0, i >>> 0, h0, h1], philoxKey);
    return wordsToUniform(w0, w1);
  };
}
