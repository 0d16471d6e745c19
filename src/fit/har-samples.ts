/**
 * Latencies from a parsed HAR file (HTTP Archive 1.2, what browsers' dev
 * tools export): one per `log.entries[]`, `timings.wait` by default (the
 * server's time to first byte, which is what the mock's delay models), or
 * the entry's total `time`. Pure: a parsed value in, samples out.
 */
import { SamplesInvalidError } from '../../mock-server/errors.ts';
import { judgeValue, LatencyCollector, type LatencyVerdict, type Samples } from './latency-collector.ts';
import { resolveReadSamplesOptions, type ReadSamplesOptions } from './read-options.ts';

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
