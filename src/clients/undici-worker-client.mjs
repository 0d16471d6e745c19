// The undici client as a worker thread rebuilds it from `fetchOne.workerSpec`:
// plain JS (workers load no TypeScript), same wire code as undici-client.ts.
import { createCountingPool, getPokemon, INVALID_JSON, invalidJsonMessage, jsonParseError, parseDelayMs } from './wire.mjs';

/**
 * Build a fetchOne from resolved client options (`workerSpec.options`).
 * Errors cross the thread boundary as plain data, so the class is lost
 * anyway: a malformed body rejects with a plain Error whose code is INVALID_JSON.
 */
export default function createWorkerUndiciClient(options) {
  const { pool, connectionsOpened } = createCountingPool(options);
  async function fetchOne(id, signal) {
    const { status, delayHeader, body } = await getPokemon(pool, options.basePath, id, signal);
    const cause = jsonParseError(status, body, options.parse);
    if (cause !== undefined) {
      const error = new Error(invalidJsonMessage(status, body.byteLength, cause), { cause });
      throw Object.assign(error, { name: 'InvalidJsonError', code: INVALID_JSON });
    }
    return { status, bytes: body.byteLength, delayMs: parseDelayMs(delayHeader) };
  }
  fetchOne.close = () => pool.close();
  fetchOne.stats = () => ({ connectionsOpened: connectionsOpened() });
  return fetchOne;
}
