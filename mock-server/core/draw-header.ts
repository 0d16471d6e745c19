/**
 * The request header that names a request's draw, so its delay does not
 * depend on which worker or replica answers it. Without the header a delay is
 * the key's next draw in the answering process (a per-process counter); with
 * it, a pure function of (seed, route, key, draw name), the same everywhere.
 */
import type { DrawName } from '../profile/index.ts';

/** The header a client sets to name the draw (lower case, as node:http and undici report headers). */
export const DRAW_HEADER = 'x-pokebench-draw';

/** Longest accepted draw name. */
export const MAX_DRAW_NAME_LENGTH = 128;

const DRAW_NAME = /^[A-Za-z0-9._:/-]+$/;
const TWO_32 = 0x1_0000_0000;

/** A parsed header: the draw, none (header absent), or why the value is unusable. */
export type DrawHeaderResult = { ok: true; draw: DrawName | undefined } | { ok: false; reason: string };

/**
 * Reads the `x-pokebench-draw` value. A whole number below 2^32 names the
 * key's n-th draw (what a fresh single process gives the key's n-th request,
 * so a client that counts its requests per key sees the same delays with or
 * without the header); any other name of 1 to 128 characters `A-Z a-z 0-9 . _
 * : / -` (e.g. `run-7/rep-2/req-41`) picks its own stream.
 *
 * @example
 * parseDrawHeader('3')               // { ok: true, draw: { n: 3 } }
 * parseDrawHeader('run-7/rep-2/41')  // { ok: true, draw: { salt: 'run-7/rep-2/41' } }
 * parseDrawHeader(undefined)         // { ok: true, draw: undefined }
 */
export function parseDrawHeader(value: string | readonly string[] | undefined | null): DrawHeaderResult {
  if (value === undefined || value === null) return { ok: true, draw: undefined };
  if (typeof value !== 'string') return { ok: false, reason: `send one ${DRAW_HEADER} header, not ${value.length}` };
  if (value.length === 0 || value.length > MAX_DRAW_NAME_LENGTH || !DRAW_NAME.test(value)) {
    return { ok: false, reason: `${DRAW_HEADER} must be 1 to ${MAX_DRAW_NAME_LENGTH} characters of A-Z a-z 0-9 . _ : / - (a draw index or a name like run-7/rep-2/41)` };
  }
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    if (n < TWO_32) return { ok: true, draw: { n } };
  }
  return { ok: true, draw: { salt: value } };
}

/**
 * The `x-pokebench-draw` value(s) of a request, from Node's `rawHeaders`
 * (name, value, name, value...) rather than `req.headers`, which Node builds
 * lazily: an API request without the header never needs it. Several
 * headers come back as an array (which {@link parseDrawHeader} refuses).
 */
export function drawHeaderFromRaw(rawHeaders: readonly string[]): string | string[] | undefined {
  let found: string | string[] | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    if (name.length !== DRAW_HEADER.length || name.toLowerCase() !== DRAW_HEADER) continue;
    const value = rawHeaders[i + 1] ?? '';
    found = found === undefined ? value : [...(typeof found === 'string' ? [found] : found), value];
  }
  return found;
}
