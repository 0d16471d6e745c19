/**
 * Errors the report renderers throw, undici style: a small base class with a
 * stable `code`, one subclass per failure. A renderer only throws for input it
 * cannot render honestly (an unknown results version, an option out of range);
 * it never throws because a run went badly.
 */
import { PokebenchError } from '../../mock-server/errors.ts';

/** Code of {@link InvalidResultsError}. */
export const INVALID_RESULTS = 'ERR_POKEBENCH_INVALID_RESULTS';
/** Code of {@link InvalidReportOptionError}. */
export const INVALID_REPORT_OPTION = 'ERR_POKEBENCH_INVALID_REPORT_OPTION';

/** Base class of every report error; branch on `code`. */
export class ReportError extends PokebenchError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'ReportError';
  }
}

/**
 * A `Results` object the reports refuse: another schema, a version this code
 * does not know, or two strategies with the same name (their rows would merge).
 */
export class InvalidResultsError extends ReportError {
  constructor(message: string) {
    super(INVALID_RESULTS, message);
    this.name = 'InvalidResultsError';
  }
}

/** A rendering option out of range; `option` names it as the caller spelt it. */
export class InvalidReportOptionError extends ReportError {
  /** The option at fault, e.g. `width`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(INVALID_REPORT_OPTION, message);
    this.name = 'InvalidReportOptionError';
    this.option = option;
  }
}
