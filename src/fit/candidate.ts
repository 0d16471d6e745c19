/**
 * What fitting one candidate family to a sample gives back: a distribution
 * in the mock's own profile format, or the reason the family does not apply
 * (a tagged union, so one family that cannot fit never aborts the others).
 */
import type { Distribution } from '../../mock-server/profile/index.ts';

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
