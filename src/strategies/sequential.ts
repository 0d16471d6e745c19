/** `sequential`: await each request before starting the next (Σ dᵢ). */
import type { RequestRecord, Strategy } from '../types/index.ts';
import { beginTrial } from './trial-context.ts';
import { runOne } from './run-one.ts';

/**
 * One request at a time, in input order: an `await` in a loop.
 *
 * @example const records = await sequential().run([1, 2, 3], fetchOne);
 */
export function sequential(): Strategy {
  return Object.freeze({
    name: 'sequential',
    kind: 'sequential',
    async run(ids, fetchOne, options) {
      const run = await beginTrial(options);
      try {
        const records: RequestRecord[] = [];
        for (let i = 0; i < ids.length; i++) records.push(await runOne(run, ids[i] as number, i, fetchOne));
        return records;
      } finally {
        run.close();
      }
    },
  } satisfies Strategy);
}
