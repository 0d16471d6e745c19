/**
 * Every error the kit throws on purpose, in one file (undici's
 * `lib/core/errors.js` style): one small base class with a stable `code`,
 * one subclass per failure, so callers branch on `error.code` instead of
 * parsing messages. Codes follow one convention, `ERR_POKEBENCH_<WHAT>`, and
 * are listed in {@link ERROR_CODES} and in the README ("Errors").
 *
 * It lives beside the mock server because both the server and the kit in
 * `src/` throw these, and the server imports nothing from `src/`.
 */
import type { ValidationIssue } from './zod-issues.ts';

/** Every stable error code, by the class that throws it. */
export const ERROR_CODES = {
  InvalidOptionError: 'ERR_POKEBENCH_INVALID_OPTION',
  InvalidArgumentError: 'ERR_POKEBENCH_INVALID_ARGUMENT',
  ProfileError: 'ERR_POKEBENCH_PROFILE_INVALID',
  ProfileNotFoundError: 'ERR_POKEBENCH_PROFILE_NOT_FOUND',
  FixtureError: 'ERR_POKEBENCH_FIXTURE_INVALID',
  ServerStartError: 'ERR_POKEBENCH_SERVER_START_FAILED',
  AdminExposedError: 'ERR_POKEBENCH_ADMIN_EXPOSED',
  ServerUsageError: 'ERR_POKEBENCH_SERVER_USAGE_UNAVAILABLE',
  MachineLimitError: 'ERR_POKEBENCH_MACHINE_LIMIT',
  MergeRefusedError: 'ERR_POKEBENCH_MERGE_REFUSED',
  ConfigError: 'ERR_POKEBENCH_CONFIG_INVALID',
  UsageError: 'ERR_POKEBENCH_USAGE',
  ResultsInvalidError: 'ERR_POKEBENCH_RESULTS_INVALID',
  InvalidReportOptionError: 'ERR_POKEBENCH_INVALID_REPORT_OPTION',
  CalibrationFileError: 'ERR_POKEBENCH_CALIBRATION_INVALID',
  CalibrationRunError: 'ERR_POKEBENCH_CALIBRATION_FAILED',
  SamplesInvalidError: 'ERR_POKEBENCH_SAMPLES_INVALID',
  TooFewSamplesError: 'ERR_POKEBENCH_SAMPLES_TOO_FEW',
  SamplesUnreadableError: 'ERR_POKEBENCH_SAMPLES_UNREADABLE',
  InvalidPoolSizeError: 'ERR_POKEBENCH_INVALID_K',
  InvalidStrategyOptionError: 'ERR_POKEBENCH_INVALID_STRATEGY_OPTION',
  InvalidStrategySpecError: 'ERR_POKEBENCH_INVALID_STRATEGY',
  WorkerSpecMissingError: 'ERR_POKEBENCH_CLIENT_NOT_WORKER_SAFE',
  WorkerStartError: 'ERR_POKEBENCH_WORKER_START',
  InvalidJsonError: 'ERR_POKEBENCH_INVALID_JSON',
  SweepTimeoutError: 'ERR_POKEBENCH_SWEEP_TIMEOUT',
  InternalError: 'ERR_POKEBENCH_INTERNAL',
} as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/**
 * Base class of every error the kit throws on purpose.
 *
 * @example
 * try { await startMockServer({ port: -1 }); } catch (err) {
 *   if (err instanceof PokebenchError && err.code === 'ERR_POKEBENCH_SERVER_START_FAILED') process.exitCode = 3;
 * }
 */
export class PokebenchError extends Error {
  /** Stable, machine-readable reason: one of {@link ERROR_CODES}. */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

// ── Options and arguments ──────────────────────────────────────────────────

/** A caller passed an option outside its documented range. The message names the option (`options.samples must be a positive integer, got 0.`). */
export class InvalidOptionError extends PokebenchError {
  /** The offending option, e.g. `options.samples`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(ERROR_CODES.InvalidOptionError, message);
    this.option = option;
  }
}

/**
 * An argument the pure numeric modules (stats, model, scaling) cannot compute
 * with. `argument` names it as the caller spelt it (`k`, `delays`, `points[2].times`…).
 */
export class InvalidArgumentError extends PokebenchError {
  /** The argument at fault. */
  readonly argument: string;

  constructor(argument: string, message: string) {
    super(ERROR_CODES.InvalidArgumentError, message);
    this.argument = argument;
  }
}

/** A command line the user got wrong: exit code 2, message on stderr, no stack. */
export class UsageError extends PokebenchError {
  constructor(message: string) {
    super(ERROR_CODES.UsageError, message);
  }
}

/** A config file or value that breaks a rule; the message names the setting. */
export class ConfigError extends PokebenchError {
  constructor(message: string) {
    super(ERROR_CODES.ConfigError, message);
  }
}

// ── The mock server ────────────────────────────────────────────────────────

/**
 * A profile that does not parse or does not follow the rules. The message
 * names the source and lists every issue on its own line as `path: rule`.
 */
export class ProfileError extends PokebenchError {
  /** Every problem found, in document order. */
  readonly issues: ValidationIssue[];
  /** Where the profile came from (a file path, `PUT /__admin/profile`), if known. */
  readonly source: string | undefined;

  constructor(issues: ValidationIssue[], source?: string, options?: ErrorOptions) {
    const where = source === undefined ? '' : ` from ${source}`;
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    const lines = issues.map((issue) => `  ${issue.path}: ${issue.rule}`);
    super(
      ERROR_CODES.ProfileError,
      [`Failed to load the latency profile${where}: ${count}.`, ...lines, 'Fix the fields above; the shipped profiles in fixtures/profiles/ are working examples.'].join('\n'),
      options,
    );
    this.issues = issues;
    this.source = source;
  }
}

/** No shipped profile has that name, or no file is at that path. */
export class ProfileNotFoundError extends PokebenchError {
  /** The name or path asked for. */
  readonly requested: string;
  /** The shipped profile names, for "did you mean". */
  readonly available: string[];

  constructor(requested: string, message: string, available: string[], options?: ErrorOptions) {
    super(ERROR_CODES.ProfileNotFoundError, message, options);
    this.requested = requested;
    this.available = available;
  }
}

/** The pokemon fixture file is missing, unreadable or not in the expected shape. */
export class FixtureError extends PokebenchError {
  constructor(message: string, options?: ErrorOptions) {
    super(ERROR_CODES.FixtureError, message, options);
  }
}

/** The mock server cannot start (bad option, port in use). The CLI exits 3: the run failed, not the input. */
export class ServerStartError extends PokebenchError {
  constructor(message: string, options?: ErrorOptions) {
    super(ERROR_CODES.ServerStartError, message, options);
  }
}

/**
 * The server would listen off loopback with an admin API anyone could use:
 * refused before it binds. The message names the flags and variables that fix it.
 */
export class AdminExposedError extends PokebenchError {
  constructor(message: string) {
    super(ERROR_CODES.AdminExposedError, message);
  }
}

/** A mock could not report its own CPU and event-loop time (not a pokebench mock, or an older one). */
export class ServerUsageError extends PokebenchError {
  constructor(url: string, reason: string) {
    super(
      ERROR_CODES.ServerUsageError,
      `Failed to read the mock's CPU from ${url}/__admin/process: ${reason}. Serve with 'pokebench serve' from this version, or run with --mock in-process.`,
    );
  }
}

// ── Clients, strategies, measurement ───────────────────────────────────────

/**
 * A sweep's largest fan-out needs more of a machine limit (open files, local
 * ports) than this machine allows: refused before it starts, since the runs
 * would lose requests to the machine and measure nothing. The message names
 * the limit, the number needed and the ways out.
 */
export class MachineLimitError extends PokebenchError {
  constructor(message: string) {
    super(ERROR_CODES.MachineLimitError, message);
  }
}

/** The shards given to `pokebench merge` do not make one sweep; the message names the files and the fix. */
export class MergeRefusedError extends PokebenchError {
  constructor(message: string) {
    super(ERROR_CODES.MergeRefusedError, message);
  }
}

/**
 * A response a real client would parse (a 2xx) had a body that is not JSON,
 * e.g. the mock's malformed-JSON fault. A strategy records it as a
 * `network-error` with this code, like Python's `JSONDecodeError`.
 */
export class InvalidJsonError extends PokebenchError {
  /** HTTP status of the response whose body failed to parse. */
  readonly status: number;

  constructor(status: number, message: string, options?: ErrorOptions) {
    super(ERROR_CODES.InvalidJsonError, message, options);
    this.status = status;
  }
}

/** `k` (slots of bounded, batched or workers) is not a positive integer. */
export class InvalidPoolSizeError extends PokebenchError {
  /** The option at fault: always `k`. */
  readonly option = 'k';

  constructor(strategy: string, k: unknown) {
    super(ERROR_CODES.InvalidPoolSizeError, `Failed to create ${strategy}(k): k must be a positive integer, got ${String(k)}. Pass k ≥ 1, e.g. ${strategy}(4).`);
  }
}

/** A strategy option has an unusable value. */
export class InvalidStrategyOptionError extends PokebenchError {
  /** The option at fault, e.g. `timeoutMs`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(ERROR_CODES.InvalidStrategyOptionError, message);
    this.option = option;
  }
}

/** `parseStrategy` could not read the text it was given. */
export class InvalidStrategySpecError extends PokebenchError {
  /** The text that did not parse. */
  readonly text: string;

  constructor(text: string, reason: string, validForms: readonly string[]) {
    super(ERROR_CODES.InvalidStrategySpecError, `Failed to parse strategy ${JSON.stringify(text)}: ${reason}. Use one of: ${validForms.join(', ')}.`);
    this.text = text;
  }
}

/** The `fetchOne` given to `workers(k)` has no `workerSpec`, so no thread can rebuild it. */
export class WorkerSpecMissingError extends PokebenchError {
  constructor(strategy: string) {
    super(
      ERROR_CODES.WorkerSpecMissingError,
      `Failed to run ${strategy}: this fetchOne has no workerSpec, so it cannot be rebuilt inside a worker thread ` +
        '(functions do not cross threads). Use createUndiciClient() from src/clients, or set fetchOne.workerSpec = ' +
        '{ module, options } naming a plain .mjs module whose default export builds the client from options.',
    );
  }
}

/** The worker threads could not start, or could not build the client from its `workerSpec`. The CLI exits 3. */
export class WorkerStartError extends PokebenchError {
  constructor(strategy: string, reason: string, options?: ErrorOptions) {
    super(
      ERROR_CODES.WorkerStartError,
      `Failed to start the threads of ${strategy}: ${reason}. Check that workerSpec.module loads in plain Node and its options are structured-cloneable.`,
      options,
    );
  }
}

/** A state the kit's own code should never reach: a bug in pokebench, never the user's input. The CLI exits 3. */
export class InternalError extends PokebenchError {
  constructor(message: string) {
    super(ERROR_CODES.InternalError, message);
  }
}

/**
 * A strategy broke its contract (not one record per request, in input order)
 * or the counts do not sum to N. A bug in a strategy or in the kit, never a
 * property of the server or the network. Code `ERR_POKEBENCH_INTERNAL`.
 */
export class MeasurementInvariantError extends InternalError {
  constructor(message: string) {
    super(`Internal error: ${message}. This is a bug in the strategy or the kit; please report it with the run's options.`);
  }
}

/** The sweep took longer than its time limit. The CLI exits 3. */
export class SweepTimeoutError extends PokebenchError {
  constructor(limitMs: number) {
    super(
      ERROR_CODES.SweepTimeoutError,
      `The sweep ran past its ${Math.round(limitMs / 1000)} s limit and was stopped. Use a shorter ladder, fewer repeats, or raise the limit.`,
    );
  }
}

// ── Files the kit reads ────────────────────────────────────────────────────

/**
 * A results file that is not a pokebench results file of a version this
 * build reads, or breaks a rule of the results schema. The message names the
 * file and the first bad field.
 *
 * @example
 * try { parseResults(json, 'baseline.json'); } catch (err) {
 *   if (err instanceof ResultsInvalidError) console.error(err.field); // 'strategies[0].points[2].runs[1].wallMs'
 * }
 */
export class ResultsInvalidError extends PokebenchError {
  /** Where the results came from (a file path). */
  readonly source: string;
  /** JSON path of the first bad field, e.g. `version`, `strategies[1].scaling.verdict`; `(root)` for the whole value. */
  readonly field: string;

  constructor(source: string, field: string, rule: string, options?: ErrorOptions) {
    super(
      ERROR_CODES.ResultsInvalidError,
      `Failed to read pokebench results from ${source}: ${field} ${rule}. Use a results.json written by \`pokebench run\` (--out), unedited.`,
      options,
    );
    this.source = source;
    this.field = field;
  }
}

/** A report rendering option out of range; `option` names it as the caller spelt it. */
export class InvalidReportOptionError extends PokebenchError {
  /** The option at fault, e.g. `width`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(ERROR_CODES.InvalidReportOptionError, message);
    this.option = option;
  }
}

/** `calibration.json` exists but is not JSON, or not a calibration this version reads. */
export class CalibrationFileError extends PokebenchError {
  /** The file at fault. */
  readonly file: string;

  constructor(file: string, message: string, options?: ErrorOptions) {
    super(ERROR_CODES.CalibrationFileError, message, options);
    this.file = file;
  }
}

/** The servers a calibration measures did not start, or the load generator could not reach them. The CLI exits 3. */
export class CalibrationRunError extends PokebenchError {
  constructor(message: string, options?: ErrorOptions) {
    super(ERROR_CODES.CalibrationRunError, message, options);
  }
}

/**
 * A sample file that breaks a rule: a cell that is not a latency, a column
 * that does not exist, a shape that is none of CSV, JSON array or HAR. The
 * message names the file, the place and the rule.
 */
export class SamplesInvalidError extends PokebenchError {
  /** The file (or other source) named in the message. */
  readonly source: string;

  constructor(source: string, message: string) {
    super(ERROR_CODES.SamplesInvalidError, message);
    this.source = source;
  }
}

/** Fewer valid latencies than a fit needs. */
export class TooFewSamplesError extends PokebenchError {
  /** The file (or other source) named in the message. */
  readonly source: string;
  /** Valid latencies found. */
  readonly count: number;

  constructor(source: string, count: number, needed: number, detail = '') {
    super(
      ERROR_CODES.TooFewSamplesError,
      `Failed to fit ${source}: ${count} valid latenc${count === 1 ? 'y' : 'ies'}${detail}, need at least ${needed}. Measure more requests.`,
    );
    this.source = source;
    this.count = count;
  }
}

/** A sample file that cannot be read at all (missing, a directory, no permission). */
export class SamplesUnreadableError extends PokebenchError {
  /** The path asked for. */
  readonly file: string;

  constructor(file: string, message: string, options?: ErrorOptions) {
    super(ERROR_CODES.SamplesUnreadableError, message, options);
    this.file = file;
  }
}
export { formatIssues, issueLines, issueRule, preview, describeInput, formatPath } from './zod-issues.ts';
export type { ValidationIssue } from './zod-issues.ts';
