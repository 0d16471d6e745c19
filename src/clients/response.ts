/** Turning a response read in full into a {@link FetchResult}: one rule for every main-thread client. */
import type { FetchResult } from '../types/index.ts';
import { InvalidJsonError } from '../../mock-server/errors/index.ts';
import { interpretResponse, type RawResponse } from './wire.mjs';

/**
 * The result of one response: status, body size and the delay the server
 * stamped. When `parse`, a 2xx body (other than 204) must be JSON.
 *
 * @throws InvalidJsonError (code `INVALID_JSON`) when a body that should be JSON is not.
 * @example toFetchResult({ status: 200, delayHeader: '12.50', body }, true) // { status: 200, bytes: 2048, delayMs: 12.5 }
 */
export function toFetchResult(response: RawResponse, parse: boolean): FetchResult {
  return interpretResponse(response, parse, (message, cause) => new InvalidJsonError(response.status, message, { cause }));
}
