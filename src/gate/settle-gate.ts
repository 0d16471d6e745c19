/**
 * The whole gate of `pokebench run --baseline`: compare, confirm a regression
 * by one rerun, and add repetitions where a point is undecided, until every
 * point is decided or the rerun budget runs out. Measuring is injected, so
 * this file stays I/O-free like the rest of the gate.
 *
 * Order:
 * 1. Compare the run with the baseline.
 * 2. A regression is believed only if a fresh rerun of the strategies at fault
 *    regresses too (confirm-by-rerun, `confirm.ts`); confirmed, the gate
 *    fails (exit 1). Not reproduced, the rerun stands for those strategies.
 * 3. While a point is `inconclusive` or has too few runs (and its strategy's
 *    points together did not rule out a slowdown, `openRows`), and the budget
 *    (rounds and seconds) allows, measure the strategies holding such points
 *    again and pool the new runs with the old (`pool-runs.ts`): more
 *    repetitions narrow the interval until it clears or stays inside the
 *    noise threshold. When the caller can measure the baseline build too, its
 *    runs are pooled on the baseline side, measured in the same round.
 *    A regression seen on the pooled runs fails the gate: it rests on two or
 *    more sweeps already.
 * 4. Still undecided: the report is `inconclusive` (exit 3) with the reason,
 *    or a pass with a warning under `allowInconclusive`.
 *
 * Adding runs until a decision is a sequential test: each look is another
 * chance of a false alarm. The rounds are few (3 by default) and a false
 * alarm needs the whole interval past 1 + threshold, so the rate stays of the
 * order of the single-look rate times the number of looks (`decide-point.ts`).
 */
import type { Results } from '../results/index.ts';
import { compareResults, openRows } from './compare.ts';
import { regressedStrategies } from './confirm.ts';
import type { GateOptions } from './gate-options.ts';
import type { GateReport } from './gate-report.ts';
import { poolRuns, replaceStrategies } from './pool-runs.ts';
import { InvalidOptionError } from '../../mock-server/errors/index.ts';

/** How much re-measuring the gate may do to decide undecided points. */
export interface RerunBudget {
  /** Rounds of reruns for undecided points (0 turns them off). @defaultValue `3` */
  maxReruns?: number | undefined;
  /** Seconds all reruns may take, the confirming rerun included; no round starts past it. @defaultValue `180` */
  seconds?: number | undefined;
}

/** The defaults of {@link RerunBudget}. */
export const RERUN_DEFAULTS = Object.freeze({ maxReruns: 3, seconds: 180 });

/** What one rerun measured: the current build, and the baseline build when the caller can run it too. */
export interface RerunMeasurement {
  current: Results;
  baseline?: Results | undefined;
}

/** Why a rerun is asked for. */
export type RerunPurpose = 'confirm' | 'decide';

/** The measuring side of {@link settleGate}. */
export interface SettleGateHooks {
  /**
   * Measure the named strategies again: a fresh sweep of their ladders. For
   * `decide`, its runs are pooled with those measured before.
   */
  rerun: (strategies: string[], purpose: RerunPurpose) => Promise<RerunMeasurement>;
  /** Milliseconds, for the time budget. @defaultValue `performance.now` */
  now?: () => number;
}

/** Why the gate stopped re-measuring. */
export type SettleStop = 'decided' | 'confirmed' | 'max-reruns' | 'time-budget';

/** The gate's final answer and how it got there. */
export interface SettledGate {
  /** The report whose `exitCode` counts. */
  report: GateReport;
  /** The comparison of the run as measured, before any rerun. */
  first: GateReport;
  /** The confirming rerun, when the first comparison regressed. */
  confirmation: { suspects: string[]; report: GateReport; reproduced: boolean } | null;
  /** Each round of reruns for undecided points: which strategies, and the pooled report after it. */
  rounds: { strategies: string[]; report: GateReport }[];
  stop: SettleStop;
}

/**
 * Compare `current` with `baseline`, confirm a regression, and re-measure
 * undecided points within `budget` (see the file's comment for the order).
 *
 * @throws InvalidOptionError naming a bad budget field or gate option.
 * @example
 * const gate = await settleGate(baseline, results, { threshold: 0.1 }, {}, {
 *   rerun: async (names) => ({ current: await runBenchmark({ ...config, strategies: names }) }),
 * });
 * process.exitCode = gate.report.exitCode;
 */
export async function settleGate(
  baseline: Results,
  current: Results,
  options: GateOptions,
  budget: RerunBudget,
  hooks: SettleGateHooks,
): Promise<SettledGate> {
  const { maxReruns, seconds } = resolveBudget(budget);
  const now = hooks.now ?? (() => performance.now());
  const started = now();
  const first = compareResults(baseline, current, options);
  let report = first;
  let base = baseline;
  let cur = current;
  let confirmation: SettledGate['confirmation'] = null;

  if (report.status === 'regression') {
    const suspects = regressedStrategies(report);
    const rerun = await hooks.rerun(suspects, 'confirm');
    if (rerun.baseline !== undefined) base = poolRuns(base, rerun.baseline);
    const again = compareResults(base, rerun.current, options);
    const reproduced = again.status === 'regression';
    confirmation = { suspects, report: again, reproduced };
    if (reproduced) return { report: again, first, confirmation, rounds: [], stop: 'confirmed' };
    cur = replaceStrategies(cur, rerun.current);
    report = compareResults(base, cur, options);
  }

  const rounds: SettledGate['rounds'] = [];
  let stop: SettleStop = 'decided';
  while (report.status !== 'regression' && report.status !== 'unusable' && openRows(report).length > 0) {
    if (rounds.length >= maxReruns) {
      stop = 'max-reruns';
      break;
    }
    if (now() - started >= seconds * 1000) {
      stop = 'time-budget';
      break;
    }
    const open = [...new Set(openRows(report).map((r) => r.strategy))];
    const more = await hooks.rerun(open, 'decide');
    cur = poolRuns(cur, more.current);
    if (more.baseline !== undefined) base = poolRuns(base, more.baseline);
    report = compareResults(base, cur, options);
    rounds.push({ strategies: open, report });
  }
  if (stop !== 'decided') report = { ...report, notes: [...report.notes, budgetNote(report, rounds.length, stop, { maxReruns, seconds })] };
  return { report, first, confirmation, rounds, stop: report.status === 'regression' && stop === 'decided' ? 'confirmed' : stop };
}

function budgetNote(report: GateReport, rounds: number, stop: SettleStop, budget: { maxReruns: number; seconds: number }): string {
  const open = [...new Set(openRows(report).map((r) => r.strategy))];
  const why = stop === 'max-reruns' ? `its ${budget.maxReruns} reruns (--max-reruns)` : `its ${budget.seconds} s (--rerun-budget-s)`;
  return `still undecided after ${rounds} ${rounds === 1 ? 'rerun' : 'reruns'}: the rerun budget ran out at ${why}, with points of ${open.join(', ')} undecided. Raise the budget or --repeats, or quiet the machine.`;
}

function resolveBudget(budget: RerunBudget): { maxReruns: number; seconds: number } {
  const maxReruns = budget.maxReruns ?? RERUN_DEFAULTS.maxReruns;
  const seconds = budget.seconds ?? RERUN_DEFAULTS.seconds;
  if (!Number.isSafeInteger(maxReruns) || maxReruns < 0) {
    throw new InvalidOptionError('maxReruns', `budget.maxReruns must be a whole number ≥ 0, got ${String(maxReruns)}.`);
  }
  if (typeof seconds !== 'number' || !(seconds >= 0) || !Number.isFinite(seconds)) {
    throw new InvalidOptionError('seconds', `budget.seconds must be a number of seconds ≥ 0, got ${String(seconds)}.`);
  }
  return { maxReruns, seconds };
}
