/**
 * Which textbook class a curve T(N) follows, Google Benchmark `Complexity()`
 * style: fit T = a + b·f(N) for each class by least squares and compare. It
 * gives a name to a shape; the verdict of {@link analyzeScaling} (with an
 * interval) is what tests assert.
 */
import { leastSquares, mean } from '../stats/index.ts';
import { InvalidArgumentError } from '../../mock-server/errors/index.ts';
import { COMPLEXITY_MIN_R2, COMPLEXITY_RMS_FLOOR, MIN_COMPLEXITY_POINTS } from './thresholds.ts';

/** The classes tried, simplest first. */
export type ComplexityClass = 'O(1)' | 'O(log N)' | 'O(N)' | 'O(N log N)' | 'O(N^2)';

/** Each class with its f(N), simplest first (that order breaks ties). */
export const COMPLEXITY_CLASSES: readonly { name: ComplexityClass; f: (n: number) => number }[] = [
  { name: 'O(1)', f: () => 1 },
  { name: 'O(log N)', f: (n) => Math.log(n) },
  { name: 'O(N)', f: (n) => n },
  { name: 'O(N log N)', f: (n) => n * Math.log(n) },
  { name: 'O(N^2)', f: (n) => n * n },
];

/** One class's fit T = a + b·f(N). */
export interface ComplexityFit {
  name: ComplexityClass;
  a: number;
  /** ≥ 0: a class whose best coefficient is negative falls back to b = 0. */
  b: number;
  /** Root mean square of the residuals, in T's unit. */
  rms: number;
  /** Share of the variance around the mean this fit explains (0 for O(1)). */
  r2: number;
}

/** The best class and every class's fit, in {@link COMPLEXITY_CLASSES} order. */
export interface ComplexityResult {
  best: ComplexityClass;
  fits: ComplexityFit[];
}

/**
 * Classify T(N) among O(1), O(log N), O(N), O(N log N), O(N²).
 *
 * Unlike Google Benchmark (no intercept), each fit has an intercept for setup
 * cost. Every class then nests O(1) and always fits at least as well, so a
 * growth class wins only when it explains {@link COMPLEXITY_MIN_R2} of the
 * variance; among those, the lowest RMS wins, as in Google Benchmark. Fits
 * within {@link COMPLEXITY_RMS_FLOOR} of max |T| of each other tie, and the
 * simpler class wins.
 *
 * @throws InvalidArgumentError for unequal lengths, non-finite values, N ≤ 0,
 *   or fewer than {@link MIN_COMPLEXITY_POINTS} distinct N.
 * @example classifyComplexity([1, 2, 4, 8], [5, 7, 11, 19]).best // 'O(N)'
 */
export function classifyComplexity(ns: readonly number[], times: readonly number[]): ComplexityResult {
  check(ns, times);
  const floor = COMPLEXITY_RMS_FLOOR * (Math.max(...times.map(Math.abs)) || 1);
  const flat = mean(times);
  const rms0 = rmsOf(ns, times, flat, 0, () => 1);
  const fits = COMPLEXITY_CLASSES.map(({ name, f }): ComplexityFit => {
    let a = flat;
    let b = 0;
    if (name !== 'O(1)') {
      const line = leastSquares(ns.map(f), times);
      // Time does not shrink as N grows: a negative b means this class does
      // not describe the data, so it is fitted as its b = 0 member.
      if (line.slope > 0) ({ intercept: a, slope: b } = line);
    }
    const rms = rmsOf(ns, times, a, b, f);
    return { name, a, b, rms, r2: rms0 <= floor ? 0 : 1 - (rms / rms0) ** 2 };
  });
  let best = fits[0] as ComplexityFit;
  for (const fit of fits.slice(1)) {
    if (fit.r2 >= COMPLEXITY_MIN_R2 && (best.name === 'O(1)' || fit.rms < best.rms - floor)) best = fit;
  }
  return { best: best.name, fits };
}

function rmsOf(ns: readonly number[], times: readonly number[], a: number, b: number, f: (n: number) => number): number {
  const rss = times.reduce((sum, t, i) => sum + (t - (a + b * f(ns[i] as number))) ** 2, 0);
  return Math.sqrt(rss / times.length);
}

function check(ns: readonly number[], times: readonly number[]): void {
  if (ns.length !== times.length) {
    throw new InvalidArgumentError('times', `classifyComplexity: ns and times must have the same length, got ${ns.length} and ${times.length}.`);
  }
  const badN = ns.findIndex((n) => !(Number.isFinite(n) && n > 0));
  if (badN !== -1) throw new InvalidArgumentError('ns', `classifyComplexity: ns[${badN}] must be a finite number > 0, got ${ns[badN]}.`);
  const badT = times.findIndex((t) => !Number.isFinite(t));
  if (badT !== -1) throw new InvalidArgumentError('times', `classifyComplexity: times[${badT}] must be finite, got ${times[badT]}.`);
  if (new Set(ns).size < MIN_COMPLEXITY_POINTS) {
    throw new InvalidArgumentError('ns', `classifyComplexity: needs at least ${MIN_COMPLEXITY_POINTS} distinct N, got ${new Set(ns).size}.`);
  }
}
