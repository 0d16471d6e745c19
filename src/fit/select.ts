/**
 * Choosing the profile: every candidate is scored with the mock's own CDF
 * (KS distance and percentile errors), the simplest one that fits is picked,
 * and the fitted profile is built. `fitSamples` is the entry; its options are
 * resolved here too.
 */
import { InvalidOptionError, InternalError, TooFewSamplesError } from '../../mock-server/errors/index.ts';
import { cdf, quantile, type Distribution, parseProfile, type Profile } from '../../mock-server/profile/index.ts';
import { quantileSorted, InvalidArgumentError } from '../stats/index.ts';
import { type CandidateFitter, type CandidateName, fitEmpirical, fitExponential, fitLognormal, fitMixture, fitPareto } from './families.ts';
import { MIN_SAMPLES } from './samples.ts';

// ── fit-options ──────────────────────────────────────────────
// Options of `fitSamples`: a documented interface, one function that fills defaults and checks them.

/** Options of `fitSamples`. */
export interface FitOptions {
  /** Where the samples came from (a file path), named in the profile's description and errors. @defaultValue `'samples'` */
  source?: string | undefined;
  /** What in the source was read, e.g. `column "latency_ms"` or `timings.wait`. @defaultValue none */
  what?: string | undefined;
  /** The fitted profile's `name`. @defaultValue `'fitted'` */
  name?: string | undefined;
  /**
   * KS distances within this much of the smallest count as tied, and the
   * tied candidate with the fewest parameters wins. @defaultValue `1 / √n`,
   * the scale of the KS distance's own sampling noise
   */
  tieMargin?: number | undefined;
  /**
   * The practical bound of the empirical fallback: it is picked when the
   * best parametric candidate's KS distance is above both this and the
   * sampling-noise bound (see {@link fallbackKs}). `1` never falls back.
   * @defaultValue `0.05`
   */
  maxKs?: number | undefined;
  /** The profile's `clamp.max` is this times the largest sample, rounded up to a whole ms. @defaultValue `2` */
  capFactor?: number | undefined;
}

/** {@link FitOptions} with every default filled; `tieMargin` depends on the sample size. */
export interface ResolvedFitOptions {
  source: string;
  what: string | undefined;
  name: string;
  tieMargin: number;
  maxKs: number;
  /** max(maxKs, the 99% DKW bound for n samples): the KS distance above which the fit falls back to empirical. */
  fallbackKs: number;
  capFactor: number;
}

/** The false-alarm rate of the sampling-noise bound in {@link fallbackKs}. */
export const FALLBACK_ALPHA = 0.01;

/**
 * The KS distance above which a fit falls back to the empirical
 * percentiles: the larger of `maxKs` and the Dvoretzky–Kiefer–Wolfowitz
 * bound sqrt(ln(2/α) / (2n)) at α = 0.01, the distance that sampling noise
 * alone exceeds with probability at most 1% when the family is right (its
 * parameters known; with fitted parameters the real distance is smaller, so
 * the bound is lenient). So 40 samples of a true lognormal never fall back
 * (bound 0.26), while 100 000 samples fall back at 0.05.
 *
 * @example fallbackKs(0.05, 40) // 0.2573...
 */
export function fallbackKs(maxKs: number, n: number): number {
  return Math.max(maxKs, Math.sqrt(Math.log(2 / FALLBACK_ALPHA) / (2 * n)));
}

/**
 * Fills the defaults of {@link FitOptions} for a sample of `n` values and checks them.
 *
 * @throws {InvalidOptionError} naming the option, e.g. `options.maxKs must be in [0, 1], got 2.`
 */
export function resolveFitOptions(options: FitOptions, n: number): ResolvedFitOptions {
  const resolved = {
    source: options.source ?? 'samples',
    what: options.what,
    name: options.name ?? 'fitted',
    tieMargin: options.tieMargin ?? 1 / Math.sqrt(n),
    maxKs: options.maxKs ?? 0.05,
    capFactor: options.capFactor ?? 2,
  };
  checkRange('options.tieMargin', resolved.tieMargin, 0, 1);
  checkRange('options.maxKs', resolved.maxKs, 0, 1);
  checkRange('options.capFactor', resolved.capFactor, 1, 1000);
  if (resolved.name.trim() === '') throw new InvalidOptionError('options.name', 'fitSamples: options.name must not be empty.');
  return { ...resolved, fallbackKs: fallbackKs(resolved.maxKs, n) };
}

function checkRange(option: string, value: number, min: number, max: number): void {
  if (!(value >= min && value <= max)) {
    throw new InvalidOptionError(option, `fitSamples: ${option} must be in [${min}, ${max}], got ${String(value)}.`);
  }
}

// ── ks-distance ──────────────────────────────────────────────
// The Kolmogorov–Smirnov distance between a sample and a distribution: the
// largest vertical gap between the sample's empirical CDF and the CDF.

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
 * @param cdfOf - the distribution's CDF.
 * @returns D in [0, 1]; 0 for an empty sample, 1 when `cdfOf` gives NaN.
 * @example
 * ksDistance([1, 2, 3], (x) => Math.min(1, Math.max(0, x / 4))) // 0.25
 */
export function ksDistance(sorted: readonly number[], cdfOf: CdfFunction): number {
  const n = sorted.length;
  let worst = 0;
  let below = 0;
  for (let i = 0; i < n; ) {
    const v = sorted[i] as number;
    let j = i + 1;
    while (j < n && sorted[j] === v) j++;
    const at = j / n;
    const left = cdfOf(nextDown(v));
    const right = cdfOf(v);
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

// ── observed-summary ─────────────────────────────────────────
// What the report shows of the sample itself: its size, percentiles, mean and range.

/** The percentiles every report compares, with their labels. */
export const REPORTED_PERCENTILES: readonly { label: string; p: number }[] = [
  { label: 'p50', p: 0.5 },
  { label: 'p90', p: 0.9 },
  { label: 'p99', p: 0.99 },
  { label: 'p99.9', p: 0.999 },
];

/** A sample's shape in ms. */
export interface ObservedSummary {
  n: number;
  min: number;
  max: number;
  mean: number;
  /** Type-7 percentiles by label (`p50`...), at {@link REPORTED_PERCENTILES}. */
  percentiles: Record<string, number>;
}

/**
 * Summarises an ascending sample (type-7 percentiles, as `src/stats`).
 *
 * @param sorted - ascending, at least 1 value.
 */
export function summarizeObserved(sorted: readonly number[]): ObservedSummary {
  let sum = 0;
  for (const x of sorted) sum += x;
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sum / sorted.length,
    percentiles: Object.fromEntries(REPORTED_PERCENTILES.map(({ label, p }) => [label, quantileSorted(sorted, p)])),
  };
}

// ── evaluate-candidate ───────────────────────────────────────
// Judges one fitted candidate against the sample with the mock's own
// `cdf` and `quantile` (so the fit is judged by what the mock will sample,
// clamp included): its KS distance and its p50/p90/p99/p99.9 beside the
// observed ones.

/** One percentile of the sample beside the candidate's theoretical one. */
export interface QuantileCheck {
  /** `p50`, `p90`, `p99` or `p99.9`. */
  label: string;
  /** The probability, e.g. 0.99. */
  p: number;
  /** The sample's type-7 percentile, ms. */
  observed: number;
  /** The candidate's quantile under the clamp, ms. */
  theory: number;
  /** (theory − observed) / observed; null when observed is 0 and theory is not. */
  relativeError: number | null;
}

/** A candidate's distance from the sample. */
export interface CandidateScore {
  /** The KS distance D = sup |Fₙ − F|, F the clamped CDF. */
  ks: number;
  /** At {@link REPORTED_PERCENTILES}. */
  quantiles: QuantileCheck[];
}

/**
 * Scores `dist` under `clamp.max = cap`: the clamp moves the mass above
 * `cap` onto `cap`, so F(x) = 1 from `cap` on and every quantile is at most `cap`.
 *
 * @param sorted - the sample, ascending.
 */
export function evaluateCandidate(sorted: readonly number[], observed: ObservedSummary, dist: Distribution, cap: number): CandidateScore {
  const ks = ksDistance(sorted, (x) => (x >= cap ? 1 : cdf(dist, x)));
  const quantiles = REPORTED_PERCENTILES.map(({ label, p }): QuantileCheck => {
    const seen = observed.percentiles[label] ?? Number.NaN;
    const theory = Math.min(quantile(dist, p), cap);
    return { label, p, observed: seen, theory, relativeError: relativeError(theory, seen) };
  });
  return { ks, quantiles };
}

function relativeError(theory: number, observed: number): number | null {
  if (observed === 0) return theory === 0 ? 0 : null;
  return (theory - observed) / observed;
}

// ── pick-candidate ───────────────────────────────────────────
// The criterion: which fitted candidate the profile uses. Stated once here,
// and printed with every report.

/** What the criterion looks at in a fitted candidate. */
export interface ScoredCandidate {
  name: CandidateName;
  parameters: number;
  /** KS distance from the sample. */
  ks: number;
}

/** The pick and why, in words fit for the report. */
export interface CandidatePick {
  name: CandidateName;
  reason: string;
}

/**
 * Picks by KS distance D, with a mild preference for fewer parameters and
 * the empirical percentiles as a fallback:
 * 1. among the parametric candidates (all but `empirical`), find the
 *    smallest D, D*;
 * 2. those with D ≤ D* + tieMargin are tied; the tied one with the fewest
 *    parameters wins (then the smaller D, then the earlier in the list);
 * 3. if the winner's D is above fallbackKs, or no parametric candidate was
 *    fitted, pick `empirical` (when given), which reproduces the observed
 *    percentiles but nothing beyond the largest sample.
 *
 * @throws {InvalidArgumentError} when `candidates` is empty.
 */
export function pickCandidate(candidates: readonly ScoredCandidate[], options: { tieMargin: number; fallbackKs: number }): CandidatePick {
  if (candidates.length === 0) throw new InvalidArgumentError('candidates', 'pickCandidate: candidates must not be empty.');
  const empirical = candidates.find((c) => c.name === 'empirical');
  const parametric = candidates.filter((c) => c.name !== 'empirical');
  if (parametric.length === 0) {
    return { name: (empirical ?? candidates[0] ?? { name: 'empirical' }).name, reason: 'no parametric candidate could be fitted' };
  }
  const best = parametric.reduce((a, b) => (b.ks < a.ks ? b : a));
  const tied = parametric.filter((c) => c.ks <= best.ks + options.tieMargin);
  const winner = tied.reduce((a, b) => (b.parameters < a.parameters || (b.parameters === a.parameters && b.ks < a.ks) ? b : a));
  if (winner.ks > options.fallbackKs && empirical) {
    return {
      name: empirical.name,
      reason: `no parametric candidate within D <= ${fmt(options.fallbackKs)} (best: ${best.name}, D = ${fmt(best.ks)}); it reproduces the observed percentiles, and nothing beyond the largest sample`,
    };
  }
  if (winner === best) return { name: winner.name, reason: `smallest D = ${fmt(winner.ks)}` };
  return {
    name: winner.name,
    reason: `D = ${fmt(winner.ks)}, within ${fmt(options.tieMargin)} of the smallest (${best.name}, D = ${fmt(best.ks)}), with fewer parameters (${winner.parameters} vs ${best.parameters})`,
  };
}

function fmt(d: number): string {
  return d.toFixed(4);
}

// ── fitted-profile ───────────────────────────────────────────
// The profile a fit writes: the picked distribution, a clamp, and a description that says where it came from.

/** What {@link buildFittedProfile} needs to know. */
export interface FittedProfileInput {
  name: string;
  source: string;
  what: string | undefined;
  n: number;
  delay: Distribution;
  /** Why this distribution, as `pickCandidate` put it. */
  reason: string;
  /** The largest sample, ms. */
  max: number;
  /** `clamp.max` = ⌈capFactor × max⌉. */
  capFactor: number;
}

/** `clamp.max` of a fitted profile: ⌈capFactor × the largest sample⌉ ms. */
export function fittedCap(max: number, capFactor: number): number {
  return Math.ceil(capFactor * max);
}

/**
 * `{ name, description, seed: 1, delay, clamp: { max } }`, validated with
 * `parseProfile`. The description names the source, the sample size, the
 * criterion and the clamp, and no date, so the same samples give the same file.
 *
 * @throws {ProfileError} if the fit produced an invalid profile (a bug).
 */
export function buildFittedProfile(input: FittedProfileInput): Profile {
  const from = `${input.n} samples from ${input.source}${input.what ? ` (${input.what})` : ''}`;
  const cap = fittedCap(input.max, input.capFactor);
  const description =
    `Fitted by 'pokebench profile fit' to ${from}. Picked ${input.delay.type} by KS distance D: ${input.reason}. ` +
    `clamp.max = ${input.capFactor} × the largest sample (${Math.round(input.max * 100) / 100} ms), rounded up.`;
  return parseProfile({ name: input.name, description, seed: 1, delay: input.delay, clamp: { max: cap } }, `the profile fitted to ${input.source}`);
}

// ── fit-samples ──────────────────────────────────────────────
// `fitSamples`: observed latencies in, a latency profile out. Fits every
// candidate family, scores each with the mock's own CDF (KS distance) and
// quantiles, picks one by the stated criterion, and builds the profile.
// Pure and deterministic: the same values and options give the same report.

/** Each family's fitter and, in a few words, its method (the full statement is in the fitter's JSDoc). */
export const CANDIDATES: readonly { name: CandidateName; fit: CandidateFitter; method: string }[] = [
  { name: 'lognormal', fit: fitLognormal, method: 'MLE on the logs' },
  { name: 'exponential', fit: fitExponential, method: 'unbiased MLE (UMVU) of mean and shift' },
  { name: 'pareto', fit: fitPareto, method: 'start at the minimum; scale by profile likelihood, alpha by MLE' },
  { name: 'mixture', fit: fitMixture, method: '2 lognormals, EM on the logs from 3 fixed starts' },
  { name: 'empirical', fit: fitEmpirical, method: "the sample's percentiles (fallback only)" },
];

/** One candidate in a {@link FitReport}: fitted and scored, or skipped with the reason. */
export type CandidateReport =
  | {
      name: CandidateName;
      status: 'fitted';
      method: string;
      dist: Distribution;
      parameters: number;
      /** KS distance from the sample, under the profile's clamp. */
      ks: number;
      quantiles: QuantileCheck[];
    }
  | { name: CandidateName; status: 'skipped'; method: string; reason: string };

/** Everything a fit found; JSON-serialisable (what `profile fit --json` prints). */
export interface FitReport {
  source: string;
  what: string | undefined;
  observed: ObservedSummary;
  /** Every candidate, in {@link CANDIDATES} order. */
  candidates: CandidateReport[];
  /** The criterion's inputs: the tie margin, and the KS distance above which the fit falls back to empirical. */
  criterion: { tieMargin: number; fallbackKs: number };
  picked: CandidateName;
  /** Why, in words (see `pickCandidate`). */
  reason: string;
  /** The profile to write, already validated by `parseProfile`. */
  profile: Profile;
}

/**
 * Fits a latency profile to observed latencies (ms).
 *
 * @param values - at least {@link MIN_SAMPLES} finite numbers ≥ 0, in any order.
 * @throws {TooFewSamplesError} below {@link MIN_SAMPLES} values.
 * @throws {InvalidArgumentError} when a value is negative, NaN or infinite (`argument` is `values[i]`).
 * @throws {InvalidOptionError} when an option is out of range.
 * @example
 * const report = fitSamples(latencies, { source: 'prod.csv', name: 'prod-like' });
 * report.profile // { name: 'prod-like', seed: 1, delay: { type: 'lognormal', ... }, clamp: { max: ... } }
 */
export function fitSamples(values: readonly number[], options: FitOptions = {}): FitReport {
  if (values.length < MIN_SAMPLES) throw new TooFewSamplesError(options.source ?? 'samples', values.length, MIN_SAMPLES);
  const resolved = resolveFitOptions(options, values.length);
  values.forEach((x, i) => {
    if (!(Number.isFinite(x) && x >= 0)) {
      throw new InvalidArgumentError(`values[${i}]`, `fitSamples: values[${i}] must be a finite latency >= 0 ms, got ${x}.`);
    }
  });
  const sorted = values.toSorted((a, b) => a - b);
  const observed = summarizeObserved(sorted);
  const cap = fittedCap(observed.max, resolved.capFactor);
  const candidates = CANDIDATES.map(({ name, fit, method }): CandidateReport => {
    const result = fit(sorted);
    if (result.status === 'skipped') return { name, status: 'skipped', method, reason: result.reason };
    return { name, status: 'fitted', method, dist: result.dist, parameters: result.parameters, ...evaluateCandidate(sorted, observed, result.dist, cap) };
  });
  const fitted = candidates.filter((c) => c.status === 'fitted');
  const criterion = { tieMargin: resolved.tieMargin, fallbackKs: resolved.fallbackKs };
  const { name: picked, reason } = pickCandidate(fitted, criterion);
  const delay = fitted.find((c) => c.name === picked)?.dist;
  if (!delay) throw new InternalError(`fitSamples: the picked candidate ${picked} was not fitted.`);
  const profile = buildFittedProfile({
    name: resolved.name,
    source: resolved.source,
    what: resolved.what,
    n: sorted.length,
    delay,
    reason,
    max: observed.max,
    capFactor: resolved.capFactor,
  });
  return { source: resolved.source, what: resolved.what, observed, candidates, criterion, picked, reason, profile };
}
