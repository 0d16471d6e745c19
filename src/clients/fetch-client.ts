/**
 * The same contract on Node's global `fetch`, to compare the WHATWG fetch
 * layer with undici `request`. It hands fetch its own undici `Pool` as
 * `dispatcher` (Node's built-in fetch accepts one), so both clients get the
 * same connection limit, timeouts and socket count: only the API differs.
 */
import { resolveClientOptions } from './client-options.ts';
import type { ClientOptions } from './client-options.ts';
import { toFetchResult } from './response.ts';
import type { PoolFetchOne } from './undici-client.ts';
import { DELAY_HEADER, createCountingPool, pokemonPath } from './wire.mjs';

/**
 * Fetch `/api/v2/pokemon/{id}` with the global `fetch`, read the whole body
 * and (by default) JSON-parse it. Rejects as `fetch` does (`TypeError: fetch
 * failed` with the socket error as `cause`), or with code `INVALID_JSON`.
 * It has no `workerSpec`: use {@link createUndiciClient} with `workers(k)`.
 *
 * `fetch` is looked up on each call, so msw (which patches it) intercepts.
 *
 * @throws InvalidOptionError (code `INVALID_OPTION`) naming the bad option.
 * @example const fetchOne = createFetchClient({ baseUrl: url });
 */
export function createFetchClient(options: ClientOptions): PoolFetchOne {
  const resolved = resolveClientOptions(options);
  const { pool, connectionsOpened } = createCountingPool(resolved);
  const fetchOne = async (id: number, signal: AbortSignal) => {
    // Node types fetch's `dispatcher` with its bundled undici; ours is the undici 7 Pool, which it drives fine.
    const init = { signal, dispatcher: pool } as unknown as RequestInit;
    const response = await fetch(resolved.origin + pokemonPath(resolved.basePath, id), init);
    const body = new Uint8Array(await response.arrayBuffer());
    return toFetchResult(
      { status: response.status, delayHeader: response.headers.get(DELAY_HEADER), retryAfterHeader: response.headers.get('retry-after'), body },
      resolved.parse,
    );
  };
  return Object.assign(fetchOne, {
    close: () => pool.close(),
    stats: () => ({ connectionsOpened: connectionsOpened() }),
  });
}
