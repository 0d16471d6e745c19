/**
 * How many runs a point needs for the gate: `pokebench run` repeats a point
 * past its `repeats` while the gate could not yet decide it against an
 * equally precise copy of itself, up to `maxRepeats`.
 *
 * Why: the gate decides a point from the interval of a ratio of medians
 * (`src/gate/median-ratio.ts`), and a CPU-bound point is noisy. Measured on
 * the default sweep, `concurrent` at N = 200-1600 varied ±10-20% from run to
 * run, so at 5 runs its medians moved ±8% between same-build processes and
 * no comparison could decide it; the pool strategies, waiting on delays,
 * varied 1-6% and needed no more than 5. A concurrent run costs about one
 * delay plus its CPU, so its whole ladder costs under a second a repetition:
 * the noisy points are also the cheap ones.
 *
 * The rule: compare the point's gate values (`src/gate/gate-value.ts`) with
 * themselves, as two independent samples; while that interval is wider than
 * ± half the gate's threshold, measure again. A comparison with a baseline
 * measured the same way then has room for the two medians' own difference
 * inside the threshold.
 */
import { gateValue, GATE_DEFAULTS, hasWaitRoof, medianRatio } from '../gate/index.ts';
import { mulberry32 } from '../stats/index.ts';
import type { SweepCell } from './run-sweep.ts';
import { summarizeTrial, type SummaryContext } from './summarize-trials.ts';
import type { TrialResult } from '../measure/index.ts';
import type { TrialSummary } from '../results/index.ts';

/** Bootstrap resamples of the self-comparison: enough for its ends to settle to a percent. */
const RESAMPLES = 400;

/**
 * A sweep's `moreTrials`: true while the point's self-comparison interval
 * reaches past 1 ± `threshold` / 2.
 *
 * @param threshold - the gate's noise threshold. @defaultValue the gate's default (10%)
 * @example runSweep({ …, repeats: 25, minRepeats: 5, moreTrials: gatePrecision({ cpus: 2 }) })
 */
export function gatePrecision(context: SummaryContext, threshold: number = GATE_DEFAULTS.threshold): (cell: SweepCell) => boolean {
  // A trial's summary runs the model's simulation: once per trial, not once per round.
  const summaries = new WeakMap<TrialResult, TrialSummary>();
  const summary = (cell: SweepCell, trial: TrialResult): TrialSummary => {
    let known = summaries.get(trial);
    if (known === undefined) summaries.set(trial, (known = summarizeTrial(cell.strategy, trial, context)));
    return known;
  };
  return (cell) => {
    if (cell.trials.length < 3) return true;
    const point = { runs: cell.trials.map((t) => summary(cell, t)) };
    const basis = hasWaitRoof(point) ? 'model' : 'wall';
    // One process, one machine speed: no rescaling (`sideSpeeds`).
    const values = point.runs.map((r) => gateValue(r, basis));
    const { interval } = medianRatio(values, values, RESAMPLES, 1 - GATE_DEFAULTS.significanceLevel, mulberry32(cell.n + cell.trials.length));
    return interval.low < 1 - threshold / 2 || interval.high > 1 + threshold / 2;
  };
}
