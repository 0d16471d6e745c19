// The undici client as a worker thread rebuilds it from `fetchOne.workerSpec`:
// plain JS (workers load no TypeScript), same wire code as undici-client.ts.
import { createCountingPool, getPokemon, INVALID_JSON, interpretResponse } from './wire.mjs';

/**
 * Build a fetchOne from resolved client options (`workerSpec.options`).
 * Errors cross the thread boundary as plain data, so the class is lost
 * anyway: a malformed body rejects with a plain Error whose code is INVALID_JSON.
 */
export default function createWorkerUndiciClient(options) {
  const { pool, connectionsOpened } = createCountingPool(options);
  async function fetchOne(id, signal) {
    const response = await getPokemon(pool, options.basePath, id, signal);
    return interpretResponse(response, options.parse, (message, cause) =>
      Object.assign(new Error(message, { cause }), { name: 'InvalidJsonError', code: INVALID_JSON }),
    );
  }
  // A fresh thread's first request pays for compiling the HTTP path; a thread
  // pool in Python or Go pays that once per process, not once per thread. So
  // the pool calls this before its clock starts: one request that no profile
  // delays, on a socket closed after it (`reset`), so the measured requests
  // still open their own connections, as every other strategy's do.
  fetchOne.warmUp = async () => {
    try {
      const { body } = await pool.request({ path: `${options.basePath}/__admin/health`, method: 'GET', reset: true });
      await body.dump();
    } catch {
      // A server without the admin API answered 404 or closed: the path is warm either way.
    }
  };
  fetchOne.close = () => pool.close();
  fetchOne.stats = () => ({ connectionsOpened: connectionsOpened() });
  return fetchOne;
}
