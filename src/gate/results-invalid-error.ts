/** The error the gate throws when a results file cannot be compared. */
import { PokebenchError } from '../../mock-server/errors.ts';

/** Stable code of {@link ResultsInvalidError}. */
export const RESULTS_INVALID = 'RESULTS_INVALID';

/**
 * A file that is not a pokebench results file of a version this build reads,
 * or lacks a field the gate needs. The message names the file and the field.
 *
 * @example
 * try { validateResults(json, 'baseline.json'); } catch (err) {
 *   if (err instanceof ResultsInvalidError) console.error(err.field); // 'strategies[0].points[2].runs[1].wallMs'
 * }
 */
export class ResultsInvalidError extends PokebenchError {
  /** Where the results came from (a file path). */
  readonly source: string;
  /** JSON path of the first bad field, e.g. `version`, `strategies[1].scaling.verdict`; `(root)` for the whole value. */
  readonly field: string;

  constructor(source: string, field: string, rule: string, options?: ErrorOptions) {
    super(
      RESULTS_INVALID,
      `Failed to read pokebench results from ${source}: ${field} ${rule}. ` +
        'Use a results.json written by `pokebench run` (--out), unedited.',
      options,
    );
    this.source = source;
    this.field = field;
  }
}
