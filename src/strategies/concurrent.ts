/** `concurrent`: start every request at once (max dᵢ). */
import type { Strategy } from '../types/index.ts';
import { beginTrial } from './trial-context.ts';
import { runOne } from './run-one.ts';

/**
 * All requests in flight at once, started in input order in the same tick:
 * `Promise.all(ids.map(fetchOne))` with nothing lost.
 *
 * @example const records = await concurrent().run([1, 2, 3], fetchOne);
 */
export function concurrent(): Strategy {
  return Object.freeze({
    name: 'concurrent',
    kind: 'concurrent',
    async run(ids, fetchOne, options) {
      const run = await beginTrial(options);
      try {
        return await Promise.all(ids.map((id, i) => runOne(run, id, i, fetchOne)));
      } finally {
        run.close();
      }
    },
  } satisfies Strategy);
}
