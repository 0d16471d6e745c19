/** Options of the sample readers: a documented interface, one function that fills defaults and checks them. */
import { InvalidOptionError } from '../../mock-server/errors.ts';

/** The HAR entry fields a latency can be read from. */
export const HAR_FIELDS = ['wait', 'time'] as const;

/** `wait`: `timings.wait`, the server's time to first byte; `time`: the entry's total time. */
export type HarField = (typeof HAR_FIELDS)[number];

/** Options of `parseSamples` and `readSamples`. */
export interface ReadSamplesOptions {
  /**
   * CSV: the header of the column to read (or its 1-based number when there
   * is no header row); JSON: the field of each object. `--column` on the CLI.
   * @defaultValue the only numeric column or field
   */
  column?: string | undefined;
  /** HAR: which entry field holds the latency. `--har-field` on the CLI. @defaultValue `'wait'` */
  harField?: HarField | undefined;
  /**
   * Skip values that are not latencies (negative, NaN, empty, not a number)
   * and count them, instead of failing on the first. `--skip-invalid` on the CLI.
   * @defaultValue `false`
   */
  skipInvalid?: boolean | undefined;
}

/** {@link ReadSamplesOptions} checked; `column` and `harField` stay undefined when not given, so a reader can tell "not given" from the default. */
export interface ResolvedReadSamplesOptions {
  column: string | undefined;
  harField: HarField | undefined;
  skipInvalid: boolean;
}

/**
 * Checks {@link ReadSamplesOptions} and fills `skipInvalid`.
 *
 * @throws {InvalidOptionError} naming the option.
 */
export function resolveReadSamplesOptions(options: ReadSamplesOptions = {}): ResolvedReadSamplesOptions {
  const { column, harField } = options;
  if (column !== undefined && column.trim() === '') throw new InvalidOptionError('options.column', 'readSamples: options.column must not be empty.');
  if (harField !== undefined && !(HAR_FIELDS as readonly string[]).includes(harField)) {
    throw new InvalidOptionError('options.harField', `readSamples: options.harField must be one of ${HAR_FIELDS.join(', ')}, got ${JSON.stringify(harField)}.`);
  }
  return { column, harField, skipInvalid: options.skipInvalid ?? false };
}
