/**
 * A deterministic one-dimensional maximiser for the fitters' profile
 * likelihoods: a coarse grid finds the best bracket (so a likelihood with
 * several bumps does not trap it in a poor one), golden-section search
 * refines inside it.
 */

/** Options of {@link maximize}. */
export interface MaximizeOptions {
  /** Evenly spaced grid points, ends included. @defaultValue `48` */
  gridPoints?: number | undefined;
  /** Golden-section steps inside the best grid bracket. @defaultValue `40` */
  refineSteps?: number | undefined;
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/**
 * The t in [lo, hi] that maximises `f` (as found: grid, then golden section
 * between the best grid point's neighbours). NaN values of `f` count as
 * −∞. Pure and deterministic; `f` is called gridPoints + refineSteps + 3 times.
 *
 * @example maximize((t) => -((t - 2) ** 2), 0, 5) // ≈ 2
 */
export function maximize(f: (t: number) => number, lo: number, hi: number, options: MaximizeOptions = {}): number {
  const points = Math.max(2, options.gridPoints ?? 48);
  const steps = options.refineSteps ?? 40;
  const score = (t: number) => {
    const value = f(t);
    return Number.isNaN(value) ? -Infinity : value;
  };
  const step = (hi - lo) / (points - 1);
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < points; i++) {
    const value = score(lo + i * step);
    if (value > bestValue) {
      best = i;
      bestValue = value;
    }
  }
  let a = lo + Math.max(0, best - 1) * step;
  let b = lo + Math.min(points - 1, best + 1) * step;
  let c = b - INV_PHI * (b - a);
  let d = a + INV_PHI * (b - a);
  let fc = score(c);
  let fd = score(d);
  for (let i = 0; i < steps; i++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INV_PHI * (b - a);
      fc = score(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INV_PHI * (b - a);
      fd = score(d);
    }
  }
  const refined = (a + b) / 2;
  // The grid point itself may beat the refined one (a flat or edge maximum).
  return score(refined) >= bestValue ? refined : lo + best * step;
}
