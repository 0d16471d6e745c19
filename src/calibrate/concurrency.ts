/**
 * Concurrency: up to how many connections the mock holds a fixed delay as
 * well as a bare server holding the same delay. The rule and its ladder of
 * measurements.
 */
import type { Profile } from '../../mock-server/profile/index.ts';
import { nearestRank } from '../../mock-server/stats/index.ts';
import type { ResolvedCalibrateOptions } from './calibrate.ts';
import type { ConcurrencyStep, ConcurrencyResult } from './calibration.ts';
import { CALIBRATION_PATH } from './capacity.ts';
import { type CalibrationServers, type LoadRun, runLoad } from './load.ts';

// ── safe-concurrency ─────────────────────────────────────────
// The safe-concurrency rule, pure: when a rung of the ladder passes, and
// which concurrency the ladder vouches for.
//
// Rule: on a fixed-delay profile, a rung with c connections passes when
// nothing failed (no connection error, timeout or non-2xx), it measured at
// least one response, and the mock's p99 − a bare server's p99 < budget +
// 1 ms. The bare server holds the same fixed delay on a plain timer, on the
// same rung, machine and load generator, so what the mock *adds* is what is
// judged, not the machine. The extra 1 ms is measurement slack: two p99s of a
// short rung (at one connection, its maximum) differ by about a timer tick
// (libuv keeps time in whole ms) with no server in the difference. A rung
// that fails is run once more and judged on that rerun (a hiccup of a shared
// machine is not the server). The safe concurrency is the last rung that
// passed before the first that failed.

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

// ── measure-concurrency ──────────────────────────────────────
// (c) Safe concurrency: the mock on a fixed delay, climbing a ladder of
// connections (short rungs, closed loop), each rung run against the mock and
// against a bare server holding the same delay, until the first rung where
// the mock's p99 strays from the bare server's (the rule above). A failing
// rung is confirmed by one rerun before the climb stops: at one connection a
// short rung has a few dozen responses, so its p99 is its maximum, and one
// hiccup of a shared machine would otherwise end the ladder.

/** The inline profile of the ladder: every response waits exactly `ms`. */
export function fixedProfile(ms: number): Profile {
  return { name: `fixed-${ms}ms`, description: 'pokebench calibrate: the safe-concurrency ladder', seed: 1, delay: { type: 'fixed', ms } };
}

/** Climbs the ladder; `onStep` hears one line per rung (and per rerun). */
export async function measureConcurrency(
  servers: CalibrationServers,
  options: ResolvedCalibrateOptions,
  onStep: (line: string) => void,
): Promise<ConcurrencyResult> {
  const delayMs = options.ladderDelayMs;
  await servers.setProfile(fixedProfile(delayMs));
  const steps: ConcurrencyStep[] = [];
  for (const connections of options.ladder) {
    let step = await rung(servers, options, connections, 1);
    onStep(describeRung(step, delayMs, step.pass ? '' : '; confirming with one rerun'));
    if (!step.pass) {
      step = await rung(servers, options, connections, 2);
      onStep(describeRung(step, delayMs, ' (rerun)'));
    }
    steps.push(step);
    if (!step.pass) break;
  }
  return { delayMs, stepMs: options.stepMs, budgetMs: options.budgetMs, timerSlackMs: TIMER_SLACK_MS, steps, ...pickSafeConcurrency(steps) };
}

async function rung(servers: CalibrationServers, options: ResolvedCalibrateOptions, connections: number, attempts: number): Promise<ConcurrencyStep> {
  const load = (base: string) => runLoad({ url: `${base}${CALIBRATION_PATH}`, connections, maxMs: options.stepMs, collect: true });
  // Back to back, the order swapped on a rerun, so drift of a shared machine hits both alike.
  let run: LoadRun;
  let bare: LoadRun;
  if (attempts % 2 === 1) {
    run = await load(servers.mock);
    bare = await load(servers.bareDelayed);
  } else {
    bare = await load(servers.bareDelayed);
    run = await load(servers.mock);
  }
  const p99Ms = nearestRank(run.latencies, 0.99);
  const bareP99Ms = nearestRank(bare.latencies, 0.99);
  const measured = { responses: run.latencies.length, p99Ms, bareP99Ms, errors: run.errors + run.non2xx };
  return {
    connections,
    ...measured,
    p50Ms: nearestRank(run.latencies, 0.5),
    addedP99Ms: p99Ms - bareP99Ms,
    pass: stepPasses(measured, options.budgetMs),
    attempts,
  };
}

function describeRung(step: ConcurrencyStep, delayMs: number, suffix: string): string {
  const added = Number.isFinite(step.addedP99Ms) ? `${step.addedP99Ms >= 0 ? '+' : ''}${step.addedP99Ms.toFixed(2)} ms` : 'no response';
  const errors = step.errors ? `, ${step.errors} errors` : '';
  const plural = step.connections === 1 ? 'connection' : 'connections';
  return `concurrency: ${step.connections} ${plural}: ${step.responses} responses, p99 ${added} over ${delayMs} ms${errors}: ${step.pass ? 'pass' : 'FAIL'}${suffix}`;
}
