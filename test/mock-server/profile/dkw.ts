/**
 * The Dvoretzky–Kiefer–Wolfowitz bound (Massart's constant), the tolerance of
 * the profile tests' distribution checks: with n i.i.d. draws from F,
 * P(sup_x |F_n(x) − F(x)| > ε) ≤ 2·exp(−2nε²). Solving for a false-alarm
 * probability α gives ε = sqrt(ln(2/α) / (2n)).
 */

/** The ε that a sample of `n` exceeds with probability at most `alpha`. */
export function dkwEpsilon(n: number, alpha: number): number {
  return Math.sqrt(Math.log(2 / alpha) / (2 * n));
}

/**
 * The nearest-rank empirical p-quantile of sorted draws: the ⌈p·n⌉-th
 * smallest, the inverse of the empirical CDF.
 */
export function empiricalQuantile(sorted: ArrayLike<number>, p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Probabilities the checks look at. */
export const PROBABILITIES = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99] as const;
