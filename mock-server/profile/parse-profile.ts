/**
 * Turns untrusted JSON into a {@link Profile}, or throws a {@link ProfileError}
 * that lists every problem as `path: rule`.
 */
import type { z } from 'zod';
import { ProfileError, type ProfileIssue } from './profile-error.ts';
import { profileSchema, type Profile } from './schema.ts';

/**
 * Validates a profile and fills its defaults (`seed: 1`).
 *
 * @param json - A parsed JSON value (not a string).
 * @param source - Where it came from, named in the error (a file path, `PUT /__admin/profile`).
 * @throws {ProfileError} `PROFILE_INVALID`, with one `issues` entry per bad field.
 * @example
 * parseProfile({ delay: { type: 'lognormal', median: 90, sigma: 0 } }, 'mine.json');
 * // ProfileError: Failed to load the latency profile from mine.json: 1 problem.
 * //   delay.sigma: must be > 0
 */
export function parseProfile(json: unknown, source?: string): Profile {
  const result = profileSchema.safeParse(json, { error: defaultRule });
  if (result.success) return result.data;
  throw new ProfileError(toIssues(result.error.issues), source);
}

/** Formats a JSON path the way a reader would write it: `routes.pokemon.delay.components[0].weight`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out === '' ? '(root)' : out;
}

function toIssues(issues: readonly z.core.$ZodIssue[]): ProfileIssue[] {
  const out: ProfileIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      // One line per unknown key, at the key's own path, so each typo is named.
      for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key]), rule: issue.message });
    } else {
      out.push({ path: formatPath(issue.path), rule: issue.message });
    }
  }
  return out;
}

// Rules for zod's built-in checks; schema-level messages (`must be > 0`) win over these.
function defaultRule(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = describeExpected(String(issue.expected));
      return issue.input === undefined ? `is required (${expected})` : `must be ${expected}, got ${describeInput(issue.input)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item(s)`;
      return `must be ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} item(s)`;
      return `must be ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    case 'invalid_value':
      return `must be ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    default:
      return undefined;
  }
}

function describeExpected(expected: string): string {
  if (expected === 'int') return 'an integer';
  if (expected === 'object' || expected === 'array') return `an ${expected}`;
  return `a ${expected}`;
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'number') return String(input);
  if (typeof input === 'string') return `a string (${JSON.stringify(input.length > 20 ? `${input.slice(0, 20)}…` : input)})`;
  return `a${typeof input === 'object' ? 'n' : ''} ${typeof input}`;
}
