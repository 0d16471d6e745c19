/** What the regression gate concludes: plain data, ready for `JSON.stringify` and the renderers. */
import type { Interval } from '../stats/index.ts';
import type { PointDecision } from './decide-point.ts';
import type { StrategyPower } from './detectable-effect.ts';
import type { ResolvedGateOptions } from './gate-options.ts';
import type { VerdictChange } from './verdict-change.ts';
import type { ProbeSpeeds } from './gate-value.ts';
import type { AcrossPoints } from './across-points.ts';

/**
 * The gate's answer: `pass` (exit 0), `regression` (exit 1), `unusable`
 * (exit 2, the runs are not comparable) or `inconclusive` (exit 3: no
 * regression seen, but a point could not be decided, so none could be ruled
 * out; `allowInconclusive` turns it into a pass with a warning).
 */
export type GateStatus = 'pass' | 'regression' | 'unusable' | 'inconclusive';

interface GateRowBase {
  /** Strategy name, e.g. `bounded(4)`. */
  strategy: string;
  /** Requests in the fan-out. */
  n: number;
  /** Median wall time of the baseline's runs, ms. */
  baselineMs: number;
  /** Median wall time of the current runs, ms. */
  currentMs: number;
  /**
   * How much slower the current build is (2 = twice as slow): the ratio of the
   * medians of what `basis` names. With `model`, it can differ from
   * currentMs / baselineMs by the luck of the delays each run was served.
   */
  ratio: number;
  /**
   * `model`: each run's own time (wall less its event loop's run-queue wait,
   * `ownTime`) over the wait roof of the delays it was served, the CPU part above
   * the roof at the baseline's machine speed (`gate-value.ts`), so the
   * server's draw, a busy machine and a slower one cancel; `wall`: raw wall times (a side had a run
   * with no wait roof, e.g. an older file).
   */
  basis: 'model' | 'wall';
  /** Runs on each side. */
  baselineRuns: number;
  currentRuns: number;
}

/**
 * One (strategy, N) present in both runs, as a tagged union on `decision`:
 * `ci` is the (1 − α) bootstrap interval of `ratio` and `detectable` the
 * smallest slowdown this point could have shown (`detectable-effect.ts`), or
 * both `null` when the point has too few runs to compute an interval.
 */
export type GateRow =
  | (GateRowBase & { decision: Exclude<PointDecision, 'too-few-runs'>; ci: Interval; detectable: number })
  | (GateRowBase & { decision: 'too-few-runs'; ci: null; detectable: null });

/** The whole comparison. */
export interface GateReport {
  status: GateStatus;
  /** 0 pass, 1 regression, 2 unusable, 3 inconclusive. */
  exitCode: 0 | 1 | 2 | 3;
  /** One row per point in both runs, in the baseline's strategy order, N ascending. */
  rows: GateRow[];
  /**
   * Per strategy, its points together (`across-points.ts`): the geometric mean
   * of their ratios, its interval and decision. `regressed` fails the gate;
   * `unchanged` or `improved` rules out a slowdown of the whole strategy, so
   * its points undecided alone do not make the report inconclusive.
   */
  across: AcrossPoints[];
  /** Per strategy, its worst point's detectable slowdown: the regressions this comparison could not have seen. */
  power: StrategyPower[];
  /**
   * How fast each machine ran a fixed CPU probe (median over its runs, ms);
   * time above the wait roof is compared at the baseline's speed
   * (`gate-value.ts`). `null` when a side has no probe (an older file).
   */
  speeds: ProbeSpeeds | null;
  /** Strategies whose scaling verdict changed or is inconclusive on a side. */
  verdictChanges: VerdictChange[];
  /** Why the runs are not comparable; non-empty exactly when `status` is `unusable`. */
  blockers: string[];
  /** Everything else worth knowing: other machine, other seed, missing points, failed requests, undecided points. */
  notes: string[];
  /** The options the decision used. */
  options: ResolvedGateOptions;
}
