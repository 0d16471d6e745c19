/** The scaling verdict from a slope's confidence interval (docs/design.md "How tests assert scaling"). */
import { verdictLabel } from '../results/index.ts';
import type { Interval } from '../stats/index.ts';
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
      /** `partial(1/k)`, from {@link verdictLabel}. */
      label: string;
      /** The pool size the interval is consistent with. */
      k: number;
      /** True when k was estimated as round(1/s), not given by the caller. */
      kEstimated: boolean;
      reason: string;
    }
  | { kind: 'inconclusive'; label: 'inconclusive'; reason: string }
  /** Some point lost requests to the machine: its times say nothing about the client, so no class is given. */
  | { kind: 'invalid'; label: 'invalid'; reason: string };

/** One N of a sweep, with the cause when its runs lost requests the profile did not ask to lose. */
export interface PointCause {
  n: number;
  /** Set when the point is invalid: why, in plain words with the fix. */
  invalid?: string | undefined;
}

/**
 * The `invalid` verdict when any point is invalid (its cause, per N), else
 * undefined. Checked before any fit: a verdict over runs that lost requests
 * to the machine would describe the machine.
 *
 * @example invalidVerdict([{ n: 20000, invalid: '36266 of 60000 requests were lost…' }])?.label // 'invalid'
 */
export function invalidVerdict(points: readonly PointCause[]): Extract<ScalingVerdict, { kind: 'invalid' }> | undefined {
  const bad = points.filter((p) => p.invalid !== undefined);
  if (bad.length === 0) return undefined;
  return { kind: 'invalid', label: 'invalid', reason: bad.map((p) => `N = ${p.n}: ${p.invalid}`).join(' ') };
}

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
      label: verdictLabel({ class: 'partial', k: pool }),
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
