/** Errors of the limits preflight, each with a stable `code`. */
import { PokebenchError } from '../../mock-server/errors.ts';

/**
 * A sweep's largest fan-out needs more of a machine limit (open files, local
 * ports) than this machine allows: refused before it starts, since the runs
 * would lose requests to the machine and measure nothing. The message names
 * the limit, the number needed and the ways out.
 */
export class MachineLimitError extends PokebenchError {
  constructor(message: string) {
    super('MACHINE_LIMIT', message);
  }
}
