/** Ordinary least squares for y = intercept + slope·x, and the R² of any line. */
import { checkXY } from './check-xy.ts';
import { mean } from './descriptive.ts';

/** A fitted line y = intercept + slope·x. */
export interface LineFit {
  slope: number;
  intercept: number;
  /** Coefficient of determination of this line on the data it was fitted to. */
  r2: number;
}

/**
 * Coefficient of determination 1 − SS_res / SS_tot of the line
 * y = intercept + slope·x. For a least-squares line it lies in [0, 1]; for
 * any other line (Theil–Sen) it can be negative, meaning worse than the mean.
 * When every y is equal, a line that hits them all scores 1, any other 0.
 */
export function rSquared(xs: readonly number[], ys: readonly number[], slope: number, intercept: number): number {
  const my = mean(ys);
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i] as number;
    ssRes += (y - (intercept + slope * (xs[i] as number))) ** 2;
    ssTot += (y - my) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/**
 * Least-squares line through (xs[i], ys[i]).
 *
 * @throws InvalidArgumentError when the lengths differ, a value is not finite,
 *   or xs has fewer than two distinct values.
 * @example leastSquares([0, 1, 2], [1, 3, 5]) // { slope: 2, intercept: 1, r2: 1 }
 */
export function leastSquares(xs: readonly number[], ys: readonly number[]): LineFit {
  checkXY('leastSquares', xs, ys);
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - mx;
    sxy += dx * ((ys[i] as number) - my);
    sxx += dx * dx;
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  return { slope, intercept, r2: rSquared(xs, ys, slope, intercept) };
}
