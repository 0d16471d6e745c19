/**
 * Latencies from a sample file's text, whatever its format: JSON when the
 * text starts with `[` or `{` (a HAR file when it has a `log` object),
 * CSV otherwise. Pure: text in, samples out.
 */
import { parseCsvSamples } from './csv-samples.ts';
import { SamplesInvalidError } from '../../mock-server/errors.ts';
import { isHar, parseHarSamples } from './har-samples.ts';
import { parseJsonSamples } from './json-samples.ts';
import type { Samples } from './latency-collector.ts';
import type { ReadSamplesOptions } from './read-options.ts';

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
