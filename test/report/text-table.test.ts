import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ansiPainter, layoutTable, type TextCell, type TextColumn } from '../../src/report/text-table.ts';

const word = fc.stringMatching(/^[a-z0-9.%]{0,8}$/);

describe('layoutTable', () => {
  it('starts every cell of a column at the same offset, whatever the widths', () =>
    fc.assert(
      fc.property(
        fc.array(fc.record({ header: fc.stringMatching(/^[a-z]{1,6}$/), align: fc.constantFrom('left' as const, 'right' as const) }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(word, { minLength: 5, maxLength: 5 }), { maxLength: 6 }),
        (columns: TextColumn[], texts) => {
          const rows: TextCell[][] = texts.map((row) => row.slice(0, columns.length).map((text) => ({ text })));
          const lines = layoutTable(columns, rows).split('\n');
          const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => r[i]?.text.length ?? 0)));
          lines.slice(2).forEach((line, r) => {
            let at = 0;
            columns.forEach((column, i) => {
              const text = rows[r]?.[i]?.text ?? '';
              const width = widths[i] as number;
              const slot = line.slice(at, at + width).padEnd(width);
              expect(column.align === 'right' ? slot.trimStart() : slot.trimEnd()).toBe(text);
              at += width + 2;
            });
          });
        },
      ),
    ));

  it('paints after padding, so colour never shifts a column', () => {
    const columns: TextColumn[] = [
      { header: 'verdict', align: 'left' },
      { header: 'eff', align: 'right' },
    ];
    const rows: TextCell[][] = [[{ text: 'flat', tone: 'good' }, { text: '0.95', tone: 'good' }]];
    const painted = layoutTable(columns, rows, ansiPainter);
    expect(painted.split('\n')[2]).toBe('\u001b[32mflat   \u001b[0m  \u001b[32m0.95\u001b[0m');
  });
});
