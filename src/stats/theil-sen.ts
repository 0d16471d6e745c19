/**
 * Theil–Sen line: the slope is the median of the slopes of all pairs of
 * points, the intercept (Sen's) the median of y − slope·x. A single wild point
 * moves it little (breakdown point ~29%), where it drags least squares.
 */
import { checkXY } from './check-xy.ts';
import { median } from './descriptive.ts';
import { rSquared, type LineFit } from './least-squares.ts';

/**
 * Theil–Sen fit of y = intercept + slope·x. Pairs with equal x are skipped.
 * `r2` is that line's coefficient of determination (may be negative).
 *
 * @throws InvalidArgumentError when the lengths differ, a value is not finite,
 *   or xs has fewer than two distinct values.
 * @example theilSen([1, 2, 3, 4], [2, 4, 6, 100]).slope // 2
 */
export function theilSen(xs: readonly number[], ys: readonly number[]): LineFit {
  checkXY('theilSen', xs, ys);
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const dx = (xs[j] as number) - (xs[i] as number);
      if (dx !== 0) slopes.push(((ys[j] as number) - (ys[i] as number)) / dx);
    }
  }
  const slope = median(slopes);
  const intercept = median(ys.map((y, i) => y - slope * (xs[i] as number)));
  return { slope, intercept, r2: rSquared(xs, ys, slope, intercept) };
}
