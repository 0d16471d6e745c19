/**
 * Latencies from CSV text: one numeric column, or a header row and a column
 * picked by name (or the only numeric one). Delimiter: a comma, else a tab,
 * else a semicolon, whichever the first row has; cells may be wrapped in
 * double quotes but may not contain the delimiter. Blank lines and lines
 * starting with `#` are ignored. Pure: text in, samples out.
 */
import { chooseColumn } from './column-choice.ts';
import { isNumeric, judgeCell, LatencyCollector, type Samples } from './latency-collector.ts';
import { resolveReadSamplesOptions, type ReadSamplesOptions } from './read-options.ts';
import { SamplesInvalidError } from '../../mock-server/errors.ts';

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
