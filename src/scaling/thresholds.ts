/**
 * Every threshold of the scaling verdicts and the complexity classifier, in
 * one place (docs/design.md "How tests assert scaling"). Slopes are normalised by
 * the mean applied latency: s = b / L̄, so 1 is "one request at a time", 0 is
 * "N does not matter", 1/k is "a pool of k".
 */

/** `flat` when the slope interval's top is below this (and its bottom above {@link FLAT_MIN_SLOPE}). */
export const FLAT_MAX_SLOPE = 0.15;

/**
 * `flat` also needs the interval's bottom above this. docs/design.md only bounds
 * the top, but an interval like [-2.9, -1.0] (time *shrinking* by a latency
 * per request, seen on pure noise with 3 repetitions) is not flat: it is a
 * broken or cold-start-skewed measurement, so it reads `inconclusive`.
 */
export const FLAT_MIN_SLOPE = -FLAT_MAX_SLOPE;

/** `linear` when the slope interval's bottom is above this. */
export const LINEAR_MIN_SLOPE = 0.85;

/**
 * `partial(1/k)` needs an interval that rules out both "no growth" (this
 * slope) and "one at a time" ({@link SERIAL_SLOPE}): without it, an interval
 * as wide as [-1, 2] would "contain 1/4" and name a pool from pure noise.
 */
export const NO_GROWTH_SLOPE = 0;

/** The slope of one request at a time; see {@link NO_GROWTH_SLOPE}. */
export const SERIAL_SLOPE = 1;

/**
 * `partial(1/k)` accepts an interval that overlaps 1/k ± this fraction of
 * 1/k, not only one that contains 1/k exactly. A 95% interval misses the true
 * slope about 1 time in 20 (measured here: 15 of 400 synthetic pools of 4 at
 * 3% noise), so an exact-point rule would false-alarm in a run of 20
 * verdicts more often than not. ±10% still tells neighbours apart up to k = 5
 * (1/5·1.1 < 1/4·0.9); set 0 for the strict rule of docs/design.md.
 */
export const PARTIAL_MARGIN = 0.1;

/** Two-sided confidence of the bootstrap interval of the slope. */
export const CONFIDENCE = 0.95;

/** Bootstrap resamples (of repetitions within each N). */
export const BOOTSTRAP_RESAMPLES = 1000;

/** Seed of the bootstrap PRNG when the caller gives none, so verdicts replay. */
export const DEFAULT_SEED = 0x5eed;

/** Fewest distinct N for any verdict but `inconclusive`: two points fit any line. */
export const MIN_DISTINCT_N = 3;

/**
 * Fewest repetitions at every N for any verdict but `inconclusive`: with one
 * or two, resampling cannot see the noise and the interval is falsely narrow.
 */
export const MIN_REPETITIONS = 3;

/** Fewest distinct N `classifyComplexity` accepts: two points fit every class exactly. */
export const MIN_COMPLEXITY_POINTS = 3;

/**
 * A growth class must explain at least this share of the variance around the
 * mean (R² of T = a + b·f(N)) to beat O(1). Every class nests O(1), so on
 * flat noise one of them always fits "better"; with 6 to 11 points, pure
 * noise reaches R² ≥ 0.9 well under 1% of the time, real growth with a few
 * percent of noise scores above 0.99.
 */
export const COMPLEXITY_MIN_R2 = 0.9;

/**
 * RMS below this fraction of the largest |T| counts as an exact fit in the
 * complexity classifier, so exact fits tie and the simpler class wins rather
 * than whichever rounding error is smallest.
 */
export const COMPLEXITY_RMS_FLOOR = 1e-9;
