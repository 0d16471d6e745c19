/**
 * Latencies from a parsed JSON array: an array of numbers, or an array of
 * objects whose `--column` field (or only numeric field) holds the latency.
 * Pure: a parsed value in, samples out.
 */
import { chooseColumn } from './column-choice.ts';
import { SamplesInvalidError } from '../../mock-server/errors.ts';
import { judgeValue, LatencyCollector, type Samples } from './latency-collector.ts';
import { resolveReadSamplesOptions, type ReadSamplesOptions } from './read-options.ts';

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
