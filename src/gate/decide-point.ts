/**
 * The decision at one (strategy, N) point, from the ratio's interval.
 *
 * Rules, in order (t = threshold, [low, high] = the (1 − α) interval of
 * median(current) / median(baseline)):
 * 1. `too-few-runs` when either side has fewer than {@link MIN_RUNS} runs; no interval is computed.
 * 2. `regressed` when low > 1 + t: significantly slower, by more than the noise threshold.
 * 3. `improved` when high < 1 − t: significantly faster, by more than the noise threshold.
 * 4. `unchanged` when 1 − t ≤ low and high ≤ 1 + t: any change is within the noise threshold.
 * 5. `inconclusive` otherwise: the interval reaches past 1 ± t without clearing it;
 *    more runs would decide. Only rule 2 is a regression (exit 1); a point
 *    left by rule 1 or 5 is undecided, which makes the whole comparison
 *    `inconclusive` (exit 3) unless the caller allows it: it could not have
 *    seen a regression there.
 *
 * Why noise is not a regression: rule 2 needs the whole interval above 1 + t,
 * so a same-build comparison trips it only when every plausible ratio of
 * medians is more than t off. Under ±8% uniform noise per run and t = 10% that
 * happens at about 1.5 points in a million at 5 runs (exact-bootstrap estimate;
 * the tests check 0 false alarms over many seeds). At 3 runs the interval is
 * [min(current) / max(baseline), max(current) / min(baseline)], so a regression
 * needs every current run above 1.1 × every baseline run: about 2 points in
 * 10 000 under the same noise, which is why 5 runs are recommended and a
 * failing gate is confirmed by a rerun. Why a 2× slowdown always is: the
 * interval never goes below min(current) / max(baseline) (see `medianRatio`),
 * which for a 2× slowdown under per-run noise of ±e is at least
 * 2(1 − e) / (1 + e), above 1.1 for any e < 29%, whatever the run count (≥ 3)
 * and the seed.
 */
import type { Interval } from '../stats/index.ts';

/** Fewer runs than this on either side and a point is not decided. */
export const MIN_RUNS = 3;

/** What the gate concluded at one point: `regressed` fails the gate, `inconclusive` and `too-few-runs` leave it undecided. */
export type PointDecision = 'regressed' | 'improved' | 'unchanged' | 'inconclusive' | 'too-few-runs';

/**
 * Classify an interval of the ratio current / baseline against the noise
 * threshold (rules 2–5 above; the caller handles `too-few-runs`).
 *
 * @example decideRatio({ low: 1.7, high: 2.3 }, 0.1) // 'regressed'
 */
export function decideRatio(interval: Interval, threshold: number): Exclude<PointDecision, 'too-few-runs'> {
  const { low, high } = interval;
  if (low > 1 + threshold) return 'regressed';
  if (high < 1 - threshold) return 'improved';
  if (low >= 1 - threshold && high <= 1 + threshold) return 'unchanged';
  return 'inconclusive';
}

/**
 * A point the comparison could not decide (`inconclusive` or `too-few-runs`):
 * it could neither see nor rule out a regression there.
 *
 * @example isUndecided({ decision: 'too-few-runs' }) // true
 */
export function isUndecided(row: { decision: PointDecision }): boolean {
  return row.decision === 'inconclusive' || row.decision === 'too-few-runs';
}
