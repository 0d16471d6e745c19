/**
 * Refusals decided before routing, on the request head alone: a request
 * target over the limit, or a body sent to the read-only API.
 *
 * The API never reads a body. A request that brings one is refused at once
 * and its connection closed after the answer, so the body is neither
 * buffered nor drained: Node discards what arrived before the socket closes,
 * and a client still sending sees the answer, then EPIPE.
 */
import type http from 'node:http';
import { ADMIN_PREFIX, matchRoute } from '../core/index.ts';

/** The methods of the API routes (OPTIONS answers CORS preflights). */
const API_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ALLOW = 'GET, HEAD, OPTIONS';
/** What every API answer carries (mock-api.ts's plain-text replies). */
const API_HEADERS = { 'access-control-allow-origin': '*', 'x-mock-delay-ms': '0.00' } as const;

/**
 * Answers and returns true when the request breaks a limit:
 * - target longer than `maxUrlLength` bytes: `414 URI Too Long`;
 * - a body (`content-length` above 0, or any `transfer-encoding`) on a
 *   non-admin path: `405` with `Allow` if the method is not GET/HEAD/OPTIONS,
 *   else `413 Payload Too Large` (the API's body limit is 0 bytes).
 *
 * Returns false, having touched nothing, for every other request. The admin
 * API reads its own bodies, with its own limit.
 */
export function refuseByLimits(req: http.IncomingMessage, res: http.ServerResponse, maxUrlLength: number): boolean {
  const target = req.url ?? '/';
  const hasBody = carriesBody(req.rawHeaders);
  if (target.length > maxUrlLength) {
    // Node refuses non-ASCII bytes in the request target (400), so its length is its size in bytes.
    refuse(res, 414, `URI Too Long: the request target is over ${maxUrlLength} bytes`, hasBody, API_HEADERS);
    return true;
  }
  if (!hasBody || (target.startsWith(ADMIN_PREFIX) && matchRoute(target).kind === 'admin')) return false;
  if (API_METHODS.has(req.method ?? 'GET')) {
    refuse(res, 413, 'Payload Too Large: the API takes no request body', true, API_HEADERS);
  } else {
    refuse(res, 405, 'Method Not Allowed', true, { ...API_HEADERS, allow: ALLOW });
  }
  return true;
}

/**
 * Whether the head announces a body. Scans `rawHeaders` rather than
 * `req.headers`, which Node builds lazily: an API request never needs it.
 */
export function carriesBody(rawHeaders: readonly string[]): boolean {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    if (name.length === 17 && name.toLowerCase() === 'transfer-encoding') return true;
    if (name.length === 14 && name.toLowerCase() === 'content-length' && !/^0+$/.test(rawHeaders[i + 1] ?? '')) return true;
  }
  return false;
}

/**
 * Writes a plain-text refusal. `close` ends the connection after it: use it
 * whenever the request's body was not read, so it is never drained.
 */
export function refuse(res: http.ServerResponse, status: number, text: string, close: boolean, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...headers,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}
