/**
 * The candidate families a latency sample is fitted to (lognormal,
 * exponential, Pareto, a two-lognormal mixture, empirical percentiles), each
 * with its estimator, and the small numeric helpers they share (log moments,
 * a bounded 1-D maximiser, rounding of fitted parameters).
 */
import type { Distribution } from '../../mock-server/profile/index.ts';
import { quantileSorted } from '../stats/index.ts';

// ── candidate ────────────────────────────────────────────────
// What fitting one candidate family to a sample gives back: a distribution
// in the mock's own profile format, or the reason the family does not apply
// (a tagged union, so one family that cannot fit never aborts the others).

/** The candidate families, in the order the report lists them. */
export const CANDIDATE_NAMES = ['lognormal', 'exponential', 'pareto', 'mixture', 'empirical'] as const;

/** One candidate family. `empirical` is the fallback, never a competitor (see `pickCandidate`). */
export type CandidateName = (typeof CANDIDATE_NAMES)[number];

/** The outcome of fitting one family to a sorted sample. */
export type CandidateFit =
  | {
      status: 'fitted';
      /** The fitted distribution, parameters rounded as they will be written. */
      dist: Distribution;
      /** Free parameters the fit estimated (the near-tie rule prefers fewer). */
      parameters: number;
    }
  | {
      status: 'skipped';
      /** Why the family cannot describe this sample, e.g. `a sample is 0 ms (the log of 0 is undefined)`. */
      reason: string;
    };

/** Fits one family to an ascending sample of at least 2 values, all finite and ≥ 0. Pure. */
export type CandidateFitter = (sorted: readonly number[]) => CandidateFit;

// ── log-moments ──────────────────────────────────────────────
// The mean and (maximum-likelihood, divisor n) standard deviation of the
// logs of a sample: the sufficient statistics of a lognormal.

/** Mean and sd (divisor n) of ln x over `values`, all > 0. */
export function logMoments(values: readonly number[]): { mu: number; sigma: number } {
  let sum = 0;
  for (const x of values) sum += Math.log(x);
  const mu = sum / values.length;
  let squares = 0;
  for (const x of values) squares += (Math.log(x) - mu) ** 2;
  return { mu, sigma: Math.sqrt(squares / values.length) };
}

// ── round-parameter ──────────────────────────────────────────
// Rounding of fitted parameters before they are judged and written: a
// profile should read `"median": 90.12`, not `90.12345678901`, and the KS
// distance is then computed on exactly what the mock will sample.

/** Significant digits kept in every fitted parameter. */
export const PARAMETER_DIGITS = 4;

/**
 * `x` to {@link PARAMETER_DIGITS} significant digits (0 stays 0).
 *
 * @example roundParameter(90.123456) // 90.12
 */
export function roundParameter(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(PARAMETER_DIGITS));
}

// ── maximize ─────────────────────────────────────────────────
// A deterministic one-dimensional maximiser for the fitters' profile
// likelihoods: a coarse grid finds the best bracket (so a likelihood with
// several bumps does not trap it in a poor one), golden-section search
// refines inside it.

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

// ── fit-empirical ────────────────────────────────────────────
// The fallback candidate: `empirical { percentiles }` through the sample's
// own percentiles. It reproduces them by construction (up to 0.01 ms), at
// the price of inventing nothing beyond the largest sample and of many
// parameters, so it is only picked when no parametric family fits.

/** The percentiles the fallback keeps (0 and 100, the schema requires them, are the min and max). */
export const EMPIRICAL_PERCENTILES = [
  0, 0.1, 1, 2.5, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 100,
] as const;

/**
 * The sample's type-7 percentiles at {@link EMPIRICAL_PERCENTILES}, rounded
 * to 0.01 ms (the mock's delay resolution), keeping only those the sample
 * can resolve: p and 100 − p must each cover at least one sample
 * (n · min(p, 100 − p) / 100 ≥ 1), so p99.9 needs 1000 samples. Never skipped.
 *
 * @param sorted - ascending, finite, ≥ 0, at least 2 values.
 */
export function fitEmpirical(sorted: readonly number[]): CandidateFit {
  const n = sorted.length;
  // 1e-9: 100 − 99.9 is 0.0999…94 in floating point, and 1000 samples do resolve p99.9.
  const kept = EMPIRICAL_PERCENTILES.filter((p) => p === 0 || p === 100 || n * Math.min(p, 100 - p) >= 100 - 1e-9);
  const percentiles = Object.fromEntries(kept.map((p) => [String(p), Math.round(quantileSorted(sorted, p / 100) * 100) / 100]));
  return { status: 'fitted', dist: { type: 'empirical', percentiles }, parameters: kept.length };
}

// ── fit-exponential ──────────────────────────────────────────
// The shifted exponential candidate: `exponential { mean, shift }`.

/**
 * The unbiased version of the maximum-likelihood fit. The MLE is shift =
 * min, mean = x̄ − min; the minimum of n draws overshoots the true shift by
 * mean/n on average, so: mean = n/(n − 1) · (x̄ − min), shift = min − mean/n
 * (the UMVU estimators), with the shift floored at 0 (the schema's rule).
 * Skipped when all samples are equal.
 *
 * @param sorted - ascending, finite, ≥ 0, at least 2 values.
 * @example
 * fitExponential([10, 20, 30]) // { status: 'fitted', dist: { type: 'exponential', mean: 15, shift: 5 }, parameters: 2 }
 */
export function fitExponential(sorted: readonly number[]): CandidateFit {
  const n = sorted.length;
  const min = sorted[0] ?? 0;
  let sum = 0;
  for (const x of sorted) sum += x;
  const excess = sum / n - min;
  if (!(excess > 0)) return { status: 'skipped', reason: 'all samples are equal (the mean above the shift would be 0)' };
  const mean = (n / (n - 1)) * excess;
  const shift = Math.max(0, min - mean / n);
  return { status: 'fitted', dist: { type: 'exponential', mean: roundParameter(mean), shift: roundParameter(shift) }, parameters: 2 };
}

// ── fit-lognormal ────────────────────────────────────────────
// The lognormal candidate: the mock's `lognormal { median, sigma }`, which
// has no shift, so none is fitted.

/**
 * Maximum likelihood on the logs: μ = mean of ln x, σ = sd of ln x with
 * divisor n (the MLE, not Bessel's n − 1); median = e^μ. Skipped when a
 * sample is 0 (its log is undefined) or all samples are equal (σ = 0).
 *
 * @param sorted - ascending, finite, ≥ 0, at least 2 values.
 * @example
 * fitLognormal([50, 90, 160]) // { status: 'fitted', dist: { type: 'lognormal', median: 89.63, sigma: 0.4749 }, parameters: 2 }
 */
export function fitLognormal(sorted: readonly number[]): CandidateFit {
  if ((sorted[0] ?? 0) <= 0) return { status: 'skipped', reason: 'a sample is 0 ms, and a lognormal has no mass at 0 (log 0 is undefined)' };
  const { mu, sigma } = logMoments(sorted);
  if (!(sigma > 0)) return { status: 'skipped', reason: 'all samples are equal (sigma would be 0)' };
  return { status: 'fitted', dist: { type: 'lognormal', median: roundParameter(Math.exp(mu)), sigma: roundParameter(sigma) }, parameters: 2 };
}

// ── fit-pareto ───────────────────────────────────────────────
// The shifted Pareto candidate: `pareto { scale, alpha, shift }`.

// The scale is searched from this fraction of the smallest sample up to all of it.
const SCALE_FLOOR = 1e-4;

/**
 * The mock's Pareto starts at m = shift + scale, and above it
 * P(X > x) = (1 + (x − m)/scale)^(−alpha). Fitted by maximum likelihood:
 * - m = the smallest sample (the MLE of a support's lower end);
 * - for a given scale, alpha has the closed-form MLE
 *   alpha = n / Σ ln(1 + (xᵢ − m)/scale);
 * - scale maximises the profile log-likelihood
 *   n·ln alpha − n·ln scale − (alpha + 1)·Σ ln(1 + (xᵢ − m)/scale)
 *   over ln(scale) in [ln(1e-4 · m), ln m] (so shift = m − scale ≥ 0, the
 *   schema's rule), by {@link maximize}; the shift is then rounded to
 *   0.01 ms, the mock's delay resolution. The floor keeps the search off the
 *   likelihood's degenerate spike at scale → 0.
 * Skipped when the smallest sample is 0 (the support must start above 0)
 * or all samples are equal.
 *
 * @param sorted - ascending, finite, ≥ 0, at least 2 values.
 */
export function fitPareto(sorted: readonly number[]): CandidateFit {
  const n = sorted.length;
  const m = sorted[0] ?? 0;
  if (!(m > 0)) return { status: 'skipped', reason: 'a sample is 0 ms, and a Pareto starts at shift + scale > 0' };
  if (!((sorted[n - 1] ?? m) > m)) return { status: 'skipped', reason: 'all samples are equal (no tail to fit)' };
  const excess = sorted.map((x) => x - m);
  const alphaFor = (scale: number) => n / sumLog1p(excess, scale);
  const profile = (logScale: number) => {
    const scale = Math.exp(logScale);
    const s = sumLog1p(excess, scale);
    const alpha = n / s;
    return n * Math.log(alpha) - n * logScale - (alpha + 1) * s;
  };
  const scale = Math.exp(maximize(profile, Math.log(m * SCALE_FLOOR), Math.log(m)));
  const alpha = alphaFor(scale);
  const roundedScale = roundParameter(scale);
  return {
    status: 'fitted',
    dist: { type: 'pareto', scale: roundedScale, alpha: roundParameter(alpha), shift: Math.max(0, Math.round((m - roundedScale) * 100) / 100) },
    parameters: 3,
  };
}

function sumLog1p(excess: readonly number[], scale: number): number {
  let sum = 0;
  for (const y of excess) sum += Math.log1p(y / scale);
  return sum;
}

// ── fit-mixture ──────────────────────────────────────────────
// The two-component candidate: a mixture of two lognormals (a fast body and
// a slow mode or tail, like a cache hit/miss split), fitted by EM on the
// logs, where it is a two-component normal mixture.

/** Splits of the sorted logs that seed EM: below/above the p-quantile. */
const START_SPLITS = [0.5, 0.8, 0.95] as const;
const MAX_ITERATIONS = 100;
// Stop when an iteration gains less log-likelihood than this, per sample.
const TOLERANCE = 1e-7;
// A component's sigma never drops below this share of the logs' overall sd,
// so a component cannot collapse onto a few tied values (an unbounded likelihood).
const SIGMA_FLOOR_SHARE = 0.05;
const LOG_SQRT_2PI = 0.9189385332046727;

interface Component {
  weight: number;
  mu: number;
  sigma: number;
}

/**
 * EM for a two-component normal mixture on y = ln x, run from three
 * deterministic starts (split the sorted logs at their 50th, 80th and 95th
 * percentile; each side's share, mean and sd start a component), each until
 * the log-likelihood gains less than 1e-7·n per iteration or 100
 * iterations; the start with the highest final log-likelihood wins. Each
 * sigma is floored at 5% of the logs' overall sd. Components come out
 * fastest first, as `mixture { components: [{ weight, dist: lognormal }] }`.
 * Skipped when a sample is 0 or all samples are equal.
 *
 * @param sorted - ascending, finite, ≥ 0, at least 2 values.
 */
export function fitMixture(sorted: readonly number[]): CandidateFit {
  if ((sorted[0] ?? 0) <= 0) return { status: 'skipped', reason: 'a sample is 0 ms, and a lognormal has no mass at 0 (log 0 is undefined)' };
  const overall = logMoments(sorted);
  if (!(overall.sigma > 0)) return { status: 'skipped', reason: 'all samples are equal (nothing to split)' };
  const logs = Float64Array.from(sorted, Math.log);
  const floor = SIGMA_FLOOR_SHARE * overall.sigma;
  let best: { components: [Component, Component]; logLik: number } | undefined;
  for (const split of START_SPLITS) {
    const result = runEm(logs, start(logs, split, floor), floor);
    if (!best || result.logLik > best.logLik) best = result;
  }
  const components = (best?.components ?? []).toSorted((a, b) => a.mu - b.mu);
  return {
    status: 'fitted',
    dist: {
      type: 'mixture',
      components: components.map((c) => ({
        weight: roundParameter(c.weight),
        dist: { type: 'lognormal', median: roundParameter(Math.exp(c.mu)), sigma: roundParameter(c.sigma) },
      })),
    },
    parameters: 5,
  };
}

function start(logs: Float64Array, p: number, floor: number): [Component, Component] {
  const cut = Math.min(logs.length - 1, Math.max(1, Math.round(p * logs.length)));
  return [moments(logs.subarray(0, cut), logs.length, floor), moments(logs.subarray(cut), logs.length, floor)];
}

function moments(part: Float64Array, n: number, floor: number): Component {
  let sum = 0;
  for (const y of part) sum += y;
  const mu = sum / part.length;
  let squares = 0;
  for (const y of part) squares += (y - mu) ** 2;
  return { weight: part.length / n, mu, sigma: Math.max(floor, Math.sqrt(squares / part.length)) };
}

function runEm(logs: Float64Array, initial: [Component, Component], floor: number): { components: [Component, Component]; logLik: number } {
  const n = logs.length;
  const resp = new Float64Array(n);
  let [a, b] = initial;
  let previous = -Infinity;
  let logLik = -Infinity;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    // E step: responsibility of component a for each point, and the log-likelihood.
    const ca = Math.log(a.weight) - Math.log(a.sigma) - LOG_SQRT_2PI;
    const cb = Math.log(b.weight) - Math.log(b.sigma) - LOG_SQRT_2PI;
    logLik = 0;
    for (let i = 0; i < n; i++) {
      const y = logs[i] as number;
      const za = (y - a.mu) / a.sigma;
      const zb = (y - b.mu) / b.sigma;
      const la = ca - 0.5 * za * za;
      const lb = cb - 0.5 * zb * zb;
      // log(e^la + e^lb) and e^la / (e^la + e^lb), with one exp, from the larger term.
      if (la >= lb) {
        const e = Math.exp(lb - la);
        resp[i] = 1 / (1 + e);
        logLik += la + Math.log1p(e);
      } else {
        const e = Math.exp(la - lb);
        resp[i] = e / (1 + e);
        logLik += lb + Math.log1p(e);
      }
    }
    if (logLik - previous < TOLERANCE * n) break;
    previous = logLik;
    // M step: weighted share, mean and sd of each component.
    const nextA = weighted(logs, resp, false, floor);
    const nextB = weighted(logs, resp, true, floor);
    // One component took every point: keep the last pair that still had two.
    if (!(nextA.weight > 0 && nextB.weight > 0 && Number.isFinite(nextA.mu) && Number.isFinite(nextB.mu))) break;
    a = nextA;
    b = nextB;
  }
  return { components: [a, b], logLik };
}

function weighted(logs: Float64Array, resp: Float64Array, complement: boolean, floor: number): Component {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < logs.length; i++) {
    const w = complement ? 1 - (resp[i] as number) : (resp[i] as number);
    total += w;
    sum += w * (logs[i] as number);
  }
  const mu = sum / total;
  let squares = 0;
  for (let i = 0; i < logs.length; i++) {
    const w = complement ? 1 - (resp[i] as number) : (resp[i] as number);
    squares += w * ((logs[i] as number) - mu) ** 2;
  }
  return { weight: total / logs.length, mu, sigma: Math.max(floor, Math.sqrt(squares / total)) };
}
