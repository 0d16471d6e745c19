/**
 * The safe-concurrency rule, pure: when a rung of the ladder passes, and
 * which concurrency the ladder vouches for.
 *
 * Rule: on a fixed-delay profile, a rung with c connections passes when
 * nothing failed (no connection error, timeout or non-2xx), it measured at
 * least one response, and p99 − delay < budget + 1 ms. The extra 1 ms is a
 * Node timer's own slack: timers run on a 1 ms clock, so a 50 ms timer fires
 * up to ~1 ms late on an idle machine whatever the server does. A rung that
 * fails is run once more and judged on that rerun (a hiccup of a shared
 * machine is not the server). The safe concurrency is the last rung that
 * passed before the first that failed.
 */
import type { ConcurrencyStep } from './calibration.ts';

/** What a Node timer may be late by design, ms (libuv keeps time in whole ms). */
export const TIMER_SLACK_MS = 1;

/**
 * Whether a rung passes: no failed requests, some responses, and
 * `p99Ms − delayMs < budgetMs + TIMER_SLACK_MS`.
 */
export function stepPasses(step: Pick<ConcurrencyStep, 'responses' | 'p99Ms' | 'errors'>, delayMs: number, budgetMs: number): boolean {
  return step.errors === 0 && step.responses > 0 && step.p99Ms - delayMs < budgetMs + TIMER_SLACK_MS;
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
