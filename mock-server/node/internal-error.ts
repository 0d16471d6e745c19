/**
 * A bug in the core must cost one request a plain 500, never the process
 * (a throw in a `'request'` listener is an uncaught exception) and never a
 * stack trace on the wire.
 */
import type { MockApi, MockReply } from '../core/index.ts';

/** The reply for an error the core did not expect: no detail, no stack. */
export function internalErrorReply(): MockReply {
  return { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Internal Server Error', delayMs: 0, route: null };
}

/**
 * `api.respond(method, target, drawHeader)`, or a plain 500 if it throws; the error
 * goes to `warn` (the operator's log), not to the client.
 */
export function respondSafely(
  api: MockApi,
  method: string,
  target: string,
  warn: (message: string) => void,
  drawHeader?: string | readonly string[],
): MockReply {
  try {
    return api.respond(method, target, drawHeader);
  } catch (error) {
    warn(`pokebench: internal error answering ${method} ${JSON.stringify(target.slice(0, 200))}: ${error instanceof Error ? error.message : String(error)}`);
    return internalErrorReply();
  }
}
