/**
 * Options of the regression gate: a documented interface, one function that
 * fills the defaults, and validation at the entry that names the option
 * (criterion.rs's `--noise-threshold`, `--significance-level`, `--nresamples`).
 */
import { InvalidOptionError } from '../../mock-server/errors/index.ts';

/** How strict the gate is. Every field is optional; `undefined` means the default. */
export interface GateOptions {
  /**
   * Noise threshold, relative: a change of the median smaller than this is
   * never a regression, however significant (criterion's `noise_threshold`).
   * In (0, 1). @defaultValue `0.10` (10%)
   */
  threshold?: number | undefined;
  /**
   * Significance level α: the ratio's interval is a (1 − α) confidence
   * interval. In (0, 0.5]. @defaultValue `0.05` (a 95% interval)
   */
  significanceLevel?: number | undefined;
  /** Bootstrap resamples per point; an integer ≥ 100. @defaultValue `2000` */
  resamples?: number | undefined;
  /**
   * Seed of the bootstrap, an integer in [0, 2³²): the same results and seed
   * give the same report. @defaultValue `20240601`
   */
  seed?: number | undefined;
  /**
   * Pass, with a warning, when no point regressed but some could not be
   * decided (`inconclusive` or too few runs). Off, such a comparison is
   * `inconclusive` (exit 3): it could not have seen a regression there.
   * @defaultValue `false`
   */
  allowInconclusive?: boolean | undefined;
}

/** {@link GateOptions} with every default filled in. */
export interface ResolvedGateOptions {
  threshold: number;
  significanceLevel: number;
  resamples: number;
  seed: number;
  allowInconclusive: boolean;
}

/** The defaults {@link resolveGateOptions} fills in. */
export const GATE_DEFAULTS: Readonly<ResolvedGateOptions> = Object.freeze({
  threshold: 0.1,
  significanceLevel: 0.05,
  resamples: 2000,
  seed: 20240601,
  allowInconclusive: false,
});

/**
 * Validate `options` and fill the defaults.
 *
 * @throws InvalidOptionError (code `INVALID_OPTION`) naming the first bad option.
 * @example resolveGateOptions({ threshold: 0.05 }) // { threshold: 0.05, significanceLevel: 0.05, resamples: 2000, seed: 20240601, allowInconclusive: false }
 */
export function resolveGateOptions(options: GateOptions = {}): ResolvedGateOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError('options', `options must be an object or undefined, got ${String(options)}.`);
  }
  const threshold = options.threshold ?? GATE_DEFAULTS.threshold;
  const significanceLevel = options.significanceLevel ?? GATE_DEFAULTS.significanceLevel;
  const resamples = options.resamples ?? GATE_DEFAULTS.resamples;
  const seed = options.seed ?? GATE_DEFAULTS.seed;
  const allowInconclusive = options.allowInconclusive ?? GATE_DEFAULTS.allowInconclusive;
  // The improved band is [0, 1 − threshold): a threshold of 1 or more leaves it empty.
  check('threshold', isNumber(threshold) && threshold > 0 && threshold < 1, 'a number in (0, 1), e.g. 0.1 for 10%', threshold);
  check('significanceLevel', isNumber(significanceLevel) && significanceLevel > 0 && significanceLevel <= 0.5, 'a number in (0, 0.5], e.g. 0.05', significanceLevel);
  // Below ~100 resamples the interval's ends move with the seed more than with the data.
  check('resamples', Number.isSafeInteger(resamples) && resamples >= 100, 'an integer ≥ 100', resamples);
  check('seed', Number.isSafeInteger(seed) && seed >= 0 && seed < 2 ** 32, 'an integer in [0, 2^32)', seed);
  check('allowInconclusive', typeof allowInconclusive === 'boolean', 'true or false', allowInconclusive);
  return { threshold, significanceLevel, resamples, seed, allowInconclusive };
}

function check(name: string, ok: boolean, expected: string, value: unknown): void {
  if (!ok) throw new InvalidOptionError(name, `options.${name} must be ${expected}, got ${describe(value)}.`);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
