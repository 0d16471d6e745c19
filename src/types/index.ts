/**
 * The contract every part of the kit shares: what a client returns for one
 * request, what a strategy records for it, and the shape of a strategy.
 *
 * Data flows one way: a strategy calls `fetchOne` for each id and turns every
 * call into exactly one {@link RequestRecord}, whatever happened.
 */

/** How one request ended. Exactly one per request sent, so counts sum to N. */
export type Outcome = 'ok' | 'http-error' | 'network-error' | 'timeout';

/** Per-request timeout when none is given, ms: the one default of `run`, the sweep, the matchers' measurements and peers. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** All outcomes, in report order. */
export const OUTCOMES: readonly Outcome[] = ['ok', 'http-error', 'network-error', 'timeout'];

/**
 * What a client resolves with once it has a complete HTTP response (any
 * status). A client *rejects* for anything else: a socket error, an aborted
 * request, a body that could not be read or parsed.
 */
export interface FetchResult {
  /** HTTP status code. */
  status: number;
  /** Body bytes read. */
  bytes: number;
  /** The delay the server says it applied (`x-mock-delay-ms`), if it said. */
  delayMs?: number | undefined;
  /** How long the server asked the client to wait (`Retry-After`), ms, if it asked. */
  retryAfterMs?: number | undefined;
  /** Attempts this result took, when a retry policy wraps the client (1 = no retry). */
  attempts?: number | undefined;
}

/**
 * Where a `fetchOne` can be rebuilt inside a worker thread. Functions cannot
 * cross a thread boundary, so `workers(k)` asks the client how to make itself
 * again: a module whose default export is `(options) => fetchOne`.
 */
export interface WorkerClientSpec {
  /** Absolute file URL or path of an ES module (plain JS: workers load no TS). */
  module: string;
  /** Structured-cloneable options handed to that module's default export. */
  options: unknown;
}

/**
 * Fetch one pokemon by id. Injected into strategies so users can bring any
 * client (undici, global fetch, axios...). Must honour `signal`.
 */
export type FetchOne = ((id: number, signal: AbortSignal) => Promise<FetchResult>) & {
  /** Present when the client can be rebuilt in a worker thread (see `workers(k)`). */
  workerSpec?: WorkerClientSpec | undefined;
  /** Frees the client's sockets; the measurement calls it when done. */
  close?: (() => Promise<void>) | undefined;
  /** Counters since the client was created, if it keeps any (the measurement reports their change over a run). */
  stats?: (() => ClientStats) | undefined;
};

/** What a client counts about itself. */
export interface ClientStats {
  /** Sockets this client has opened so far (each new TCP connection counts once). */
  connectionsOpened: number;
}

interface RecordBase {
  /** The pokemon id requested. */
  id: number;
  /** Position in the input list, 0-based. */
  index: number;
  /** Milliseconds from the start of the run when the request started. */
  start: number;
  /** Milliseconds from the start of the run when its outcome was known. */
  end: number;
  /** The delay the server applied, from `x-mock-delay-ms` (ok and http-error only). */
  delayMs?: number | undefined;
}

/** One request's fate: a tagged union on `outcome` (tinybench's `TaskResult` style). */
export type RequestRecord =
  | (RecordBase & { outcome: 'ok'; status: number; bytes: number })
  | (RecordBase & { outcome: 'http-error'; status: number; bytes: number })
  | (RecordBase & { outcome: 'network-error'; error: string; code?: string | undefined })
  | (RecordBase & { outcome: 'timeout'; timeoutMs: number });

/** Options every strategy accepts. */
export interface StrategyOptions {
  /** Aborts the whole fan-out; requests not yet started are recorded as network errors (code `ABORTED`). */
  signal?: AbortSignal | undefined;
  /** Per-request timeout in ms; past it the request is aborted and recorded as `timeout`. Default: none. */
  timeoutMs?: number | undefined;
  /** Monotonic clock in ms. Default: `performance.now`. Injected so tests can run in virtual time. */
  now?: (() => number) | undefined;
  /**
   * Called and awaited once, after any setup the strategy needs (e.g.
   * `workers(k)` starting its threads) and before its clock starts. The
   * measurement starts its CPU and event-loop counters here, so setup is not
   * billed to the fan-out. Strategies without setup may ignore it.
   */
  onStart?: (() => void | Promise<void>) | undefined;
  /**
   * Called once when every request has its outcome, before any teardown
   * (e.g. `workers(k)` destroying its threads), so the measurement's CPU count
   * stops there. Strategies without teardown may ignore it.
   */
  onEnd?: (() => void) | undefined;
}

/** A fan-out strategy: runs `fetchOne` over `ids` and returns one record per id, in input order. */
export interface Strategy {
  /** Stable name, e.g. `sequential`, `bounded(4)`. */
  readonly name: string;
  /** The strategy family, for the model. */
  readonly kind: 'sequential' | 'concurrent' | 'bounded' | 'batched' | 'workers';
  /** Slots (k) for bounded, batched and workers. */
  readonly k?: number | undefined;
  run(ids: readonly number[], fetchOne: FetchOne, options?: StrategyOptions): Promise<RequestRecord[]>;
}
