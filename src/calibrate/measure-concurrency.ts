/**
 * (c) Safe concurrency: the mock on a fixed delay, climbing a ladder of
 * connections (short rungs, closed loop), each rung run against the mock and
 * against a bare server holding the same delay, until the first rung where
 * the mock's p99 strays from the bare server's (see `safe-concurrency.ts`). A failing
 * rung is confirmed by one rerun before the climb stops: at one connection a
 * short rung has a few dozen responses, so its p99 is its maximum, and one
 * hiccup of a shared machine would otherwise end the ladder.
 */
import type { Profile } from '../../mock-server/profile/index.ts';
import type { ConcurrencyResult, ConcurrencyStep } from './calibration.ts';
import type { CalibrationServers } from './calibration-servers.ts';
import type { ResolvedCalibrateOptions } from './calibrate-options.ts';
import { CALIBRATION_PATH } from './measure-capacity.ts';
import { nearestRank } from '../../mock-server/stats/nearest-rank.ts';
import { runLoad, type LoadRun } from './run-load.ts';
import { pickSafeConcurrency, stepPasses, TIMER_SLACK_MS } from './safe-concurrency.ts';

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
