/**
 * `workers(k)`: each request runs in one of k piscina worker threads, one
 * request per thread at a time, like Python's ThreadPoolExecutor. The model
 * is the same as bounded(k): list scheduling on k slots.
 */
import type { FetchOne, RequestRecord, Strategy, WorkerClientSpec } from '../types/index.ts';
import { resolvePoolSize } from './pool-size.ts';
import { startTrial } from './trial-context.ts';
import { runOne } from './run-one.ts';
import { WorkerSpecMissingError } from '../../mock-server/errors/index.ts';
import { startWorkerPool } from './workers-pool.ts';

/**
 * A pool of k worker threads, each with its own client rebuilt from
 * `fetchOne.workerSpec` (functions cannot cross threads): the next request
 * (in input order) starts on whichever thread frees first, and a thread takes
 * a new request only once its previous one has really ended, so at most k
 * requests are ever in flight.
 *
 * Each run starts min(k, N) threads and waits until every one is up and has
 * built its client before the clock starts (then calls `options.onStart`):
 * thread startup is setup, not fan-out. The pool is destroyed when `run`
 * returns. Every request still ends as exactly one record, timeouts and
 * aborts included; an abort or timeout is passed into the thread, which
 * aborts its own request (the thread is not killed).
 *
 * @param k - threads. @defaultValue {@link defaultPoolSize}() = min(32, cpus + 4)
 * @throws InvalidPoolSizeError (code `ERR_INVALID_K`) unless k is a positive integer.
 * @example
 * const fetchOne = createUndiciClient({ baseUrl: url });
 * const records = await workers(6).run(ids, fetchOne);
 */
export function workers(k?: number): Strategy {
  const slots = resolvePoolSize('workers', k);
  const name = `workers(${slots})`;
  return Object.freeze({
    name,
    kind: 'workers',
    k: slots,
    async run(ids, fetchOne, options) {
      const spec = requireWorkerSpec(name, fetchOne);
      // Validate the options before paying for threads.
      startTrial(options).close();
      if (ids.length === 0) {
        await options?.onStart?.();
        return [];
      }
      const pool = await startWorkerPool(name, spec, Math.min(slots, ids.length));
      try {
        await options?.onStart?.();
        const run = startTrial(options);
        const records: RequestRecord[] = [];
        let next = 0;
        const lane = async (): Promise<void> => {
          let threadDone: Promise<void> = Promise.resolve();
          const viaPool: FetchOne = (id, signal) => {
            const call = pool.call(id, signal);
            threadDone = call.done;
            return call.result;
          };
          while (next < ids.length) {
            const i = next++;
            records[i] = await runOne(run, ids[i] as number, i, viaPool);
            // A timed-out record settles at once, but its thread is busy until it notices the abort.
            await threadDone;
          }
        };
        try {
          await Promise.all(Array.from({ length: pool.threads }, lane));
          options?.onEnd?.();
          return records;
        } finally {
          run.close();
        }
      } finally {
        await pool.destroy();
      }
    },
  } satisfies Strategy);
}

function requireWorkerSpec(name: string, fetchOne: FetchOne): WorkerClientSpec {
  const spec = fetchOne.workerSpec;
  if (spec === undefined || typeof spec.module !== 'string' || spec.module === '') throw new WorkerSpecMissingError(name);
  return spec;
}
