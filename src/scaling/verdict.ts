/** The scaling verdict from a slope's confidence interval (docs/design.md "How tests assert scaling"). */
import type { Interval } from '../stats/bootstrap.ts';
import {
  FLAT_MAX_SLOPE,
  FLAT_MIN_SLOPE,
  LINEAR_MIN_SLOPE,
  NO_GROWTH_SLOPE,
  PARTIAL_MARGIN,
  SERIAL_SLOPE,
} from './thresholds.ts';

/**
 * How total time grows with N, as a tagged union on `kind`. `label` is the
 * short form for reports (`partial(1/4)`), `reason` says which rule fired.
 */
export type ScalingVerdict =
  | { kind: 'flat'; label: 'flat'; reason: string }
  | { kind: 'linear'; label: 'linear'; reason: string }
  | {
      kind: 'partial';
      label: `partial(1/${number})`;
      /** The pool size the interval is consistent with. */
      k: number;
      /** True when k was estimated as round(1/s), not given by the caller. */
      kEstimated: boolean;
      reason: string;
    }
  | { kind: 'inconclusive'; label: 'inconclusive'; reason: string };

/** What {@link decideVerdict} needs. */
export interface VerdictInput {
  /** Point estimate of the normalised slope s = b / L̄. */
  slope: number;
  /** Its confidence interval. */
  interval: Interval;
  /** Known pool size, if the strategy has one. */
  k?: number | undefined;
}

/**
 * Apply the rules in order: `flat` if the interval lies in (−0.15, 0.15)
 * (docs/design.md bounds only the top; see {@link FLAT_MIN_SLOPE}); `linear` if
 * its bottom > 0.85; `partial(1/k)` if it overlaps 1/k ± {@link PARTIAL_MARGIN}
 * (k given, or else round(1/s) ≥ 2) while excluding both 0 and 1; otherwise
 * `inconclusive`.
 * Flat is tested first, so a pool with 1/k below 0.15 (k ≥ 7) whose interval
 * also sits below 0.15 is reported flat: at that N range the data cannot tell
 * it from concurrent.
 */
export function decideVerdict({ slope, interval, k }: VerdictInput): ScalingVerdict {
  const { low, high } = interval;
  const range = `[${fmt(low)}, ${fmt(high)}]`;
  if (high < FLAT_MAX_SLOPE && low > FLAT_MIN_SLOPE) {
    return { kind: 'flat', label: 'flat', reason: `slope interval ${range} lies within (${FLAT_MIN_SLOPE}, ${FLAT_MAX_SLOPE})` };
  }
  if (low > LINEAR_MIN_SLOPE) {
    return { kind: 'linear', label: 'linear', reason: `slope interval ${range} lies above ${LINEAR_MIN_SLOPE}` };
  }
  const kEstimated = k === undefined;
  const pool = k ?? (slope > 0 ? Math.round(1 / slope) : Number.NaN);
  const excludesEnds = low > NO_GROWTH_SLOPE && high < SERIAL_SLOPE;
  const target = 1 / pool;
  const overlaps = low <= target * (1 + PARTIAL_MARGIN) && high >= target * (1 - PARTIAL_MARGIN);
  if (pool >= (kEstimated ? 2 : 1) && excludesEnds && overlaps) {
    return {
      kind: 'partial',
      label: `partial(1/${pool})`,
      k: pool,
      kEstimated,
      reason: `slope interval ${range} overlaps 1/${pool} ± ${PARTIAL_MARGIN * 100}%${kEstimated ? ' (k estimated as round(1/s))' : ''} and excludes ${NO_GROWTH_SLOPE} and ${SERIAL_SLOPE}`,
    };
  }
  let why: string;
  if (high < FLAT_MAX_SLOPE) why = `it reaches below ${FLAT_MIN_SLOPE}: time shrinking as N grows means a skewed measurement`;
  else if (Number.isNaN(pool)) why = 'no pool size fits a non-positive slope';
  else if (pool < 2) why = `round(1/s) = ${pool} is no pool`;
  else if (!excludesEnds) why = `it does not exclude both ${NO_GROWTH_SLOPE} and ${SERIAL_SLOPE}`;
  else why = `it does not overlap 1/${pool} ± ${PARTIAL_MARGIN * 100}%`;
  return { kind: 'inconclusive', label: 'inconclusive', reason: `slope interval ${range} is neither flat nor linear, and ${why}` };
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : String(x);
}
