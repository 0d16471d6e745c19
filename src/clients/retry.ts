/**
 * A retry policy around any `fetchOne`: attempts, exponential backoff with
 * full jitter (seeded), and the server's `Retry-After` honoured. The strategy
 * still sees one call per request, so each request still ends as exactly one
 * record: the outcome of its last attempt.
 */
import { InvalidOptionError } from '../../mock-server/errors/index.ts';
import { mulberry32 } from '../stats/index.ts';
import type { FetchOne, FetchResult } from '../types/index.ts';

/** Options of {@link withRetry}. */
export interface RetryOptions {
  /** Attempts in all, the first included. @defaultValue 3 */
  attempts?: number;
  /** Backoff before retry r (1-based) is uniform in [0, min(maxDelayMs, baseDelayMs · 2^(r−1))]. @defaultValue 100 */
  baseDelayMs?: number;
  /** Cap of one backoff, ms. @defaultValue 2000 */
  maxDelayMs?: number;
  /** Wait what `Retry-After` asks when it asks for longer than the backoff (capped by `maxDelayMs`). @defaultValue true */
  honourRetryAfter?: boolean;
  /** Which statuses are worth another attempt. @defaultValue 429 and 5xx */
  retryOnStatus?: (status: number) => boolean;
  /** Retry a rejection (reset, malformed body...) too; a timeout or abort is never retried. @defaultValue true */
  retryOnError?: boolean;
  /** Seed of the jitter, so a run replays. @defaultValue 1 */
  seed?: number;
}

function resolve(options: RetryOptions) {
  const o = {
    attempts: 3,
    baseDelayMs: 100,
    maxDelayMs: 2_000,
    honourRetryAfter: true,
    retryOnStatus: (status: number) => status === 429 || status >= 500,
    retryOnError: true,
    seed: 1,
    ...options,
  };
  const check = (name: string, ok: boolean, rule: string) => {
    if (!ok) throw new InvalidOptionError(`options.${name}`, `options.${name} ${rule}, got ${String((o as Record<string, unknown>)[name])}.`);
  };
  check('attempts', Number.isInteger(o.attempts) && o.attempts >= 1, 'must be a whole number >= 1');
  check('baseDelayMs', Number.isFinite(o.baseDelayMs) && o.baseDelayMs >= 0, 'must be a number >= 0');
  check('maxDelayMs', Number.isFinite(o.maxDelayMs) && o.maxDelayMs >= 0, 'must be a number >= 0');
  check('seed', Number.isSafeInteger(o.seed), 'must be an integer');
  return o;
}

/**
 * Wraps `fetchOne` with a retry policy. The wrapped client keeps `close` and
 * `stats`; it has no `workerSpec` (a policy is a function: it cannot cross
 * into a worker thread), so `workers(k)` refuses it.
 *
 * @example
 * const fetchOne = withRetry(createUndiciClient({ baseUrl }), { attempts: 4 });
 */
export function withRetry(fetchOne: FetchOne, options: RetryOptions = {}): FetchOne {
  const o = resolve(options);
  const random = mulberry32(o.seed);
  const retrying: FetchOne = async (id, signal) => {
    for (let attempt = 1; ; attempt++) {
      let result: FetchResult | undefined;
      try {
        result = await fetchOne(id, signal);
      } catch (error) {
        // Our own abort (a per-request timeout or the run's signal) ends the request as it is.
        if (signal.aborted || !o.retryOnError || attempt >= o.attempts) throw error;
      }
      if (result !== undefined && (attempt >= o.attempts || !o.retryOnStatus(result.status))) return { ...result, attempts: attempt };
      const backoff = random() * Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
      const asked = o.honourRetryAfter && result?.retryAfterMs !== undefined ? Math.min(result.retryAfterMs, o.maxDelayMs) : 0;
      await sleep(Math.max(backoff, asked), signal);
    }
  };
  retrying.close = fetchOne.close;
  if (fetchOne.stats) retrying.stats = fetchOne.stats;
  return retrying;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolveSleep, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolveSleep();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
