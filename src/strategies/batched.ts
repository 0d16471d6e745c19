/** `batched(k)`: chunks of k with a barrier between them (the common anti-pattern). */
import type { RequestRecord, Strategy } from '../types/index.ts';
import { resolvePoolSize } from './pool-size.ts';
import { beginTrial } from './trial-context.ts';
import { runOne } from './run-one.ts';

/**
 * Consecutive chunks of k requests, each chunk all at once, the next chunk
 * only after the slowest of the previous one: `for (chunk) await
 * Promise.all(chunk)`. Slots idle while a chunk's straggler finishes, which
 * is why it loses to {@link bounded} with the same k.
 *
 * @param k - chunk size. @defaultValue {@link defaultPoolSize}()
 * @throws InvalidPoolSizeError (code `ERR_INVALID_K`) unless k is a positive integer.
 * @example const records = await batched(4).run(ids, fetchOne);
 */
export function batched(k?: number): Strategy {
  const size = resolvePoolSize('batched', k);
  return Object.freeze({
    name: `batched(${size})`,
    kind: 'batched',
    k: size,
    async run(ids, fetchOne, options) {
      const run = await beginTrial(options);
      try {
        const records: RequestRecord[] = [];
        for (let from = 0; from < ids.length; from += size) {
          const chunk = ids.slice(from, from + size).map((id, j) => runOne(run, id, from + j, fetchOne));
          records.push(...(await Promise.all(chunk)));
        }
        return records;
      } finally {
        run.close();
      }
    },
  } satisfies Strategy);
}
