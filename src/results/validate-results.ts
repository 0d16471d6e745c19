/**
 * Untrusted JSON in, {@link Results} out: the one check of a results file,
 * run where it is read (`pokebench compare`, `run --baseline`). Code that
 * builds results in memory does not check them again.
 */
import { describeInput, formatIssues, issueRule, ResultsInvalidError } from '../../mock-server/errors/index.ts';
import { RESULTS_SCHEMA, RESULTS_VERSION, resultsSchema } from './schema.ts';
import type { Results } from './types.ts';

/**
 * Check that `json` is a pokebench results file of this version, with every
 * field of the results schema, strategies unique by name and points unique
 * by N (tables, the gate and chart colours are keyed by them). Fields the
 * schema does not know are dropped; numbers written as null become NaN.
 *
 * @param json - a parsed JSON value (not a string).
 * @param source - where it came from (a file path), named in the error.
 * @throws {ResultsInvalidError} `ERR_POKEBENCH_RESULTS_INVALID`, naming `source` and the first bad field.
 * @example validateResults(JSON.parse(await readFile('baseline.json', 'utf8')), 'baseline.json')
 */
export function validateResults(json: unknown, source: string): Results {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ResultsInvalidError(source, '(root)', `must be a JSON object, got ${describeInput(json)}`);
  }
  const record = json as Record<string, unknown>;
  // Identity first: for a file of another kind or version, the first missing field is not the useful message.
  if (record['schema'] !== RESULTS_SCHEMA) {
    throw new ResultsInvalidError(source, 'schema', `must be "${RESULTS_SCHEMA}", got ${describeInput(record['schema'])} (not a pokebench results file)`);
  }
  if (record['version'] !== RESULTS_VERSION) {
    throw new ResultsInvalidError(
      source,
      'version',
      `${describeInput(record['version'])} is not a version this pokebench reads (it reads ${RESULTS_VERSION}); rerun with this build, or read it with the pokebench that wrote it`,
    );
  }
  const result = resultsSchema.safeParse(json, { error: issueRule });
  if (!result.success) {
    const [issue] = formatIssues(result.error.issues);
    throw new ResultsInvalidError(source, issue?.path ?? '(root)', issue?.rule ?? 'is invalid');
  }
  checkUnique(result.data.strategies, source);
  return result.data;
}

// Strategies are matched by name and points by N: a duplicate would make the match ambiguous.
function checkUnique(strategies: readonly { name: string; points: readonly { n: number }[] }[], source: string): void {
  const names = new Map<string, number>();
  strategies.forEach((strategy, i) => {
    const first = names.get(strategy.name);
    if (first !== undefined) {
      throw new ResultsInvalidError(source, `strategies[${i}].name`, `repeats ${JSON.stringify(strategy.name)} of strategies[${first}]`);
    }
    names.set(strategy.name, i);
    const ns = new Map<number, number>();
    strategy.points.forEach((point, j) => {
      const earlier = ns.get(point.n);
      if (earlier !== undefined) {
        throw new ResultsInvalidError(source, `strategies[${i}].points[${j}].n`, `repeats N = ${point.n} of points[${earlier}]`);
      }
      ns.set(point.n, j);
    });
  });
}
