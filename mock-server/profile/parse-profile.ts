/**
 * Turns untrusted JSON into a {@link Profile}, or throws a {@link ProfileError}
 * that lists every problem as `path: rule`.
 */
import { formatIssues, issueRule, ProfileError } from '../errors/index.ts';
import { profileSchema, type Profile } from './schema.ts';

/**
 * Validates a profile and fills its defaults (`seed: 1`).
 *
 * @param json - A parsed JSON value (not a string).
 * @param source - Where it came from, named in the error (a file path, `PUT /__admin/profile`).
 * @throws {ProfileError} `ERR_POKEBENCH_PROFILE_INVALID`, with one `issues` entry per bad field.
 * @example
 * parseProfile({ delay: { type: 'lognormal', median: 90, sigma: 0 } }, 'mine.json');
 * // ProfileError: Failed to load the latency profile from mine.json: 1 problem.
 * //   delay.sigma: must be > 0
 */
export function parseProfile(json: unknown, source?: string): Profile {
  const result = profileSchema.safeParse(json, { error: issueRule });
  if (result.success) return result.data;
  throw new ProfileError(formatIssues(result.error.issues), source);
}

export { formatPath } from '../errors/index.ts';
