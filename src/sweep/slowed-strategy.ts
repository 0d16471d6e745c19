/**
 * A planted regression that is a real slower run, for the gate's own tests
 * and `scripts/verdict-quality.ts`: the same strategy under the same name,
 * whose client, after each response, computes for a further `fraction` of
 * the CPU a request costs it (`cpuPerRequestMs`, measured by the caller) and
 * then waits a further `fraction` of the request's applied delay
 * (`x-mock-delay-ms`), as slower client code would. A wait-bound fan-out
 * then takes `fraction` longer through the wait, a CPU-bound one through the
 * work. Not part of the public API; reach it through `runBenchmarkWith`'s seam.
 */
import type { FetchOne, Strategy } from '../types/index.ts';
import { pause, spin } from './slowed-worker-client.mjs';

const WORKER_MODULE = new URL('./slowed-worker-client.mjs', import.meta.url).href;

/**
 * `strategy`, slowed by `fraction` (0.2: every request costs 20% more CPU and
 * holds its slot 20% longer, so a fan-out takes about 20% longer whichever
 * roof binds it). `workers(k)` rebuilds its client in each thread, so the
 * work and the wait are added there too (`slowed-worker-client.mjs`).
 *
 * @param cpuPerRequestMs - the CPU one request costs the strategy's client, ms (e.g. its loop's work over N at its largest point). @defaultValue 0 (only the wait)
 * @example slowedStrategy(concurrent(), 0.2, 0.19).name // 'concurrent'
 */
export function slowedStrategy(strategy: Strategy, fraction: number, cpuPerRequestMs = 0): Strategy {
  if (!(fraction >= 0 && Number.isFinite(fraction))) throw new RangeError(`slowedStrategy: fraction must be a number ≥ 0, got ${fraction}.`);
  if (!(cpuPerRequestMs >= 0 && Number.isFinite(cpuPerRequestMs))) throw new RangeError(`slowedStrategy: cpuPerRequestMs must be a number ≥ 0, got ${cpuPerRequestMs}.`);
  const spinMs = fraction * cpuPerRequestMs;
  return Object.freeze({
    name: strategy.name,
    kind: strategy.kind,
    k: strategy.k,
    run: (ids, fetchOne, options) => strategy.run(ids, slowedClient(fetchOne, fraction, spinMs), options),
  } satisfies Strategy);
}

function slowedClient(fetchOne: FetchOne, fraction: number, spinMs: number): FetchOne {
  const slowed: FetchOne = async (id, signal) => {
    const result = await fetchOne(id, signal);
    spin(spinMs);
    await pause(fraction * (result.delayMs ?? 0), signal);
    return result;
  };
  slowed.close = fetchOne.close;
  slowed.stats = fetchOne.stats;
  if (fetchOne.workerSpec) slowed.workerSpec = { module: WORKER_MODULE, options: { inner: fetchOne.workerSpec, fraction, spinMs } };
  return slowed;
}
