/**
 * Errors of the pokemon data layer, each with a stable `code`. Bad options
 * throw the kit's shared `InvalidOptionError` instead.
 */
import { PokebenchError } from '../errors.ts';

/** The fixture file is missing, unreadable or not in the expected shape. Code `FIXTURE_INVALID`. */
export class FixtureError extends PokebenchError {
  constructor(message: string, options?: ErrorOptions) {
    super('FIXTURE_INVALID', message, options);
  }
}
