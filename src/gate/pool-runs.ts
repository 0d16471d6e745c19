/**
 * The gate's view of a strategy measured more than once: the runs of every
 * sweep of it, pooled per point, so added repetitions narrow the interval of
 * the ratio of medians. Only the fields the gate reads are pooled (each
 * point's runs and outcome counts); the other summaries of a point, and the
 * strategy's scaling verdict, stay those of the first sweep.
 */
import type { PointResult, Results, StrategyResult } from '../results/index.ts';
import { OUTCOMES } from '../types/index.ts';

/**
 * `into` with the runs of `more` appended at every (strategy, N) both hold.
 * Strategies or N only in `more` are not added: the gate compares what the
 * first sweep measured.
 *
 * @example poolRuns(first, rerun).strategies[0].points[0].runs.length // first's runs + rerun's runs
 */
export function poolRuns(into: Results, more: Results): Results {
  const extra = new Map(more.strategies.map((s) => [s.name, s]));
  return {
    ...into,
    strategies: into.strategies.map((strategy) => {
      const added = extra.get(strategy.name);
      return added === undefined ? strategy : poolStrategy(strategy, added);
    }),
  };
}

/**
 * `into` with each strategy of `fresh` in place of the one of the same name:
 * a confirming rerun that did not reproduce a regression stands for the
 * strategy from then on.
 */
export function replaceStrategies(into: Results, fresh: Results): Results {
  const byName = new Map(fresh.strategies.map((s) => [s.name, s]));
  return { ...into, strategies: into.strategies.map((s) => byName.get(s.name) ?? s) };
}

function poolStrategy(strategy: StrategyResult, more: StrategyResult): StrategyResult {
  const byN = new Map(more.points.map((p) => [p.n, p]));
  return {
    ...strategy,
    points: strategy.points.map((point) => {
      const added = byN.get(point.n);
      return added === undefined ? point : poolPoint(point, added);
    }),
  };
}

function poolPoint(point: PointResult, more: PointResult): PointResult {
  const counts = { ...point.counts };
  for (const outcome of OUTCOMES) counts[outcome] = (point.counts[outcome] ?? 0) + (more.counts[outcome] ?? 0);
  return { ...point, runs: [...point.runs, ...more.runs], counts };
}
