/** What the regression gate concludes: plain data, ready for `JSON.stringify` and the renderers. */
import type { Interval } from '../stats/bootstrap.ts';
import type { PointDecision } from './decide-point.ts';
import type { ResolvedGateOptions } from './gate-options.ts';
import type { VerdictChange } from './verdict-change.ts';

/** The gate's answer: `pass` (exit 0), `regression` (exit 1) or `unusable` (exit 2, the runs are not comparable). */
export type GateStatus = 'pass' | 'regression' | 'unusable';

interface GateRowBase {
  /** Strategy name, e.g. `bounded(4)`. */
  strategy: string;
  /** Requests in the fan-out. */
  n: number;
  /** Median wall time of the baseline's runs, ms. */
  baselineMs: number;
  /** Median wall time of the current runs, ms. */
  currentMs: number;
  /** currentMs / baselineMs (2 = twice as slow). */
  ratio: number;
  /** Runs on each side. */
  baselineRuns: number;
  currentRuns: number;
}

/**
 * One (strategy, N) present in both runs, as a tagged union on `decision`:
 * `ci` is the (1 − α) bootstrap interval of `ratio`, or `null` when the point
 * has too few runs to compute one.
 */
export type GateRow =
  | (GateRowBase & { decision: Exclude<PointDecision, 'too-few-runs'>; ci: Interval })
  | (GateRowBase & { decision: 'too-few-runs'; ci: null });

/** The whole comparison. */
export interface GateReport {
  status: GateStatus;
  /** 0 pass, 1 regression, 2 unusable. */
  exitCode: 0 | 1 | 2;
  /** One row per point in both runs, in the baseline's strategy order, N ascending. */
  rows: GateRow[];
  /** Strategies whose scaling verdict changed or is inconclusive on a side. */
  verdictChanges: VerdictChange[];
  /** Why the runs are not comparable; non-empty exactly when `status` is `unusable`. */
  blockers: string[];
  /** Everything else worth knowing: other machine, other seed, missing points, failed requests, undecided points. */
  notes: string[];
  /** The options the decision used. */
  options: ResolvedGateOptions;
}
