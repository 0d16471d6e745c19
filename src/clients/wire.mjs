// What both threads need to speak to the mock PokeAPI over undici. Plain JS on
// purpose: worker threads load no TypeScript, and the main-thread clients
// import the same file (typed by wire.d.mts), so the wire details live once.
import { FreeListPool } from './free-list-pool.mjs';

/** Response header where the mock server stamps the delay it applied, in ms. */
export const DELAY_HEADER = 'x-mock-delay-ms';

/** Path prefix of one pokemon (`/api/v2/pokemon/{id}`). */
export const POKEMON_PATH = '/api/v2/pokemon/';

/** `code` of the error a client rejects with when a body that should be JSON is not. */
export const INVALID_JSON = 'ERR_POKEBENCH_INVALID_JSON';

const decoder = new TextDecoder();

/**
 * A connection pool for `options.origin` (a {@link FreeListPool}: undici's
 * `Pool` contract with a dispatch that does not grow with the number of
 * connections), configured from resolved client options, that counts the
 * sockets it opens (its `connect` event fires once per new connection).
 */
export function createCountingPool(options) {
  const pool = new FreeListPool(options.origin, {
    connections: Number.isFinite(options.connections) ? options.connections : null,
    pipelining: options.pipelining,
    connect: { timeout: options.connectTimeoutMs },
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
    keepAliveTimeout: options.keepAliveTimeoutMs,
  });
  let opened = 0;
  pool.on('connect', () => {
    opened += 1;
  });
  return { pool, connectionsOpened: () => opened };
}

/** The request path of pokemon `id` under `basePath` (`''` or `/prefix`). */
export function pokemonPath(basePath, id) {
  return `${basePath}${POKEMON_PATH}${id}`;
}

/** GET pokemon `id` with undici `request` (and `requestHeaders`, if any) and read the whole body. */
export async function getPokemon(pool, basePath, id, signal, requestHeaders) {
  const { statusCode, headers, body } = await pool.request({ method: 'GET', path: pokemonPath(basePath, id), signal, headers: requestHeaders });
  const bytes = await body.bytes();
  return { status: statusCode, delayHeader: headers[DELAY_HEADER], retryAfterHeader: headers['retry-after'], body: bytes };
}

/**
 * A `Retry-After` value in ms: delay-seconds or an HTTP date (relative to
 * `nowMs`); undefined when absent or unreadable.
 */
export function parseRetryAfterMs(raw, nowMs = Date.now()) {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

/** The delay stamped in a `x-mock-delay-ms` value, or undefined when absent or not a non-negative number. */
export function parseDelayMs(raw) {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const ms = Number(text);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/**
 * Parse the body as a real client would (only a 2xx other than 204 is JSON:
 * a 404's `Not Found` is text) and return the parse error, if any.
 */
export function jsonParseError(status, body, parse) {
  if (!parse || status < 200 || status >= 300 || status === 204) return undefined;
  try {
    JSON.parse(decoder.decode(body));
    return undefined;
  } catch (error) {
    return error;
  }
}

/** The message of an INVALID_JSON error. */
export function invalidJsonMessage(status, bytes, cause) {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return `Failed to parse the response body as JSON (status ${status}, ${bytes} bytes): ${reason}. The server sent a malformed body; the request counts as failed.`;
}

/**
 * A response read in full as a FetchResult: status, body size, the stamped
 * delay and Retry-After. When `parse`, a 2xx body (other than 204) must be
 * JSON; if it is not, `makeError(message, cause)` builds what is thrown (a
 * class on the main thread, a plain Error with code INVALID_JSON in a worker).
 */
export function interpretResponse(response, parse, makeError) {
  const { status, body } = response;
  const cause = jsonParseError(status, body, parse);
  if (cause !== undefined) throw makeError(invalidJsonMessage(status, body.byteLength, cause), cause);
  const result = { status, bytes: body.byteLength, delayMs: parseDelayMs(response.delayHeader) };
  const retryAfterMs = parseRetryAfterMs(response.retryAfterHeader);
  if (retryAfterMs !== undefined) result.retryAfterMs = retryAfterMs;
  return result;
}
