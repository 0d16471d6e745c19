/** The default client: undici `request` over an explicit, counting `Pool`. */
import type { ClientStats, FetchOne, WorkerClientSpec } from '../types/index.ts';
import { type ClientOptions, resolveClientOptions } from './client-options.ts';
import { toFetchResult } from './response.ts';
import { createCountingPool, getPokemon } from './wire.mjs';
import { DRAW_HEADER } from '../../mock-server/core/index.ts';
import { drawNamer } from './draw-names.ts';

/** The plain-JS module a worker thread loads to rebuild this client (see `workers(k)`). */
export const UNDICI_WORKER_MODULE: string = new URL('./undici-worker-client.mjs', import.meta.url).href;

/** A {@link FetchOne} that owns a pool: close it when done. */
export type PoolFetchOne = FetchOne & {
  /** Close the pool (waits for requests in flight). */
  close(): Promise<void>;
  /** Sockets opened since the client was created. */
  stats(): ClientStats;
};

/** The undici client: a {@link PoolFetchOne} that can also be rebuilt in a worker thread. */
export type UndiciFetchOne = PoolFetchOne & { workerSpec: WorkerClientSpec };

/**
 * Fetch `/api/v2/pokemon/{id}` with undici `request`, read the whole body and
 * (by default) JSON-parse it; resolves `{ status, bytes, delayMs }` for any
 * status, rejects on socket errors, timeouts, aborts and malformed JSON
 * (code `INVALID_JSON`).
 *
 * @throws InvalidOptionError (code `INVALID_OPTION`) naming the bad option.
 * @example
 * const fetchOne = createUndiciClient({ baseUrl: url, connections: 100 });
 * try { await bounded(8).run(ids, fetchOne); } finally { await fetchOne.close(); }
 */
export function createUndiciClient(options: ClientOptions): UndiciFetchOne {
  const resolved = resolveClientOptions(options);
  const { pool, connectionsOpened } = createCountingPool(resolved);
  const name = options.drawPrefix === undefined ? undefined : drawNamer(options.drawPrefix);
  const fetchOne = async (id: number, signal: AbortSignal) =>
    toFetchResult(await getPokemon(pool, resolved.basePath, id, signal, name && { [DRAW_HEADER]: name(id) }), resolved.parse);
  return Object.assign(fetchOne, {
    close: () => pool.close(),
    stats: (): ClientStats => ({ connectionsOpened: connectionsOpened() }),
    workerSpec: { module: UNDICI_WORKER_MODULE, options: resolved },
  });
}
