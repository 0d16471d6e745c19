import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { FIXTURE_NAMES, loadFixture } from './fixtures.ts';

describe('renderMarkdown', () => {
  it.each(FIXTURE_NAMES)('renders results-%s.json as its committed snapshot', async (name) => {
    await expect(renderMarkdown(loadFixture(name))).toMatchFileSnapshot(`./__snapshots__/summary-${name}.md`);
  });

  it('gives the same bytes for the same results, with no date but createdAt', () => {
    for (const name of FIXTURE_NAMES) {
      const results = loadFixture(name);
      const text = renderMarkdown(results);
      expect(renderMarkdown(loadFixture(name))).toBe(text);
      const dates = text.match(/\d{4}-\d{2}-\d{2}T[\d:.]+Z?/g) ?? [];
      expect(dates).toEqual(dates.map(() => results.createdAt));
    }
  });

  it('has a verdict row per strategy and a folded table per strategy with a row per N', () => {
    const results = loadFixture('fast-jitter-30ms');
    const text = renderMarkdown(results);
    for (const s of results.strategies) {
      expect(text).toContain(`| ${s.name} | ${s.scaling.slope.toFixed(3)} |`);
      const folded = text.slice(text.indexOf(`<summary>${s.name} `));
      const table = folded.slice(0, folded.indexOf('</details>'));
      expect(table.split('\n').filter((line) => /^\| \d+ \|/.test(line))).toHaveLength(s.points.length);
    }
    // A blank line after <summary> and before </details>, or GitHub renders the table as text.
    expect(text).not.toMatch(/<\/summary>\n\|/);
    expect(text).not.toMatch(/\|\n<\/details>/);
  });

  it('keeps a hostile strategy name inside its cell and out of the HTML', () => {
    const results = loadFixture('small-ladder');
    (results.strategies[0] as { name: string }).name = 'evil|name <img src=x>\nnext';
    const text = renderMarkdown(results);
    const row = text.split('\n').find((line) => line.startsWith('| evil')) ?? '';
    expect(row).toBe('| evil\\|name &lt;img src=x&gt; next | 1.003 | [0.996, 1.010] | inconclusive | O(N) | 1.000 |');
    expect(text).not.toContain('<img');
  });
});
