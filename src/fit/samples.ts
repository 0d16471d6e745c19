/**
 * Measured latencies in: the readers of CSV, JSON and HAR sample files, the
 * rule that turns a raw value into a latency or rejects it (naming the file
 * and the place), and the fewest samples a fit accepts.
 */
import { readFile } from 'node:fs/promises';
import { InvalidOptionError, SamplesInvalidError, TooFewSamplesError, SamplesUnreadableError } from '../../mock-server/errors/index.ts';

// ── read-options ─────────────────────────────────────────────
// Options of the sample readers: a documented interface, one function that fills defaults and checks them.

/** The HAR entry fields a latency can be read from. */
export const HAR_FIELDS = ['wait', 'time'] as const;

/** `wait`: `timings.wait`, the server's time to first byte; `time`: the entry's total time. */
export type HarField = (typeof HAR_FIELDS)[number];

/** Options of `parseSamples` and `readSamples`. */
export interface ReadSamplesOptions {
  /**
   * CSV: the header of the column to read (or its 1-based number when there
   * is no header row); JSON: the field of each object. `--column` on the CLI.
   * @defaultValue the only numeric column or field
   */
  column?: string | undefined;
  /** HAR: which entry field holds the latency. `--har-field` on the CLI. @defaultValue `'wait'` */
  harField?: HarField | undefined;
  /**
   * Skip values that are not latencies (negative, NaN, empty, not a number)
   * and count them, instead of failing on the first. `--skip-invalid` on the CLI.
   * @defaultValue `false`
   */
  skipInvalid?: boolean | undefined;
}

/** {@link ReadSamplesOptions} checked; `column` and `harField` stay undefined when not given, so a reader can tell "not given" from the default. */
export interface ResolvedReadSamplesOptions {
  column: string | undefined;
  harField: HarField | undefined;
  skipInvalid: boolean;
}

/**
 * Checks {@link ReadSamplesOptions} and fills `skipInvalid`.
 *
 * @throws {InvalidOptionError} naming the option.
 */
export function resolveReadSamplesOptions(options: ReadSamplesOptions = {}): ResolvedReadSamplesOptions {
  const { column, harField } = options;
  if (column !== undefined && column.trim() === '') throw new InvalidOptionError('options.column', 'readSamples: options.column must not be empty.');
  if (harField !== undefined && !(HAR_FIELDS as readonly string[]).includes(harField)) {
    throw new InvalidOptionError('options.harField', `readSamples: options.harField must be one of ${HAR_FIELDS.join(', ')}, got ${JSON.stringify(harField)}.`);
  }
  return { column, harField, skipInvalid: options.skipInvalid ?? false };
}

// ── column-choice ────────────────────────────────────────────
// Which column of a table (CSV columns, JSON object fields) holds the
// latencies: the one named, else the only numeric one, else an error that
// lists the columns.

/**
 * The index of the column to read.
 *
 * @param names - every column's name, in order.
 * @param numeric - whether each column is mostly numbers.
 * @param requested - the `--column` given, if any (exact match first, then case-insensitive).
 * @param source - the file, named in errors.
 * @param noun - `column` or `field`, as the file's format calls them.
 * @throws {SamplesInvalidError} when `requested` names no column, or none or several are numeric.
 */
export function chooseColumn(names: readonly string[], numeric: readonly boolean[], requested: string | undefined, source: string, noun: string): number {
  const listed = names.map((name) => JSON.stringify(name)).join(', ');
  if (requested !== undefined) {
    let index = names.indexOf(requested);
    if (index === -1) {
      const lower = requested.toLowerCase();
      const matches = names.flatMap((name, i) => (name.toLowerCase() === lower ? [i] : []));
      if (matches.length === 1) index = matches[0] ?? -1;
    }
    if (index === -1) {
      throw new SamplesInvalidError(source, `Failed to read samples from ${source}: --column ${JSON.stringify(requested)} names no ${noun}; the ${noun}s are ${listed}.`);
    }
    return index;
  }
  const candidates = names.flatMap((_, i) => (numeric[i] ? [i] : []));
  if (candidates.length === 1) return candidates[0] ?? 0;
  if (candidates.length === 0) {
    throw new SamplesInvalidError(source, `Failed to read samples from ${source}: no ${noun} holds numbers; the ${noun}s are ${listed}. Latencies must be numbers in ms.`);
  }
  const several = candidates.map((i) => JSON.stringify(names[i])).join(', ');
  throw new SamplesInvalidError(
    source,
    `Failed to read samples from ${source}: several ${noun}s hold numbers (${several}); pick the latency ${noun} with --column NAME. The ${noun}s are ${listed}.`,
  );
}

// ── latency-collector ────────────────────────────────────────
// The one place a raw value becomes a latency or is rejected: the rule
// (a finite number ≥ 0, in ms), the error that names the file and the
// place, and the skip-and-count alternative.

/** The fewest samples a fit accepts: below it, a KS distance and a p90 say little. */
export const MIN_SAMPLES = 20;

/** The format a sample file was read as. */
export type SampleFormat = 'csv' | 'json' | 'har';

/** Latencies read from a file. */
export interface Samples {
  /** In ms, in file order; at least {@link MIN_SAMPLES}. */
  values: number[];
  format: SampleFormat;
  /** What was read, for the report: `column "latency_ms"`, `field "ms"`, `timings.wait`; undefined for a bare list. */
  what: string | undefined;
  /** Invalid values skipped (only with `skipInvalid`). */
  skipped: number;
}

/** The rule every latency follows, as messages state it. */
export const LATENCY_RULE = 'every latency must be a finite number >= 0 (ms)';

/** Whether a raw value is a latency, and if not, what is wrong with it. */
export type LatencyVerdict = { ok: true; value: number } | { ok: false; problem: string };

/**
 * Judges a JSON value: only a finite number ≥ 0 is a latency.
 *
 * @example judgeValue(-1) // { ok: false, problem: '-1 is negative' }
 */
export function judgeValue(value: unknown): LatencyVerdict {
  if (value === undefined) return { ok: false, problem: 'the value is missing' };
  if (value === null) return { ok: false, problem: 'the value is null' };
  if (typeof value !== 'number') return { ok: false, problem: `${describe(value)} is not a number` };
  if (Number.isNaN(value)) return { ok: false, problem: 'the value is NaN' };
  if (!Number.isFinite(value)) return { ok: false, problem: `${value} is not finite` };
  if (value < 0) return { ok: false, problem: `${value} is negative` };
  return { ok: true, value };
}

/**
 * Judges a CSV cell: empty, not a number, or a number judged like {@link judgeValue}.
 *
 * @example judgeCell(' 12.5 ') // { ok: true, value: 12.5 }
 */
export function judgeCell(text: string): LatencyVerdict {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'the cell is empty' };
  if (!isNumeric(trimmed)) return { ok: false, problem: `${JSON.stringify(trimmed)} is not a number` };
  return judgeValue(Number(trimmed));
}

/** Whether a CSV cell reads as a number (decimal or exponent notation; `NaN`, `Infinity`, hex are not). */
export function isNumeric(text: string): boolean {
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text.trim());
}

/**
 * Collects the latencies of one file: each value is kept, skipped (with
 * `skipInvalid`) or fails the read with an error naming the file, the place
 * and the rule.
 */
export class LatencyCollector {
  readonly #source: string;
  readonly #skipInvalid: boolean;
  readonly #values: number[] = [];
  #skipped = 0;

  /**
   * @param source - the file, named in errors.
   * @param skipInvalid - skip and count invalid values instead of throwing.
   */
  constructor(source: string, skipInvalid: boolean) {
    this.#source = source;
    this.#skipInvalid = skipInvalid;
  }

  /**
   * Keeps a valid value; skips or throws on an invalid one.
   *
   * @param where - the place in the file, e.g. `line 7, column "ms"` or `[3]`.
   * @throws {SamplesInvalidError} on an invalid value without `skipInvalid`.
   */
  add(verdict: LatencyVerdict, where: string): void {
    if (verdict.ok) {
      this.#values.push(verdict.value);
    } else if (this.#skipInvalid) {
      this.#skipped++;
    } else {
      throw new SamplesInvalidError(
        this.#source,
        `Failed to read samples from ${this.#source}: ${where}: ${verdict.problem}; ${LATENCY_RULE}. Fix the value, or pass --skip-invalid to skip and count such values.`,
      );
    }
  }

  /**
   * The samples collected.
   *
   * @throws {TooFewSamplesError} with fewer than {@link MIN_SAMPLES} valid values.
   */
  finish(format: SampleFormat, what: string | undefined): Samples {
    const n = this.#values.length;
    if (n < MIN_SAMPLES) throw new TooFewSamplesError(this.#source, n, MIN_SAMPLES, this.#skipped > 0 ? ` (${this.#skipped} invalid skipped)` : '');
    return { values: this.#values, format, what, skipped: this.#skipped };
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  if (Array.isArray(value)) return 'an array';
  return `a${typeof value === 'object' ? 'n' : ''} ${typeof value}`;
}

// ── csv-samples ──────────────────────────────────────────────
// Latencies from CSV text: one numeric column, or a header row and a column
// picked by name (or the only numeric one). Delimiter: a comma, else a tab,
// else a semicolon, whichever the first row has; cells may be wrapped in
// double quotes but may not contain the delimiter. Blank lines and lines
// starting with `#` are ignored. Pure: text in, samples out.

interface Row {
  line: number;
  cells: string[];
}

/**
 * Parses CSV latencies. The first row is a header when one of its cells is
 * not a number. Without a header, columns are named by their 1-based
 * number (`--column 2`). A column is numeric when more than half of its
 * non-empty data cells are numbers.
 *
 * @param source - the file, named in errors (`line 7, column "ms": "abc" is not a number`).
 * @throws {SamplesInvalidError} on a bad cell (unless `skipInvalid`), an unknown `--column`, no or several numeric columns, or `harField`.
 * @throws {TooFewSamplesError} with fewer than 20 valid values.
 * @example
 * parseCsvSamples('route,ms\npokemon,91.5\n...', 'prod.csv') // { values: [91.5, ...], what: 'column "ms"', ... }
 */
export function parseCsvSamples(text: string, source: string, options?: ReadSamplesOptions): Samples {
  const { column, harField, skipInvalid } = resolveReadSamplesOptions(options);
  if (harField !== undefined) {
    throw new SamplesInvalidError(source, `Failed to read samples from ${source}: --har-field applies to HAR files, and this is a CSV file; use --column to pick a column.`);
  }
  const rows = splitRows(text);
  const first = rows[0];
  const hasHeader = first !== undefined && first.cells.some((cell) => cell.trim() !== '' && !isNumeric(cell));
  const data = hasHeader ? rows.slice(1) : rows;
  // A loop, not Math.max(...rows): spreading 150k rows overflows the call stack.
  let width = first?.cells.length ?? 0;
  for (const row of data) width = Math.max(width, row.cells.length);
  const names = hasHeader && first ? first.cells.map((cell) => cell.trim()) : Array.from({ length: width }, (_, i) => String(i + 1));
  let index = 0;
  if (names.length > 1 || column !== undefined) {
    const numeric = names.map((_, i) => mostlyNumeric(data.map((row) => row.cells[i] ?? '')));
    index = chooseColumn(names, numeric, column, source, 'column');
  }
  const name = names[index] ?? '1';
  const what = names.length > 1 || hasHeader ? `column ${hasHeader ? JSON.stringify(name) : name}` : undefined;
  const collector = new LatencyCollector(source, skipInvalid);
  for (const row of data) collector.add(judgeCell(row.cells[index] ?? ''), `line ${row.line}${what ? `, ${what}` : ''}`);
  return collector.finish('csv', what);
}

function splitRows(text: string): Row[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const firstContent = lines.find((line) => isContent(line)) ?? '';
  const delimiter = [',', '\t', ';'].find((d) => firstContent.includes(d));
  const rows: Row[] = [];
  lines.forEach((line, i) => {
    if (!isContent(line)) return;
    const cells = delimiter === undefined ? [line] : line.split(delimiter);
    rows.push({ line: i + 1, cells: cells.map(unquote) });
  });
  return rows;
}

function isContent(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).replaceAll('""', '"') : trimmed;
}

function mostlyNumeric(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== '');
  return filled.length > 0 && filled.filter(isNumeric).length * 2 > filled.length;
}

// ── json-samples ─────────────────────────────────────────────
// Latencies from a parsed JSON array: an array of numbers, or an array of
// objects whose `--column` field (or only numeric field) holds the latency.
// Pure: a parsed value in, samples out.

/**
 * Parses a JSON array of latencies. It is an array of objects when every
 * element is a (non-array) object; the field is `column`, else the only
 * field that holds a number in more than half of the objects.
 *
 * @param json - a parsed JSON value.
 * @param source - the file, named in errors (`[12]: -3 is negative`, `[4].ms: the value is missing`).
 * @throws {SamplesInvalidError} when `json` is not an array, on a bad value (unless `skipInvalid`), an unknown field, `column` on an array of numbers, or `harField`.
 * @throws {TooFewSamplesError} with fewer than 20 valid values.
 * @example parseJsonSamples([91.5, 88, 120.25, ...], 'prod.json').values // [91.5, 88, 120.25, ...]
 */
export function parseJsonSamples(json: unknown, source: string, options?: ReadSamplesOptions): Samples {
  const { column, harField, skipInvalid } = resolveReadSamplesOptions(options);
  const fail = (message: string) => new SamplesInvalidError(source, `Failed to read samples from ${source}: ${message}`);
  if (harField !== undefined) throw fail('--har-field applies to HAR files, and this is a JSON array; use --column to pick a field of its objects.');
  if (!Array.isArray(json)) throw fail('expected an array of numbers, an array of objects, or a HAR file (an object with log.entries).');
  const collector = new LatencyCollector(source, skipInvalid);
  const objects = json.length > 0 && json.every(isRecord);
  if (!objects) {
    if (column !== undefined) throw fail(`--column ${JSON.stringify(column)} names a field of objects, but this is an array of numbers.`);
    json.forEach((value, i) => collector.add(judgeValue(value), `[${i}]`));
    return collector.finish('json', undefined);
  }
  const records = json as Record<string, unknown>[];
  const names = [...new Set(records.flatMap((record) => Object.keys(record)))];
  const numeric = names.map((name) => records.filter((record) => typeof record[name] === 'number').length * 2 > records.length);
  const field = names[chooseColumn(names, numeric, column, source, 'field')] ?? '';
  records.forEach((record, i) => collector.add(judgeValue(record[field]), `[${i}]${accessor(field)}`));
  return collector.finish('json', `field ${JSON.stringify(field)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function accessor(field: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(field) ? `.${field}` : `[${JSON.stringify(field)}]`;
}

// ── har-samples ──────────────────────────────────────────────
// Latencies from a parsed HAR file (HTTP Archive 1.2, what browsers' dev
// tools export): one per `log.entries[]`, `timings.wait` by default (the
// server's time to first byte, which is what the mock's delay models), or
// the entry's total `time`. Pure: a parsed value in, samples out.

/**
 * Whether a parsed JSON value looks like a HAR file: an object with a `log` object.
 *
 * @example isHar({ log: { entries: [] } }) // true
 */
export function isHar(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const log = (json as { log?: unknown }).log;
  return typeof log === 'object' && log !== null;
}

/**
 * Parses a HAR file's entries. HAR writes -1 for a timing that does not
 * apply; for `wait` and `time` that is an invalid value like any negative one.
 *
 * @param json - a parsed HAR file.
 * @param source - the file, named in errors (`log.entries[3].timings.wait: -1 is negative`).
 * @throws {SamplesInvalidError} when `log.entries` is not an array, on a bad value (unless `skipInvalid`), or on `column`.
 * @throws {TooFewSamplesError} with fewer than 20 valid values.
 */
export function parseHarSamples(json: unknown, source: string, options?: ReadSamplesOptions): Samples {
  const { column, harField = 'wait', skipInvalid } = resolveReadSamplesOptions(options);
  const fail = (message: string) => new SamplesInvalidError(source, `Failed to read samples from ${source}: ${message}`);
  if (column !== undefined) throw fail(`--column applies to CSV and JSON arrays, and this is a HAR file; use --har-field wait|time.`);
  const entries = isHar(json) ? (json as { log: { entries?: unknown } }).log.entries : undefined;
  if (!Array.isArray(entries)) throw fail('not a HAR file: log.entries must be an array.');
  const collector = new LatencyCollector(source, skipInvalid);
  const path = harField === 'wait' ? 'timings.wait' : 'time';
  entries.forEach((entry, i) => collector.add(harVerdict(entry, harField), `log.entries[${i}].${path}`));
  return collector.finish('har', path);
}

function harVerdict(entry: unknown, field: 'wait' | 'time'): LatencyVerdict {
  if (typeof entry !== 'object' || entry === null) return { ok: false, problem: 'the entry is not an object' };
  const record = entry as { time?: unknown; timings?: { wait?: unknown } };
  const value = field === 'time' ? record.time : record.timings?.wait;
  const verdict = judgeValue(value);
  return !verdict.ok && value === -1 ? { ok: false, problem: "-1 is negative (HAR's \"not available\")" } : verdict;
}

// ── parse-samples ────────────────────────────────────────────
// Latencies from a sample file's text, whatever its format: JSON when the
// text starts with `[` or `{` (a HAR file when it has a `log` object),
// CSV otherwise. Pure: text in, samples out.

/**
 * Detects the format and parses.
 *
 * @param source - the file, named in errors.
 * @throws {SamplesInvalidError} on text that starts like JSON but does not parse, or any reader's rule.
 * @throws {TooFewSamplesError} with fewer than 20 valid values.
 * @example parseSamples('ms\n91.5\n88\n...', 'prod.csv').what // 'column "ms"'
 */
export function parseSamples(text: string, source: string, options?: ReadSamplesOptions): Samples {
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (start !== '[' && start !== '{') return parseCsvSamples(text, source, options);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SamplesInvalidError(source, `Failed to read samples from ${source}: it starts like JSON but is not valid JSON (${(error as Error).message}).`);
  }
  return isHar(json) ? parseHarSamples(json, source, options) : parseJsonSamples(json, source, options);
}

// ── read-samples ─────────────────────────────────────────────
// The fitter's only I/O: reads a sample file and hands its text to `parseSamples`.

/**
 * Reads latencies (ms) from a CSV, JSON or HAR file.
 *
 * @param file - the path to read.
 * @param source - how errors and the report name the file. @defaultValue `file`
 * @throws {SamplesUnreadableError} when the file cannot be read.
 * @throws {SamplesInvalidError} or {TooFewSamplesError} from `parseSamples`.
 * @example const { values, what } = await readSamples('prod.har', { harField: 'wait' });
 */
export async function readSamples(file: string, options?: ReadSamplesOptions, source = file): Promise<Samples> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new SamplesUnreadableError(source, `Failed to read samples from ${source}: ${why}.`, { cause: error });
  }
  return parseSamples(text, source, options);
}
