/** `bounded(k)`: a sliding window of k requests in flight (list scheduling). */
import type { RequestRecord, Strategy } from '../types/index.ts';
import { resolvePoolSize } from './pool-size.ts';
import { beginTrial } from './trial-context.ts';
import { runOne } from './run-one.ts';

/**
 * At most k requests in flight, and exactly min(k, not yet finished) of them:
 * the next request (in input order) starts as soon as any one finishes, like
 * p-limit or a semaphore. Its model is list scheduling on k slots.
 *
 * @param k - slots. @defaultValue {@link defaultPoolSize}()
 * @throws InvalidPoolSizeError (code `ERR_INVALID_K`) unless k is a positive integer.
 * @example const records = await bounded(4).run(ids, fetchOne);
 */
export function bounded(k?: number): Strategy {
  const slots = resolvePoolSize('bounded', k);
  return Object.freeze({
    name: `bounded(${slots})`,
    kind: 'bounded',
    k: slots,
    async run(ids, fetchOne, options) {
      const run = await beginTrial(options);
      const records: RequestRecord[] = [];
      let next = 0;
      // k lanes pull the next index when free: a lane that finishes starts the
      // next request in the same microtask turn, so the window never sags.
      const lane = async (): Promise<void> => {
        while (next < ids.length) {
          const i = next++;
          records[i] = await runOne(run, ids[i] as number, i, fetchOne);
        }
      };
      try {
        await Promise.all(Array.from({ length: Math.min(slots, ids.length) }, lane));
        return records;
      } finally {
        run.close();
      }
    },
  } satisfies Strategy);
}
