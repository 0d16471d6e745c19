/**
 * The criterion: which fitted candidate the profile uses. Stated once here,
 * and printed with every report.
 */
import { InvalidArgumentError } from '../stats/index.ts';
import type { CandidateName } from './candidate.ts';

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
