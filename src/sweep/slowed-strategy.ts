/**
 * A planted regression that is a real slower run, for the gate's own tests
 * and `scripts/verdict-quality.ts`: the same strategy under the same name,
 * whose client waits a further `fraction` of each request's applied delay
 * (`x-mock-delay-ms`) after the response, as slower client code would. Not
 * part of the public API; reach it through `runBenchmarkWith`'s seam.
 */
import type { FetchOne, Strategy } from '../types/index.ts';

const WORKER_MODULE = new URL('./slowed-worker-client.mjs', import.meta.url).href;

/**
 * `strategy`, slowed by `fraction` of each request's delay (0.2: every
 * request holds its slot 20% longer, so a wait-bound fan-out takes 20% longer).
 * `workers(k)` rebuilds its client in each thread, so the wait is added there
 * too (`slowed-worker-client.mjs`).
 *
 * @example slowedStrategy(concurrent(), 0.2).name // 'concurrent'
 */
export function slowedStrategy(strategy: Strategy, fraction: number): Strategy {
  if (!(fraction >= 0 && Number.isFinite(fraction))) throw new RangeError(`slowedStrategy: fraction must be a number ≥ 0, got ${fraction}.`);
  return Object.freeze({
    name: strategy.name,
    kind: strategy.kind,
    k: strategy.k,
    run: (ids, fetchOne, options) => strategy.run(ids, slowedClient(fetchOne, fraction), options),
  } satisfies Strategy);
}

function slowedClient(fetchOne: FetchOne, fraction: number): FetchOne {
  const slowed: FetchOne = async (id, signal) => {
    const result = await fetchOne(id, signal);
    await pause(fraction * (result.delayMs ?? 0), signal);
    return result;
  };
  slowed.close = fetchOne.close;
  slowed.stats = fetchOne.stats;
  if (fetchOne.workerSpec) slowed.workerSpec = { module: WORKER_MODULE, options: { inner: fetchOne.workerSpec, fraction } };
  return slowed;
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

