/**
 * Options shared by the undici and fetch clients: both drive their own undici
 * `Pool`, so the two differ only in the API on top (`request` vs `fetch`).
 */
import { InvalidOptionError } from '../../mock-server/errors/index.ts';

/** How to reach the server and how the connection pool behaves. */
export interface ClientOptions {
  /** Server root, e.g. `http://127.0.0.1:3000` (a path prefix is kept: `http://host/mock`). */
  baseUrl: string | URL;
  /** Most sockets open at once. @defaultValue `Infinity` (undici's unlimited pool) */
  connections?: number | undefined;
  /** Requests in flight per socket (HTTP/1.1 pipelining); 0 disables keep-alive. @defaultValue 1 */
  pipelining?: number | undefined;
  /** Give up connecting after this many ms. @defaultValue 10000 */
  connectTimeoutMs?: number | undefined;
  /** Give up waiting for response headers after this many ms; 0 disables. @defaultValue 300000 */
  headersTimeoutMs?: number | undefined;
  /** Give up when the body stalls this many ms between chunks; 0 disables. @defaultValue 300000 */
  bodyTimeoutMs?: number | undefined;
  /** Close an idle keep-alive socket after this many ms (server hints may shorten it). @defaultValue 4000 */
  keepAliveTimeoutMs?: number | undefined;
  /** JSON-parse 2xx bodies like a real client (a failure rejects with code `INVALID_JSON`). @defaultValue true */
  parse?: boolean | undefined;
  /**
   * Name each request's draw `PREFIX/ID.COUNT` in `x-pokebench-draw`, so a
   * mock with several workers or replicas gives it the same delay whichever
   * answers (the undici client on the main thread; see `./draw-names.ts`).
   * @defaultValue none (the answering process draws the next delay of the id)
   */
  drawPrefix?: string | undefined;
}

/** {@link ClientOptions} with every default filled; plain data, so it can cross to a worker thread. */
export interface ResolvedClientOptions {
  /** `baseUrl` normalised, without a trailing slash. */
  baseUrl: string;
  /** Scheme, host and port of `baseUrl`. */
  origin: string;
  /** Path prefix of `baseUrl`, `''` when none. */
  basePath: string;
  connections: number;
  pipelining: number;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  keepAliveTimeoutMs: number;
  parse: boolean;
}

/** The defaults {@link resolveClientOptions} fills in (undici's own, spelled out). */
export const CLIENT_DEFAULTS = Object.freeze({
  connections: Infinity,
  pipelining: 1,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 300_000,
  bodyTimeoutMs: 300_000,
  keepAliveTimeoutMs: 4_000,
  parse: true,
});

/**
 * Validate `options` and fill the defaults.
 *
 * @throws InvalidOptionError (code `INVALID_OPTION`) naming the first bad option.
 * @example resolveClientOptions({ baseUrl: 'http://127.0.0.1:3000', connections: 100 })
 */
export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError('options', `options must be an object with at least { baseUrl }, got ${String(options)}.`);
  }
  const url = parseBaseUrl(options.baseUrl);
  const { drawPrefix: _drawPrefix, ...rest } = options;
  const o = { ...CLIENT_DEFAULTS, ...withoutUndefined(rest) };
  check('connections', o.connections === Infinity || isInt(o.connections, 1), 'a positive integer or Infinity', o.connections);
  check('pipelining', isInt(o.pipelining, 0), 'an integer ≥ 0', o.pipelining);
  check('connectTimeoutMs', isInt(o.connectTimeoutMs, 1), 'a positive integer (ms)', o.connectTimeoutMs);
  check('headersTimeoutMs', isInt(o.headersTimeoutMs, 0), 'an integer ≥ 0 (ms, 0 disables)', o.headersTimeoutMs);
  check('bodyTimeoutMs', isInt(o.bodyTimeoutMs, 0), 'an integer ≥ 0 (ms, 0 disables)', o.bodyTimeoutMs);
  check('keepAliveTimeoutMs', isInt(o.keepAliveTimeoutMs, 1), 'a positive integer (ms)', o.keepAliveTimeoutMs);
  check('parse', typeof o.parse === 'boolean', 'a boolean', o.parse);
  const basePath = url.pathname.replace(/\/+$/, '');
  return {
    baseUrl: url.origin + basePath,
    origin: url.origin,
    basePath,
    connections: o.connections,
    pipelining: o.pipelining,
    connectTimeoutMs: o.connectTimeoutMs,
    headersTimeoutMs: o.headersTimeoutMs,
    bodyTimeoutMs: o.bodyTimeoutMs,
    keepAliveTimeoutMs: o.keepAliveTimeoutMs,
    parse: o.parse,
  };
}

function parseBaseUrl(baseUrl: unknown): URL {
  let url: URL | undefined;
  try {
    url = typeof baseUrl === 'string' || baseUrl instanceof URL ? new URL(baseUrl) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '') {
    throw new InvalidOptionError(
      'baseUrl',
      `options.baseUrl must be an http(s) URL without query or fragment, e.g. http://127.0.0.1:3000, got ${describe(baseUrl)}.`,
    );
  }
  return url;
}

function check(name: string, ok: boolean, expected: string, value: unknown): void {
  if (!ok) throw new InvalidOptionError(name, `options.${name} must be ${expected}, got ${describe(value)}.`);
}

function isInt(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

// `{ connections: undefined }` means "the default", as it would for a missing key.
function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
