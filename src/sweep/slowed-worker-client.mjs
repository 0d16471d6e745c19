// The worker-thread side of `slowedStrategy` (slowed-strategy.ts): builds the
// inner client from its spec, then, after each response, computes for
// `spinMs` and waits `fraction` of the request's applied delay. Plain JS:
// worker threads load no TypeScript.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

/** @param {{ inner: { module: string, options: unknown }, fraction: number, spinMs?: number }} options */
export default async function createSlowedClient({ inner, fraction, spinMs = 0 }) {
  const url = isAbsolute(inner.module) ? pathToFileURL(inner.module).href : inner.module;
  const fetchOne = await (await import(url)).default(inner.options);
  const slowed = async (id, signal) => {
    const result = await fetchOne(id, signal);
    const end = performance.now() + spinMs;
    while (performance.now() < end);
    const ms = fraction * (result.delayMs ?? 0);
    if (ms > 0) {
      await new Promise((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        const onAbort = () => {
          clearTimeout(timer);
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
      });
    }
    return result;
  };
  slowed.warmUp = fetchOne.warmUp;
  slowed.close = fetchOne.close;
  return slowed;
}
