/**
 * The one place a request becomes a record. Whatever `fetchOne` does
 * (resolve, reject, throw, hang past the timeout, get aborted), `runOne`
 * resolves with exactly one {@link RequestRecord} and never rejects, so no
 * request of a fan-out is ever lost or takes its siblings down.
 */
import type { FetchOne, FetchResult, RequestRecord } from '../types/index.ts';
import type { AbortInFlight, TrialContext } from './trial-context.ts';

/** `code` of a request ended (or never started) because `options.signal` aborted. */
export const ABORTED = 'ABORTED';

/** `code` of a request whose `fetchOne` resolved with something that is not a {@link FetchResult}. */
export const INVALID_RESULT = 'INVALID_RESULT';

/**
 * Run `fetchOne(id, signal)` under the run's timeout and outer signal and
 * record its fate:
 * - a status in 200-299 → `ok`; any other status → `http-error`;
 * - the per-request timeout fires first → `timeout` (the request's signal is
 *   aborted with a `TimeoutError`, and the record does not wait for
 *   `fetchOne` to notice);
 * - the outer signal aborts while in flight, or had aborted before the start
 *   → `network-error` with code `ABORTED` (`fetchOne` is not called at all
 *   in the latter case);
 * - any other rejection or synchronous throw → `network-error` with the
 *   error's message and its `code` (or its `cause`'s, as undici nests them).
 *
 * A response that lands at the very instant of the deadline may go either
 * way: it depends on whether the timer or the response's callback runs first.
 */
export function runOne(run: TrialContext, id: number, index: number, fetchOne: FetchOne): Promise<RequestRecord> {
  const start = run.elapsed();
  if (run.signal?.aborted) {
    return Promise.resolve(aborted(id, index, start, start, `Not started: the run was aborted (${describe(run.signal.reason).error}).`));
  }
  return new Promise<RequestRecord>((resolve) => {
    const controller = new AbortController();
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (make: (end: number) => RequestRecord): boolean => {
      if (settled) return false;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      run.inFlight.delete(onOuterAbort);
      resolve(make(run.elapsed()));
      return true;
    };
    const onOuterAbort: AbortInFlight = (reason) => {
      if (settle((end) => aborted(id, index, start, end, describe(reason).error))) controller.abort(reason);
    };
    run.inFlight.add(onOuterAbort);

    let pending: Promise<FetchResult>;
    try {
      pending = Promise.resolve(fetchOne(id, controller.signal));
    } catch (err) {
      pending = Promise.reject(err);
    }
    pending.then(
      (result) => settle((end) => fromResult(id, index, start, end, result)),
      (err: unknown) => settle((end) => ({ id, index, start, end, outcome: 'network-error', ...describe(err) })),
    );

    const { timeoutMs } = run;
    if (timeoutMs !== undefined && !settled) {
      timer = setTimeout(() => {
        if (settle((end) => ({ id, index, start, end, outcome: 'timeout', timeoutMs }))) {
          controller.abort(new DOMException(`Request timed out after ${timeoutMs} ms`, 'TimeoutError'));
        }
      }, timeoutMs);
    }
  });
}

function fromResult(id: number, index: number, start: number, end: number, result: unknown): RequestRecord {
  const status = (result as Partial<FetchResult> | null)?.status;
  if (typeof status !== 'number' || !Number.isInteger(status)) {
    return {
      id, index, start, end, outcome: 'network-error', code: INVALID_RESULT,
      error: `fetchOne resolved without an integer status (got ${describeValue(result)}); it must resolve { status, bytes } or reject.`,
    };
  }
  const { bytes, delayMs } = result as FetchResult;
  const base = {
    id, index, start, end, status,
    bytes: typeof bytes === 'number' && Number.isFinite(bytes) ? bytes : 0,
    ...(typeof delayMs === 'number' ? { delayMs } : {}),
  };
  return status >= 200 && status < 300 ? { ...base, outcome: 'ok' } : { ...base, outcome: 'http-error' };
}

function aborted(id: number, index: number, start: number, end: number, error: string): RequestRecord {
  return { id, index, start, end, outcome: 'network-error', error, code: ABORTED };
}

function describe(err: unknown): { error: string; code?: string } {
  if (typeof err !== 'object' || err === null) return { error: err === undefined ? 'aborted' : String(err) };
  const e = err as { message?: unknown; name?: unknown; code?: unknown; cause?: unknown };
  const message = typeof e.message === 'string' && e.message !== '' ? e.message : typeof e.name === 'string' ? e.name : String(err);
  const causeCode = (e.cause as { code?: unknown } | null | undefined)?.code;
  const code = typeof e.code === 'string' ? e.code : typeof causeCode === 'string' ? causeCode : undefined;
  return code === undefined ? { error: message } : { error: message, code };
}

function describeValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
