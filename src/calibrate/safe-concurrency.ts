/**
 * The safe-concurrency rule, pure: when a rung of the ladder passes, and
 * which concurrency the ladder vouches for.
 *
 * Rule: on a fixed-delay profile, a rung with c connections passes when
 * nothing failed (no connection error, timeout or non-2xx), it measured at
 * least one response, and the mock's p99 − a bare server's p99 < budget +
 * 1 ms. The bare server holds the same fixed delay on a plain timer, on the
 * same rung, machine and load generator, so what the mock *adds* is what is
 * judged, not the machine. The extra 1 ms is measurement slack: two p99s of a
 * short rung (at one connection, its maximum) differ by about a timer tick
 * (libuv keeps time in whole ms) with no server in the difference. A rung
 * that fails is run once more and judged on that rerun (a hiccup of a shared
 * machine is not the server). The safe concurrency is the last rung that
 * passed before the first that failed.
 */
import type { ConcurrencyStep } from './calibration.ts';

/** Measurement slack on top of the budget, ms: a timer tick (libuv keeps time in whole ms). */
export const TIMER_SLACK_MS = 1;

/**
 * Whether a rung passes: no failed requests, some responses, and
 * `p99Ms − bareP99Ms < budgetMs + TIMER_SLACK_MS`.
 */
export function stepPasses(step: Pick<ConcurrencyStep, 'responses' | 'p99Ms' | 'bareP99Ms' | 'errors'>, budgetMs: number): boolean {
  return step.errors === 0 && step.responses > 0 && step.p99Ms - step.bareP99Ms < budgetMs + TIMER_SLACK_MS;
}

/**
 * The safe concurrency of a ladder run in order: the connections of the last
 * passing rung before the first failing one (0 when the first rung failed),
 * and whether a failing rung was reached at all.
 *
 * @example
 * pickSafeConcurrency([{ connections: 1, pass: true }, { connections: 8, pass: false }]) // { safeConcurrency: 1, limitFound: true }
 */
export function pickSafeConcurrency(steps: readonly Pick<ConcurrencyStep, 'connections' | 'pass'>[]): { safeConcurrency: number; limitFound: boolean } {
  let safeConcurrency = 0;
  for (const step of steps) {
    if (!step.pass) return { safeConcurrency, limitFound: true };
    safeConcurrency = step.connections;
  }
  return { safeConcurrency, limitFound: false };
}
