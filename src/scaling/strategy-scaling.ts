/**
 * The scaling analysis of a known strategy: which pool size its verdict is
 * judged against. bounded(k) and workers(k) are pools of k, so their slope is
 * 1/k. batched(k) is not: each batch waits for its slowest member, so under
 * jitter its slope is E[max of k delays] / (k·L̄), above 1/k. Its verdict is
 * judged against its own model slope, from the ideal makespans of the delays
 * the server applied, and then labelled with the batch size. A server
 * concurrency cap c makes any strategy at most a pool of c (docs/design.md's
 * model, extended: list scheduling on min(k, c) slots).
 */
import type { Strategy } from '../types/index.ts';
import { effectivePoolSize } from '../model/index.ts';
import { median, theilSen } from '../stats/index.ts';
import { analyzeScaling, type ScalingAnalysis } from './analyze-scaling.ts';
import { MIN_DISTINCT_N, MIN_REPETITIONS } from './thresholds.ts';
import { decideVerdict, invalidVerdict } from './verdict.ts';
import { verdictLabel } from '../results/index.ts';

/** One N: the measured makespans, and the model's ideal for each repetition. */
export interface StrategyScalingPoint {
  n: number;
  times: readonly number[];
  idealTimes: readonly number[];
  /** Set when the point's runs lost requests the profile did not ask to lose (`pointValidity`): the cause. */
  invalid?: string | undefined;
}

/**
 * Analyses a strategy's sweep with the pool size its kind implies. A sweep
 * with an invalid point gets the verdict `invalid` with the points' causes,
 * whatever its fit says (the fit is still returned, for the report).
 */
export function analyzeStrategyScaling(
  strategy: Pick<Strategy, 'kind' | 'k'>,
  points: readonly StrategyScalingPoint[],
  meanLatencyMs: number,
  seed?: number,
  serverCap?: number,
): ScalingAnalysis {
  const analysis = analyzeValidStrategyScaling(strategy, points, meanLatencyMs, seed, serverCap);
  const invalid = invalidVerdict(points);
  return invalid === undefined ? analysis : { ...analysis, verdict: invalid };
}

function analyzeValidStrategyScaling(
  strategy: Pick<Strategy, 'kind' | 'k'>,
  points: readonly StrategyScalingPoint[],
  meanLatencyMs: number,
  seed: number | undefined,
  serverCap: number | undefined,
): ScalingAnalysis {
  const input = { points: points.map((p) => ({ n: p.n, times: p.times })), meanLatencyMs, seed };
  // A server cap c turns a concurrent fan-out into a pool of c, and a pool of k into one of min(k, c).
  const pool = effectivePoolSize(strategy.kind, strategy.k, serverCap);
  if (strategy.kind === 'bounded' || strategy.kind === 'workers' || (strategy.kind === 'concurrent' && pool !== undefined)) {
    return analyzeScaling({ ...input, k: pool });
  }
  if (strategy.kind !== 'batched' || strategy.k === undefined || points.length < 2) return analyzeScaling(input);

  const modelSlope = theilSen(points.map((p) => p.n), points.map((p) => median([...p.idealTimes]))).slope / meanLatencyMs;
  if (!(modelSlope > 0 && modelSlope < 1)) return analyzeScaling(input);
  const analysis = analyzeScaling(input);
  const enoughData = points.length >= MIN_DISTINCT_N && points.every((p) => p.times.length >= MIN_REPETITIONS);
  if (!enoughData) return analysis;
  // The pool size whose slope the model predicts: 1/k_eff = the model's slope (not a whole number).
  const verdict = decideVerdict({ slope: analysis.slope, interval: analysis.interval, k: 1 / modelSlope });
  if (verdict.kind !== 'partial') return { ...analysis, verdict };
  return {
    ...analysis,
    verdict: {
      ...verdict,
      label: verdictLabel({ class: 'partial', k: strategy.k }),
      k: strategy.k,
      kEstimated: false,
      reason: `${verdict.reason.replace(/1\/[\d.]+/, `the batched model's slope ${modelSlope.toFixed(3)}`)} (batches of ${strategy.k} wait for their slowest member)`,
    },
  };
}
