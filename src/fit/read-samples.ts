/** The fitter's only I/O: reads a sample file and hands its text to `parseSamples`. */
import { readFile } from 'node:fs/promises';
import { SamplesUnreadableError } from '../../mock-server/errors.ts';
import type { Samples } from './latency-collector.ts';
import { parseSamples } from './parse-samples.ts';
import type { ReadSamplesOptions } from './read-options.ts';

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
