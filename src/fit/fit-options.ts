/** Options of `fitSamples`: a documented interface, one function that fills defaults and checks them. */
import { InvalidOptionError } from '../../mock-server/errors.ts';

/** The fewest samples a fit accepts: below it, a KS distance and a p90 say little. */
export const MIN_SAMPLES = 20;

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
