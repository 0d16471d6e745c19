import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidReportOptionError } from '../../mock-server/errors/index.ts';
import { MIN_CHART_HEIGHT, MIN_CHART_WIDTH, renderTerminalChart } from '../../src/report/terminal-chart.ts';
import { FIXTURE_NAMES, loadFixture } from './fixtures.ts';

/** The plot rows: lines with a y-axis bar, before the x axis. */
function plotRows(chart: string): string[] {
  return chart.split('\n').filter((line) => / \|/.test(line));
}

describe('renderTerminalChart', () => {
  it('draws the fast-jitter sweep as its committed snapshot', async () => {
    await expect(renderTerminalChart(loadFixture('fast-jitter-30ms'))).toMatchFileSnapshot('./__snapshots__/terminal-chart-fast-jitter-30ms.txt');
  });

  it('has a legend naming every strategy with its own marker', () => {
    for (const name of FIXTURE_NAMES) {
      const results = loadFixture(name);
      const chart = renderTerminalChart(results);
      const markers = results.strategies.map((s) => {
        const entry = new RegExp(`(?:^|  )([A-Z0-9]) ${s.name.replace(/[()]/g, '\\$&')}(?:  |$)`, 'm').exec(chart);
        expect(entry, `legend entry of ${s.name}`).not.toBeNull();
        return entry?.[1];
      });
      expect(new Set(markers).size).toBe(results.strategies.length);
    }
  });

  it('fits every line in the width and draws exactly `height` plot rows', () =>
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURE_NAMES),
        fc.integer({ min: MIN_CHART_WIDTH, max: 160 }),
        fc.integer({ min: MIN_CHART_HEIGHT, max: 40 }),
        fc.constantFrom('linear' as const, 'log' as const),
        (name, width, height, yScale) => {
          const chart = renderTerminalChart(loadFixture(name), { width, height, yScale });
          for (const line of chart.split('\n')) {
            expect(line.length).toBeLessThanOrEqual(width);
            expect(line).toBe(line.trimEnd());
          }
          expect(plotRows(chart)).toHaveLength(height);
        },
      ),
      { numRuns: 60 },
    ));

  it('draws the largest median highest and the x axis to a tick at or past the largest N', () => {
    const results = loadFixture('fast-jitter-30ms');
    const chart = renderTerminalChart(results);
    const marked = plotRows(chart).map((row) => row.slice(row.indexOf('|') + 1).trimEnd()).filter((row) => row !== '');
    // batched(4) at N = 800 is the slowest point: the highest mark is its marker, at the right end.
    expect(marked[0]).toMatch(/A$/);
    expect(chart).toMatch(/^A batched\(4\)|  A batched\(4\)/m);
    const xLabels = chart.split('\n').find((line) => /^ +0 +\d/.test(line)) ?? '';
    const last = Number(xLabels.trim().split(/ +/).at(-1));
    expect(last).toBeGreaterThanOrEqual(Math.max(...results.strategies.flatMap((s) => s.points.map((p) => p.n))));
  });

  it('labels the log scale with powers of ten', () => {
    const chart = renderTerminalChart(loadFixture('fast-jitter-30ms'), { yScale: 'log' });
    const labels = plotRows(chart)
      .map((row) => row.split('|')[0]?.trim())
      .filter((label) => label !== '');
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (const label of labels) expect(Math.log10(Number(label)) % 1).toBe(0);
  });

  it('says there is no data instead of drawing an empty grid', () => {
    const results = loadFixture('small-ladder');
    for (const s of results.strategies) s.points = [];
    expect(renderTerminalChart(results)).toContain('(no data)');
  });

  it('rejects options out of range, naming the option', () => {
    const results = loadFixture('small-ladder');
    const option = (fn: () => unknown): unknown => {
      try {
        fn();
      } catch (err) {
        expect(err).toBeInstanceOf(InvalidReportOptionError);
        return (err as InvalidReportOptionError).option;
      }
      return undefined;
    };
    expect(option(() => renderTerminalChart(results, { width: MIN_CHART_WIDTH - 1 }))).toBe('width');
    expect(option(() => renderTerminalChart(results, { height: 7.5 }))).toBe('height');
    expect(option(() => renderTerminalChart(results, { yScale: 'cubic' as 'log' }))).toBe('yScale');
  });
});
