/**
 * The one error the pure numeric modules (stats, model, scaling) throw: an
 * argument they cannot compute with. A run never throws it; only a caller
 * passing bad input does, at the entry of the function it called.
 */
import { PokebenchError } from '../../mock-server/errors.ts';

/** Stable code of {@link InvalidArgumentError}, for `err.code === …` checks. */
export const INVALID_ARGUMENT = 'ERR_INVALID_ARGUMENT';

/**
 * An argument out of range or of the wrong shape. `argument` names it, as the
 * caller spelt it (`k`, `delays`, `points[2].times`…).
 *
 * @example
 * try { quantileSorted([1, 2], 2); } catch (err) {
 *   if (err instanceof InvalidArgumentError) console.log(err.argument); // 'q'
 * }
 */
export class InvalidArgumentError extends PokebenchError {
  /** The argument at fault. */
  readonly argument: string;

  constructor(argument: string, message: string) {
    super(INVALID_ARGUMENT, message);
    this.name = 'InvalidArgumentError';
    this.argument = argument;
  }
}
