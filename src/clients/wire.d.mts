/** Types of wire.mjs (plain JS so worker threads can load it). */
import type { FreeListPool } from './free-list-pool.mjs';
import type { ResolvedClientOptions } from './client-options.ts';

/** Response header where the mock server stamps the delay it applied, in ms. */
export declare const DELAY_HEADER: 'x-mock-delay-ms';
/** Path prefix of one pokemon (`/api/v2/pokemon/{id}`). */
export declare const POKEMON_PATH: '/api/v2/pokemon/';
/** `code` of the error a client rejects with when a body that should be JSON is not. */
export declare const INVALID_JSON: 'INVALID_JSON';

/** A pool and the count of sockets it opened. */
export interface CountingPool {
  pool: FreeListPool;
  connectionsOpened(): number;
}

/** A response read in full, not yet interpreted. */
export interface RawResponse {
  status: number;
  delayHeader: string | string[] | null | undefined;
  /** The `Retry-After` header, when the server sent one. */
  retryAfterHeader?: string | string[] | null | undefined;
  body: Uint8Array;
}

/** A connection pool for `options.origin` that counts the sockets it opens. */
export declare function createCountingPool(options: ResolvedClientOptions): CountingPool;
/** The request path of pokemon `id` under `basePath` (`''` or `/prefix`). */
export declare function pokemonPath(basePath: string, id: number): string;
/** GET pokemon `id` with undici `request` and read the whole body. */
export declare function getPokemon(pool: FreeListPool, basePath: string, id: number, signal: AbortSignal, requestHeaders?: Record<string, string>): Promise<RawResponse>;
/** The delay stamped in a `x-mock-delay-ms` value, or undefined when absent or not a non-negative number. */
export declare function parseDelayMs(raw: string | string[] | null | undefined): number | undefined;
/** A response read in full as a FetchResult; a body that should be JSON and is not throws `makeError(message, cause)`. */
export declare function interpretResponse(
  response: RawResponse,
  parse: boolean,
  makeError: (message: string, cause: unknown) => Error,
): { status: number; bytes: number; delayMs: number | undefined; retryAfterMs?: number };
/** A `Retry-After` value in ms (delay-seconds or an HTTP date), or undefined. */
export declare function parseRetryAfterMs(raw: string | string[] | null | undefined, nowMs?: number): number | undefined;
/** Parse the body as JSON when a real client would (2xx other than 204) and return the parse error, if any. */
export declare function jsonParseError(status: number, body: Uint8Array, parse: boolean): unknown;
/** The message of an INVALID_JSON error. */
export declare function invalidJsonMessage(status: number, bytes: number, cause: unknown): string;
