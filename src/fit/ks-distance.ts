/**
 * The Kolmogorov–Smirnov distance between a sample and a distribution: the
 * largest vertical gap between the sample's empirical CDF and the CDF.
 */

/** A CDF: P(X ≤ x), non-decreasing and right-continuous. */
export type CdfFunction = (x: number) => number;

const scratch = new Float64Array(1);
const bits = new BigInt64Array(scratch.buffer);

/** The largest double below `x` (for a finite x), so `cdf(nextDown(x))` is the left limit F(x−) of a right-continuous CDF. */
export function nextDown(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  scratch[0] = x;
  bits[0] = (bits[0] ?? 0n) + (x > 0 ? -1n : 1n);
  return scratch[0];
}

/**
 * D = sup_x |Fₙ(x) − F(x)|, exact for any right-continuous F (atoms
 * included): between two distinct sample values Fₙ is flat and F is
 * monotone, so the supremum is reached at a sample value v (against Fₙ(v))
 * or just below it (F(v−) against Fₙ just below v). F(v−) is taken as
 * F at the double just below v.
 *
 * @param sorted - the sample, ascending; not checked, sort it first.
 * @param cdf - the distribution's CDF.
 * @returns D in [0, 1]; 0 for an empty sample, 1 when `cdf` gives NaN.
 * @example
 * ksDistance([1, 2, 3], (x) => Math.min(1, Math.max(0, x / 4))) // 0.25
 */
export function ksDistance(sorted: readonly number[], cdf: CdfFunction): number {
  const n = sorted.length;
  let worst = 0;
  let below = 0;
  for (let i = 0; i < n; ) {
    const v = sorted[i] as number;
    let j = i + 1;
    while (j < n && sorted[j] === v) j++;
    const at = j / n;
    const left = cdf(nextDown(v));
    const right = cdf(v);
    // A CDF that cannot be evaluated here is as far from the sample as it gets.
    if (Number.isNaN(left) || Number.isNaN(right)) return 1;
    worst = Math.max(worst, Math.abs(clamp01(left) - below), Math.abs(clamp01(right) - at));
    below = at;
    i = j;
  }
  return worst;
}

// A CDF computed in floating point can stray a hair outside [0, 1]; D must not.
function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
