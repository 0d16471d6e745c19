/**
 * Untrusted JSON in, a {@link Results} the gate can compare out: checks the
 * file is a pokebench results file of a version this build knows, and that
 * every field the gate reads is there and sane. Fields the gate does not read
 * (latency summaries, fits that may be `null` from a NaN) are left alone.
 */
import { z } from 'zod';
import { formatPath } from '../../mock-server/profile/parse-profile.ts';
import { RESULTS_VERSION, type Results } from '../results/types.ts';
import { ResultsInvalidError } from './results-invalid-error.ts';

const nonNegative = z.number().min(0);

const runSchema = z.looseObject({ wallMs: z.number().positive() });

const pointSchema = z.looseObject({
  n: z.int().positive(),
  runs: z.array(runSchema).min(1),
  counts: z.record(z.string(), nonNegative),
});

const strategySchema = z.looseObject({
  name: z.string().min(1),
  points: z.array(pointSchema),
  scaling: z.looseObject({ verdict: z.string().min(1) }),
});

const resultsSchema = z.looseObject({
  machine: z.looseObject({
    platform: z.string(),
    arch: z.string(),
    cpus: z.int().positive(),
    cpuModel: z.string(),
    node: z.string(),
    loadAverage1m: z.number(),
  }),
  settings: z.looseObject({
    profile: z.looseObject({ name: z.string().min(1), seed: z.int() }),
    payload: z.enum(['slim', 'realistic']),
    client: z.looseObject({
      kind: z.enum(['undici', 'fetch']),
      connections: z.number().nullable(),
      pipelining: z.number(),
      timeoutMs: z.number().nullable(),
    }),
    url: z.string().nullable(),
  }),
  strategies: z.array(strategySchema),
});

/**
 * Check that `json` is a pokebench results file the gate can compare.
 *
 * @param json - a parsed JSON value (not a string).
 * @param source - where it came from (a file path), named in the error.
 * @returns `json` itself, typed.
 * @throws {ResultsInvalidError} `RESULTS_INVALID`, naming `source` and the first bad field.
 * @example validateResults(JSON.parse(await readFile('baseline.json', 'utf8')), 'baseline.json')
 */
export function validateResults(json: unknown, source: string): Results {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ResultsInvalidError(source, '(root)', `must be a JSON object, got ${describeInput(json)}`);
  }
  const record = json as Record<string, unknown>;
  // Identity first: for a file of another kind or version, the first missing field is not the useful message.
  if (record['schema'] !== 'pokebench-results') {
    throw new ResultsInvalidError(source, 'schema', `must be "pokebench-results", got ${describeInput(record['schema'])} (not a pokebench results file)`);
  }
  if (record['version'] !== RESULTS_VERSION) {
    throw new ResultsInvalidError(source, 'version', `${describeInput(record['version'])} is not a version this pokebench reads (it reads ${RESULTS_VERSION}); rerun the baseline with this build`);
  }
  const result = resultsSchema.safeParse(json, { error: rule });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ResultsInvalidError(source, formatPath(issue?.path ?? []), issue?.message ?? 'is invalid');
  }
  checkUnique(result.data.strategies, source);
  return json as Results;
}

// The gate matches strategies by name and points by N: a duplicate would make the match ambiguous.
function checkUnique(strategies: readonly { name: string; points: readonly { n: number }[] }[], source: string): void {
  const names = new Map<string, number>();
  strategies.forEach((strategy, i) => {
    const first = names.get(strategy.name);
    if (first !== undefined) {
      throw new ResultsInvalidError(source, `strategies[${i}].name`, `repeats ${JSON.stringify(strategy.name)} of strategies[${first}]`);
    }
    names.set(strategy.name, i);
    const ns = new Map<number, number>();
    strategy.points.forEach((point, j) => {
      const earlier = ns.get(point.n);
      if (earlier !== undefined) {
        throw new ResultsInvalidError(source, `strategies[${i}].points[${j}].n`, `repeats N = ${point.n} of points[${earlier}]`);
      }
      ns.set(point.n, j);
    });
  });
}

function rule(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `is required (${article(String(issue.expected))})` : `must be ${article(String(issue.expected))}, got ${describeInput(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? '>=' : '>'} ${issue.minimum}, got ${describeInput(issue.input)}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeInput(issue.input)}`;
    default:
      return undefined;
  }
}

function article(expected: string): string {
  if (expected === 'int') return 'an integer';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  if (typeof input === 'string') return JSON.stringify(input.length > 30 ? `${input.slice(0, 30)}…` : input);
  return `a${typeof input === 'object' ? 'n' : ''} ${typeof input}`;
}
