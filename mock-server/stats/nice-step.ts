/**
 * The one rule for round numbers on an axis or a histogram: the terminal
 * chart's ticks and `pokebench profile show`'s bins.
 */

/** The round step (1, 2 or 5 × 10^k) that cuts `span` into at most about `count` parts: for axis ticks and histogram bins. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count >= 1)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
  return factor * magnitude;
}
