/**
 * The one formatter of validation issues: whatever was validated (a profile,
 * a run config, a calibration file, a peer's report, a results file), a zod
 * issue becomes `path: rule`, with the path written as a reader would
 * (`strategies[1].points[0].n`) and the rule saying what was expected and
 * what was found (`must be an integer, got "2"`).
 */
import type { z } from 'zod';

/** How many characters of a string value an error quotes before it cuts with `…`. */
export const PREVIEW_CHARS = 60;

/** One problem in a validated value: the field's path and the rule it breaks. */
export interface ValidationIssue {
  /** e.g. `routes.pokemon.delay.sigma`, `strategies[0].points[2].n`, `(root)`. */
  path: string;
  /** e.g. `must be > 0`. */
  rule: string;
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

/** A string quoted for a message, cut to {@link PREVIEW_CHARS}. */
export function preview(text: string): string {
  return JSON.stringify(text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text);
}

/** A value as a message names it: `null`, `an array`, `3`, `a string ("abc")`, `an object`. */
export function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  if (typeof input === 'string') return `a string (${preview(input)})`;
  return `a${typeof input === 'object' ? 'n' : ''} ${typeof input}`;
}

function describeExpected(expected: string): string {
  if (expected === 'int') return 'an integer';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * The rule of one of zod's built-in checks, as an error map for
 * `schema.safeParse(value, { error: issueRule })`. Messages a schema sets
 * itself (`must be > 0`) win over these.
 */
export function issueRule(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = describeExpected(String(issue.expected));
      return issue.input === undefined ? `is required (${expected})` : `must be ${expected}, got ${describeInput(issue.input)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} item(s)`;
      return `must be ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    case 'invalid_value':
      return `must be ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}, got ${describeInput(issue.input)}`;
    default:
      return undefined;
  }
}

/**
 * The issues of a failed parse as `path: rule` pairs, in document order; an
 * unknown key gets a line of its own at its own path, so each typo is named.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key]), rule: issue.message });
    } else {
      out.push({ path: formatPath(issue.path), rule: issue.message });
    }
  }
  return out;
}

/** Issues as indented lines (`  path: rule`), at most `max` of them and a count of the rest. */
export function issueLines(issues: readonly ValidationIssue[], max = Number.POSITIVE_INFINITY): string {
  const shown = issues.slice(0, max).map((issue) => `  ${issue.path}: ${issue.rule}`);
  if (issues.length > max) shown.push(`  … and ${issues.length - max} more`);
  return shown.join('\n');
}
