/**
 * `fitSamples`: observed latencies in, a latency profile out. Fits every
 * candidate family, scores each with the mock's own CDF (KS distance) and
 * quantiles, picks one by the stated criterion, and builds the profile.
 * Pure and deterministic: the same values and options give the same report.
 */
import type { Distribution, Profile } from '../../mock-server/profile/index.ts';
import { InvalidArgumentError } from '../stats/index.ts';
import type { CandidateFitter, CandidateName } from './candidate.ts';
import { evaluateCandidate, type QuantileCheck } from './evaluate-candidate.ts';
import { fitEmpirical } from './fit-empirical.ts';
import { InternalError, TooFewSamplesError } from '../../mock-server/errors.ts';
import { fitExponential } from './fit-exponential.ts';
import { fitLognormal } from './fit-lognormal.ts';
import { fitMixture } from './fit-mixture.ts';
import { MIN_SAMPLES, resolveFitOptions, type FitOptions } from './fit-options.ts';
import { fitPareto } from './fit-pareto.ts';
import { buildFittedProfile, fittedCap } from './fitted-profile.ts';
import { summarizeObserved, type ObservedSummary } from './observed-summary.ts';
import { pickCandidate } from './pick-candidate.ts';

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
