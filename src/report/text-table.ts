/**
 * Plain-text tables with aligned columns, for terminals and logs. Widths are
 * measured on the plain text, and colour (if any) is applied after padding,
 * so a coloured table lines up exactly like an uncoloured one.
 */
import type { Tone } from './tone.ts';

/** One cell: its text, and optionally a tone to paint it with. */
export interface TextCell {
  text: string;
  tone?: Tone | undefined;
}

/** A column: header text and which side its cells hug. */
export interface TextColumn {
  header: string;
  align: 'left' | 'right';
}

/** Paints already-padded text in a tone (identity when colour is off). */
export type Painter = (text: string, tone: Tone | undefined) => string;

const ANSI: Record<Tone, string> = { good: '\u001b[32m', warn: '\u001b[33m', bad: '\u001b[31m', unknown: '\u001b[35m' };
const RESET = '\u001b[0m';

/** A {@link Painter} with ANSI colours: green good, yellow warn, red bad, magenta unknown. */
export const ansiPainter: Painter = (text, tone) => (tone === undefined ? text : `${ANSI[tone]}${text}${RESET}`);

/** The {@link Painter} that leaves text as it is. */
export const plainPainter: Painter = (text) => text;

/**
 * Lay out a header row, a rule and the rows, columns separated by two spaces,
 * trailing spaces trimmed. Every line has the same width before trimming.
 *
 * @example layoutTable([{ header: 'N', align: 'right' }], [[{ text: '100' }]]) // '  N\n---\n100'
 */
export function layoutTable(columns: readonly TextColumn[], rows: readonly (readonly TextCell[])[], paint: Painter = plainPainter): string {
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => (row[i]?.text ?? '').length)));
  const line = (cells: readonly TextCell[]): string =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? { text: '' };
        const width = widths[i] as number;
        const last = i === columns.length - 1;
        // The last column is not padded on the right, so a painted line and a
        // plain one trim to the same text.
        const padded = column.align === 'right' ? cell.text.padStart(width) : last ? cell.text : cell.text.padEnd(width);
        return cell.text === '' ? padded : paint(padded, cell.tone);
      })
      .join('  ')
      .trimEnd();
  const header = line(columns.map((column) => ({ text: column.header })));
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [header, rule, ...rows.map(line)].join('\n');
}
