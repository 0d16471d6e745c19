/**
 * Which column of a table (CSV columns, JSON object fields) holds the
 * latencies: the one named, else the only numeric one, else an error that
 * lists the columns.
 */
import { SamplesInvalidError } from '../../mock-server/errors.ts';

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
