/** Errors a client rejects with on purpose, each with a stable `code`. */
import { PokebenchError } from '../../mock-server/errors.ts';
import { INVALID_JSON } from './wire.mjs';

/**
 * A response a real client would parse (a 2xx) had a body that is not JSON,
 * e.g. the mock's malformed-JSON fault. A strategy records it as a
 * `network-error` with code `INVALID_JSON`, like Python's `JSONDecodeError`.
 */
export class InvalidJsonError extends PokebenchError {
  /** HTTP status of the response whose body failed to parse. */
  readonly status: number;

  constructor(status: number, message: string, options?: ErrorOptions) {
    super(INVALID_JSON, message, options);
    this.status = status;
  }
}
