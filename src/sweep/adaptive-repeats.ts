/**
 * Adaptive repetition: how many times to measure one point. A point whose
 * repetitions already agree needs no more; a noisy one gets more, up to a
 * cap; a point the model predicts to be pure waiting is measured once and its
 * prediction checked instead. Pure: the runs so far in, a decision out.
 */
import { median } from '../stats/index.ts';

/** What the rule needs to know of one measured run. */
export interface RepetitionSample {
  /** Measured makespan, ms. */
  wallMs: number;
  /** The model's wait roof (ideal makespan from the delays the server applied), ms. */
  waitRoofMs: number;
  /**
   * An upper bound of the run's CPU roof, ms: all the CPU the run cost (client
   * and, where it is known, the mock). Deliberately not divided by any
   * parallelism, so "pure waiting" below is a conservative call.
   */
  cpuBoundMs: number;
}

/** The thresholds of {@link decideRepetition}. */
export interface RepetitionRule {
  /** Repetitions before the spread may stop a point. @defaultValue 2 */
  minRuns: number;
  /** Never more than this many. @defaultValue 5 */
  maxRuns: number;
  /** A point is tight when (max − min) / median ≤ this. @defaultValue 0.08 */
  tightSpread: number;
  /** Pure waiting: the CPU bound is at most this share of the wait roof. @defaultValue 0.5 */
  waitShare: number;
  /** A prediction is checked when every run is within this relative distance of its wait roof. @defaultValue 0.1 */
  predictionTolerance: number;
}

/** The defaults of {@link RepetitionRule}. */
export const DEFAULT_REPETITION_RULE: RepetitionRule = { minRuns: 2, maxRuns: 5, tightSpread: 0.08, waitShare: 0.5, predictionTolerance: 0.1 };

/** Why a point stops or goes on. */
export type RepetitionDecision =
  | { more: false; why: 'predicted' | 'tight' | 'max-runs' }
  | { more: true; why: 'first' | 'min-runs' | 'noisy' };

/** (max − min) / median of the wall times; 0 for fewer than 2. */
export function relativeSpread(walls: readonly number[]): number {
  if (walls.length < 2) return 0;
  const m = median(walls);
  return m > 0 ? (Math.max(...walls) - Math.min(...walls)) / m : Number.POSITIVE_INFINITY;
}

/**
 * Whether one point needs another repetition.
 *
 * - `predicted`: every run is pure waiting (CPU bound ≤ `waitShare` of the
 *   wait roof) and within `predictionTolerance` of the model's wait roof: the
 *   model predicted the point, and the measurement checked it.
 * - `tight`: at least `minRuns` runs and their spread is at most `tightSpread`.
 * - otherwise another run, up to `maxRuns`.
 *
 * @example
 * decideRepetition([{ wallMs: 1000, waitRoofMs: 990, cpuBoundMs: 20 }]); // { more: false, why: 'predicted' }
 */
export function decideRepetition(samples: readonly RepetitionSample[], rule: RepetitionRule = DEFAULT_REPETITION_RULE): RepetitionDecision {
  if (samples.length === 0) return { more: true, why: 'first' };
  if (samples.length >= rule.maxRuns) return { more: false, why: 'max-runs' };
  const predicted = samples.every(
    (s) => s.waitRoofMs > 0 && s.cpuBoundMs <= rule.waitShare * s.waitRoofMs && Math.abs(s.wallMs / s.waitRoofMs - 1) <= rule.predictionTolerance,
  );
  if (predicted) return { more: false, why: 'predicted' };
  if (samples.length < rule.minRuns) return { more: true, why: 'min-runs' };
  return relativeSpread(samples.map((s) => s.wallMs)) <= rule.tightSpread ? { more: false, why: 'tight' } : { more: true, why: 'noisy' };
}
