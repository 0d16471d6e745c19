/**
 * Errors of a calibration, with stable codes (the kit's `PokebenchError`
 * base): a saved calibration that cannot be read, and a calibration that
 * could not be run.
 */
import { PokebenchError } from '../../mock-server/errors.ts';

/** `calibration.json` exists but is not JSON, or not a calibration this version reads. Code `CALIBRATION_INVALID`. */
export class CalibrationFileError extends PokebenchError {
  /** The file at fault. */
  readonly file: string;

  constructor(file: string, message: string, options?: ErrorOptions) {
    super('CALIBRATION_INVALID', message, options);
    this.file = file;
  }
}

/**
 * The servers a calibration measures did not start, or the load generator
 * could not reach them. Code `SERVER_START_FAILED` (the CLI's exit 3: the run
 * failed, not the user's input).
 */
export class CalibrationRunError extends PokebenchError {
  constructor(message: string, options?: ErrorOptions) {
    super('SERVER_START_FAILED', message, options);
  }
}
