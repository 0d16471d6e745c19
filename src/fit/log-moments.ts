/**
 * The mean and (maximum-likelihood, divisor n) standard deviation of the
 * logs of a sample: the sufficient statistics of a lognormal.
 */

/** Mean and sd (divisor n) of ln x over `values`, all > 0. */
export function logMoments(values: readonly number[]): { mu: number; sigma: number } {
  let sum = 0;
  for (const x of values) sum += Math.log(x);
  const mu = sum / values.length;
  let squares = 0;
  for (const x of values) squares += (Math.log(x) - mu) ** 2;
  return { mu, sigma: Math.sqrt(squares / values.length) };
}
