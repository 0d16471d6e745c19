/** The one check every renderer runs at its entry: is this a `Results` it can render? */
import { RESULTS_VERSION, type Results } from '../results/types.ts';
import { InvalidResultsError } from './report-errors.ts';

/**
 * Refuse results of another schema or version (readers refuse versions they
 * do not know), duplicate strategy names, and a strategy with two points at
 * one N (tables, chart colours and export names are keyed by name and N, so
 * two would silently merge).
 *
 * @throws InvalidResultsError saying what is wrong and what to do.
 */
export function checkResults(results: Results): void {
  if (results.schema !== 'pokebench-results') {
    throw new InvalidResultsError(
      `Failed to render the report: schema is ${JSON.stringify(results.schema)}, not "pokebench-results". Pass the results.json written by \`pokebench run\`.`,
    );
  }
  if (results.version !== RESULTS_VERSION) {
    throw new InvalidResultsError(
      `Failed to render the report: results version ${JSON.stringify(results.version)} is not ${RESULTS_VERSION}, the version this pokebench reads. Re-run with this version or render with the pokebench that wrote it.`,
    );
  }
  const seen = new Set<string>();
  for (const { name, points } of results.strategies) {
    if (seen.has(name)) {
      throw new InvalidResultsError(`Failed to render the report: strategy ${JSON.stringify(name)} appears twice. Give each strategy of a run a distinct name.`);
    }
    seen.add(name);
    const ns = new Set<number>();
    for (const { n } of points) {
      if (ns.has(n)) {
        throw new InvalidResultsError(`Failed to render the report: strategy ${JSON.stringify(name)} has two points at N = ${n}. Merge their repetitions into one point.`);
      }
      ns.add(n);
    }
  }
}
