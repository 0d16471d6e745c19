import { beforeAll, describe, expect, it } from 'vitest';
import { buildChartSpecs } from '../../src/report/chart-specs.ts';
import { toBencherMetricFormat, toGithubActionBenchmark } from '../../src/report/exports.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { buildReportFiles } from '../../src/report/write-reports.ts';
import { loadFixture } from './fixtures.ts';

const results = loadFixture('small-ladder');
let files: Record<string, string> = {};

beforeAll(async () => {
  files = await buildReportFiles(results);
});

describe('buildReportFiles', () => {
  it('returns exactly the report files, one SVG per chart', () => {
    const charts = buildChartSpecs(results).map((c) => `chart-${c.name}.svg`);
    expect(Object.keys(files).toSorted()).toEqual(
      ['results.json', 'report.html', 'summary.md', 'github-action-benchmark.json', 'bencher.json', ...charts].toSorted(),
    );
    for (const chart of charts) expect(files[chart]?.startsWith('<svg')).toBe(true);
  });

  it('writes results.json that reads back as the same results', () => {
    expect(JSON.parse(files['results.json'] as string)).toEqual(results);
  });

  it('writes the same summary and exports the renderers return', () => {
    expect(files['summary.md']).toBe(renderMarkdown(results));
    expect(JSON.parse(files['github-action-benchmark.json'] as string)).toEqual(toGithubActionBenchmark(results));
    expect(JSON.parse(files['bencher.json'] as string)).toEqual(toBencherMetricFormat(results));
  });

  it('embeds in the page the very charts it writes as files', () => {
    const html = files['report.html'] as string;
    for (const chart of buildChartSpecs(results)) {
      expect(html).toContain(`data-chart="${chart.name}"`);
      const svg = (files[`chart-${chart.name}.svg`] as string).trim();
      // The page's copy differs only by scoped ids; compare the text content.
      const text = (s: string): string[] => [...s.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
      const figure = html.slice(html.indexOf(`data-chart="${chart.name}"`), html.indexOf('</figure>', html.indexOf(`data-chart="${chart.name}"`)));
      expect(text(figure)).toEqual(text(svg));
    }
  });
});
