/**
 * Why a sample file cannot be fitted: a value or the file's shape breaks a
 * rule (`SAMPLES_INVALID`), or too few valid values remain
 * (`SAMPLES_TOO_FEW`). Both are the user's input: the CLI exits 2.
 */
import { PokebenchError } from '../../mock-server/errors.ts';

/** The fewest samples a fit accepts: below it, a KS distance and a p90 say little. */
export const MIN_SAMPLES = 20;

/**
 * A sample file that breaks a rule: a cell that is not a latency, a column
 * that does not exist, a shape that is none of CSV, JSON array or HAR. The
 * message names the file, the place (line and column, index, entry) and the rule.
 */
export class SamplesInvalidError extends PokebenchError {
  /** The file (or other source) named in the message. */
  readonly source: string;

  constructor(source: string, message: string) {
    super('SAMPLES_INVALID', message);
    this.source = source;
  }
}

/** Fewer than {@link MIN_SAMPLES} valid latencies. */
export class TooFewSamplesError extends PokebenchError {
  /** The file (or other source) named in the message. */
  readonly source: string;
  /** Valid latencies found. */
  readonly count: number;

  constructor(source: string, count: number, detail = '') {
    super(
      'SAMPLES_TOO_FEW',
      `Failed to fit ${source}: ${count} valid latenc${count === 1 ? 'y' : 'ies'}${detail}, need at least ${MIN_SAMPLES}. Measure more requests.`,
    );
    this.source = source;
    this.count = count;
  }
}

/** A sample file that cannot be read at all (missing, a directory, no permission). */
export class SamplesUnreadableError extends PokebenchError {
  /** The path asked for. */
  readonly file: string;

  constructor(file: string, message: string, options?: ErrorOptions) {
    super('SAMPLES_UNREADABLE', message, options);
    this.file = file;
  }
}
