/**
 * What one run shares across its requests: resolved options, the clock
 * relative to the run's start, and a single listener on the outer signal that
 * aborts whatever is in flight (one listener per run rather than one per
 * request: 1600 listeners on one AbortSignal trip Node's leak warning).
 */
import type { StrategyOptions } from '../types/index.ts';
import { InvalidStrategyOptionError } from '../../mock-server/errors/index.ts';

// setTimeout fires at once (with a warning) for delays past 2³¹ − 1 ms.
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Aborts one in-flight request because the whole run was aborted. */
export type AbortInFlight = (reason: unknown) => void;

/** The per-run state every request of a run sees. */
export interface TrialContext {
  /** Milliseconds since the run started, from the injected clock. */
  elapsed(): number;
  /** Per-request timeout, if any. */
  readonly timeoutMs: number | undefined;
  /** The outer signal, if any. */
  readonly signal: AbortSignal | undefined;
  /** Requests in flight, each with how to abort it. */
  readonly inFlight: Set<AbortInFlight>;
  /** Detach from the outer signal. Call once the run is over. */
  close(): void;
}

/**
 * Validate `options`, fill defaults (`now` = `performance.now`), start the
 * run's clock and attach to the outer signal. Does not call `onStart`; a
 * strategy without setup uses {@link beginTrial}, which does.
 *
 * @throws InvalidStrategyOptionError when `timeoutMs`, `now`, `signal` or `onStart` is unusable.
 */
export function startTrial(options: StrategyOptions = {}): TrialContext {
  const { signal, timeoutMs } = options;
  if (options.onStart !== undefined && typeof options.onStart !== 'function') {
    throw new InvalidStrategyOptionError('onStart', `Invalid options.onStart: must be a function, got ${typeof options.onStart}.`);
  }
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS)) {
    throw new InvalidStrategyOptionError(
      'timeoutMs',
      `Invalid options.timeoutMs: must be a number of ms in (0, ${MAX_TIMEOUT_MS}], got ${String(timeoutMs)}. Omit it for no timeout.`,
    );
  }
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new InvalidStrategyOptionError('now', `Invalid options.now: must be a function returning ms, got ${typeof options.now}.`);
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new InvalidStrategyOptionError('signal', 'Invalid options.signal: must be an AbortSignal.');
  }
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const inFlight = new Set<AbortInFlight>();
  const onAbort = (): void => {
    // Each abort deletes itself from the set; a Set iterator tolerates that.
    for (const abort of inFlight) abort(signal?.reason);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    elapsed: () => now() - t0,
    timeoutMs,
    signal,
    inFlight,
    close: () => signal?.removeEventListener('abort', onAbort),
  };
}

/**
 * For strategies with no setup: validate `options`, await `options.onStart`
 * (the measurement starts its counters there), then start the run's clock.
 *
 * @throws InvalidStrategyOptionError before calling `onStart` when an option is unusable.
 */
export async function beginTrial(options: StrategyOptions = {}): Promise<TrialContext> {
  startTrial(options).close();
  await options.onStart?.();
  return startTrial(options);
}
