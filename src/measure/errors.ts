/** Errors of the measurement, each with a stable `code`. */
import { PokebenchError } from '../../mock-server/errors.ts';

/**
 * A strategy broke its contract (not one record per request, in input order)
 * or the counts do not sum to N. It must never happen: it is a bug in a
 * strategy or in the kit, never a property of the server or the network.
 */
export class MeasurementInvariantError extends PokebenchError {
  constructor(message: string) {
    super('INTERNAL', `Internal error: ${message}. This is a bug in the strategy or the kit; please report it with the run's options.`);
  }
}
