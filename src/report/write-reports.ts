/**
 * Every report file of a run, as a map from file name to content. Building
 * them is pure; writing them is the CLI's job (it owns the directory and the
 * process), so tests and other callers get the same bytes without a disk.
 */
import type { Results } from '../results/index.ts';
import { renderCharts } from './charts.ts';
import { toBencherMetricFormat, toGithubActionBenchmark } from './exports.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';

/**
 * Build `results.json`, `report.html`, `summary.md`, one `chart-<name>.svg`
 * per chart, `github-action-benchmark.json` and `bencher.json`. File names
 * are relative and flat; charts render once and serve both the SVG files and
 * the page.
 *
 * @example
 * for (const [name, content] of Object.entries(await buildReportFiles(results))) {
 *   await writeFile(join(outDir, name), content);
 * }
 */
export async function buildReportFiles(results: Results): Promise<Record<string, string>> {
  const charts = await renderCharts(results);
  const files: Record<string, string> = {
    'results.json': jsonFile(results),
    'report.html': await renderHtml(results, { charts }),
    'summary.md': renderMarkdown(results),
  };
  for (const chart of charts) files[`chart-${chart.name}.svg`] = `${chart.svg}\n`;
  files['github-action-benchmark.json'] = jsonFile(toGithubActionBenchmark(results));
  files['bencher.json'] = jsonFile(toBencherMetricFormat(results));
  return files;
}

/** A value as a JSON report file: pretty-printed, a final newline. */
export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
