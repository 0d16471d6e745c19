import { PokebenchError } from '../errors.ts';

/** Thrown when the server cannot start (bad option, port in use, exposed admin API). */
export class ServerStartError extends PokebenchError {
  constructor(message: string, options?: ErrorOptions) {
    super('SERVER_START_FAILED', message, options);
  }
}
