/**
 * The one place a raw value becomes a latency or is rejected: the rule
 * (a finite number ≥ 0, in ms), the error that names the file and the
 * place, and the skip-and-count alternative.
 */
import { MIN_SAMPLES } from './fit-options.ts';
import { SamplesInvalidError, TooFewSamplesError } from '../../mock-server/errors.ts';

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
