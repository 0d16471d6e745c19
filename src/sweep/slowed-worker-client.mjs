// The worker-thread side of `slowedStrategy` (slowed-strategy.ts), and the
// two pieces both sides use: after each response, compute for `spinMs`, then
// wait `fraction` of the request's applied delay. Plain JS: worker threads
// load no TypeScript.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Keeps this thread busy for `ms`: CPU the client spends, as slower code would. */
export function spin(ms) {
  if (ms <= 0) return;
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export function pause(ms, signal) {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
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

/** @param {{ inner: { module: string, options: unknown }, fraction: number, spinMs?: number }} options */
export default async function createSlowedClient({ inner, fraction, spinMs = 0 }) {
  const url = isAbsolute(inner.module) ? pathToFileURL(inner.module).href : inner.module;
  const fetchOne = await (await import(url)).default(inner.options);
  const slowed = async (id, signal) => {
    const result = await fetchOne(id, signal);
    spin(spinMs);
    await pause(fraction * (result.delayMs ?? 0), signal);
    return result;
  };
  slowed.warmUp = fetchOne.warmUp;
  slowed.close = fetchOne.close;
  return slowed;
}
