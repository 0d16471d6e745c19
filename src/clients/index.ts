/** HTTP clients: the public entry of `src/clients`. */
export { createUndiciClient, UNDICI_WORKER_MODULE } from './undici-client.ts';
export type { PoolFetchOne, UndiciFetchOne } from './undici-client.ts';
export { createFetchClient } from './fetch-client.ts';
export { CLIENT_DEFAULTS, resolveClientOptions } from './client-options.ts';
export type { ClientOptions, ResolvedClientOptions } from './client-options.ts';
export { toFetchResult } from './response.ts';
export { InvalidJsonError } from '../../mock-server/errors/index.ts';
export { DELAY_HEADER, INVALID_JSON, POKEMON_PATH } from './wire.mjs';
export { withRetry } from './retry.ts';
export type { RetryOptions } from './retry.ts';
