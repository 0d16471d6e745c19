/** The profile a fit writes: the picked distribution, a clamp, and a description that says where it came from. */
import { parseProfile, type Distribution, type Profile } from '../../mock-server/profile/index.ts';

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
