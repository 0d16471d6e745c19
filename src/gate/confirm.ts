/**
 * Confirm-by-rerun: a failing gate is believed only if a rerun of the
 * strategies at fault fails it again, so one slow minute on a shared runner
 * does not fail a build. `settleGate` (`settle-gate.ts`, behind
 * `pokebench run --baseline` and `scripts/verdict-quality.ts`) applies the same
 * rule and then adds repetitions to undecided points; `confirmRegression` is
 * the rule alone. The rerun itself is injected, so this file stays I/O-free
 * like the rest of the gate.
 */
import type { Results } from '../results/index.ts';
import { compareResults } from './compare.ts';
import type { GateOptions } from './gate-options.ts';
import type { GateReport } from './gate-report.ts';

/**
 * How the confirmation went, as a tagged union on `kind`; `report` is the one
 * whose `exitCode` counts.
 * - `not-needed`: the first comparison did not regress; `report` is it.
 * - `confirmed`: the rerun of `suspects` regressed too; `report` is the rerun's.
 * - `not-reproduced`: the rerun did not regress: noise; `report` is the rerun's.
 */
export type ConfirmedGate =
  | { kind: 'not-needed'; report: GateReport }
  | { kind: 'confirmed' | 'not-reproduced'; suspects: string[]; first: GateReport; report: GateReport };

/**
 * Strategies with a regressed point, regressed across their points, or with a
 * changed scaling class, in report order.
 *
 * @example regressedStrategies(compareResults(base, cur)) // ['concurrent']
 */
export function regressedStrategies(report: GateReport): string[] {
  const names = new Set<string>();
  for (const row of report.rows) if (row.decision === 'regressed') names.add(row.strategy);
  for (const pooled of report.across) if (pooled.decision === 'regressed') names.add(pooled.strategy);
  for (const change of report.verdictChanges) if (change.kind === 'class-changed') names.add(change.strategy);
  return [...names];
}

/**
 * Apply the confirm-by-rerun rule to `first` (a comparison of some run with
 * `baseline`): when it regressed, call `rerun` with the strategies at fault
 * and compare its results with `baseline` under the same `options`. The rerun
 * is compared whole: it is expected to hold only the suspects, so the final
 * report speaks of them alone.
 *
 * @param rerun - measures the named strategies again (called at most once).
 * @example
 * const gate = await confirmRegression(baseline, compareResults(baseline, results), {}, (names) =>
 *   runBenchmark({ ...config, strategies: names }));
 * process.exitCode = gate.report.exitCode;
 */
export async function confirmRegression(
  baseline: Results,
  first: GateReport,
  options: GateOptions,
  rerun: (strategies: string[]) => Promise<Results>,
): Promise<ConfirmedGate> {
  if (first.exitCode !== 1) return { kind: 'not-needed', report: first };
  const suspects = regressedStrategies(first);
  const report = compareResults(baseline, await rerun(suspects), options);
  return { kind: report.exitCode === 1 ? 'confirmed' : 'not-reproduced', suspects, first, report };
}
