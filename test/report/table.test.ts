import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/report/table.ts';
import { FIXTURE_NAMES, loadFixture } from './fixtures.ts';

const ESC = '\u001b[';
const stripAnsi = (text: string): string => ['32m', '33m', '31m', '35m', '0m'].reduce((t, code) => t.replaceAll(`${ESC}${code}`, ''), text);

/** The tables of a rendering: each block whose second line is a `---` rule. */
function tables(text: string): { rule: string; lines: string[] }[] {
  return text
    .split('\n\n')
    .map((block) => block.split('\n'))
    .flatMap((lines) => {
      const at = lines.findIndex((line) => /^-+( +-+)*$/.test(line));
      return at < 1 ? [] : [{ rule: lines[at] as string, lines: [lines[at - 1] as string, ...lines.slice(at + 1).filter((l) => l !== '' && !l.includes(': '))] }];
    });
}

describe('renderTable', () => {
  it.each(FIXTURE_NAMES)('renders results-%s.json as its committed snapshot', async (name) => {
    await expect(renderTable(loadFixture(name))).toMatchFileSnapshot(`./__snapshots__/table-${name}.txt`);
  });

  it('writes no escape codes unless colour is asked for', () => {
    for (const name of FIXTURE_NAMES) expect(renderTable(loadFixture(name))).not.toContain(ESC);
  });

  it('colours verdicts and efficiencies without moving a single character', () => {
    const results = loadFixture('flaky-realistic');
    const coloured = renderTable(results, { color: true });
    expect(coloured).toContain(`${ESC}32mflat`);
    expect(coloured).toContain(`${ESC}31mlinear`);
    expect(coloured).toContain(`${ESC}33mpartial(1/4)`);
    expect(coloured).toContain(`${ESC}35minconclusive`);
    expect(stripAnsi(coloured)).toBe(renderTable(results));
  });

  it('ends every right-aligned cell at its column edge, in every table', () => {
    for (const name of FIXTURE_NAMES) {
      const found = tables(renderTable(loadFixture(name)));
      expect(found.length).toBe(loadFixture(name).strategies.length + 1);
      for (const { rule, lines } of found) {
        const edges = [...rule.matchAll(/-+/g)].map((m) => (m.index ?? 0) + m[0].length);
        for (const line of lines) {
          // The first column of every table holds a value in every row: N or the strategy name.
          expect(line.length).toBeGreaterThan(0);
          for (const edge of edges) if (line.length > edge) expect(line[edge]).toBe(' ');
        }
      }
    }
  });

  it('adds the outcomes column only where some request did not end ok', () => {
    expect(renderTable(loadFixture('fast-jitter-30ms'))).not.toContain('outcomes');
    const flaky = renderTable(loadFixture('flaky-realistic'));
    expect(flaky).toContain('outcomes');
    expect(flaky).toMatch(/ok \d+, http-error \d+/);
    expect(flaky).toContain('all ok');
  });

  it('states the reason of each inconclusive verdict under the verdict table', () => {
    const results = loadFixture('flaky-realistic');
    const inconclusive = results.strategies.filter((s) => s.scaling.verdict.class === 'inconclusive');
    expect(inconclusive.length).toBeGreaterThan(0);
    for (const s of inconclusive) expect(renderTable(results)).toContain(`${s.name}: ${s.scaling.reason}`);
  });

  it('prints each point’s median from the results, not a recomputed one', () => {
    const results = loadFixture('small-ladder');
    const strategy = results.strategies[0];
    if (strategy === undefined) throw new Error('fixture has no strategy');
    (strategy.points[0] as { medianMs: number }).medianMs = 12345.4;
    expect(renderTable(results)).toMatch(/^ +1 +12345 /m);
  });
});
