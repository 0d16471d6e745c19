/** Reports of a run: the public entry of `src/report`. Every function returns text; none writes a file. */
export { renderTable } from './table.ts';
export type { TableOptions } from './table.ts';
export { renderTerminalChart, resolveTerminalChartOptions, MIN_CHART_HEIGHT, MIN_CHART_WIDTH } from './terminal-chart.ts';
export type { ResolvedTerminalChartOptions, TerminalChartOptions } from './terminal-chart.ts';
export { buildChartSpecs, VEGA_LITE_SCHEMA } from './chart-specs.ts';
export type { ChartKind, ChartSpec } from './chart-specs.ts';
export { renderCharts, renderSvg } from './charts.ts';
export type { RenderedChart } from './charts.ts';
export { renderHtml } from './html.ts';
export type { HtmlOptions } from './html.ts';
export { renderMarkdown } from './markdown.ts';
export { benchmarkName, toBencherMetricFormat, toGithubActionBenchmark } from './exports.ts';
export type { BencherMetric, BencherMetricFormat, GithubActionBenchmarkEntry } from './exports.ts';
export { buildReportFiles, jsonFile } from './write-reports.ts';
export { InvalidReportOptionError, ResultsInvalidError } from '../../mock-server/errors.ts';
export { EFFICIENCY_GOOD, EFFICIENCY_IMPOSSIBLE, EFFICIENCY_WARN, efficiencyTone, verdictTone } from './tone.ts';
export type { Tone } from './tone.ts';
