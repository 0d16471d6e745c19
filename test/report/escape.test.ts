import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown } from '../../src/report/escape.ts';

const unescapeHtml = (text: string): string =>
  text.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] as string);

describe('escapeHtml', () => {
  it('leaves no markup character and loses nothing (unescaping gives the input back)', () =>
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(unescapeHtml(escaped)).toBe(text);
      }),
    ));
});

describe('escapeMarkdown', () => {
  it('keeps any text inside one table cell: no bare |, no tag, no line break', () =>
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
        const escaped = escapeMarkdown(text);
        expect(escaped).not.toMatch(/(^|[^\\])(\\\\)*\|/);
        expect(escaped).not.toMatch(/[<>\n]/);
      }),
    ));

  it('leaves the characters of ordinary names and intervals alone', () => {
    expect(escapeMarkdown('bounded(4) [0.250, 0.261] O(N log N)')).toBe('bounded(4) [0.250, 0.261] O(N log N)');
    expect(escapeMarkdown('a_b*c`d')).toBe('a\\_b\\*c\\`d');
    expect(escapeMarkdown('[x](javascript:alert(1))')).toBe('[x\\](javascript:alert(1))');
  });
});
