/**
 * Test helper: run a strategy in virtual time. Only `setTimeout`,
 * `clearTimeout` and `Date` are faked; `setImmediate` stays real so each step
 * can drain every pending microtask (promise chains of any depth) for the
 * cost of one real event-loop turn, not the 1 ms real `setTimeout` that
 * `vi.runAllTimersAsync()` waits between timers (60 requests × hundreds of
 * cases would take minutes that way).
 */
import { vi } from 'vitest';

/** Fake the clock, starting at 0 so record times and clock times coincide. */
export function useVirtualTime(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 });
}

/** The fake clock, to inject as `options.now`. */
export const virtualNow = (): number => Date.now();

const drainMicrotasks = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Settle `promise` by jumping the fake clock from timer to timer. After each
 * jump (all timers due at that instant fire) the microtasks drain and
 * `afterStep` observes a quiescent state, e.g. to count requests in flight.
 * Throws if the promise is still pending with no timer left (a lost wake-up).
 */
export async function runVirtual<T>(promise: Promise<T>, afterStep?: () => void): Promise<T> {
  const state = { done: false };
  void promise.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  await drainMicrotasks();
  afterStep?.();
  while (!state.done) {
    if (vi.getTimerCount() === 0) throw new Error('runVirtual: the promise is pending but no timer is left to fire.');
    vi.advanceTimersToNextTimer();
    await drainMicrotasks();
    afterStep?.();
  }
  return promise;
}

/** Run `body` with the virtual clock installed, restoring real timers after. */
export async function inVirtualTime<T>(body: () => Promise<T>): Promise<T> {
  useVirtualTime();
  try {
    return await body();
  } finally {
    vi.useRealTimers();
  }
}
