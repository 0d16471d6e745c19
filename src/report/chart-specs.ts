/**
 * Vega-Lite specs of the report's charts, pure data in, JSON out: T vs N per
 * strategy with the model's ideal dashed and its roofs dotted (the blog's graphs), all strategies
 * together, a log-log view, and per-request latency percentiles. Rendering
 * them to SVG is `charts.ts`'s job.
 */
import type { TopLevelSpec } from 'vega-lite';
import { type Results, type StrategyResult, verdictLabel } from '../results/index.ts';
import { formatInterval, formatSlope, slugify } from './format.ts';

/** What a chart shows; the HTML page places charts by kind. */
export type ChartKind = 'strategy' | 'combined' | 'log-log' | 'latency';

/** One chart before rendering. */
export interface ChartSpec {
  /** File-safe and unique within a run: `t-vs-n-bounded-4`, `t-vs-n-all`, `log-log`, `latency-percentiles`. */
  name: string;
  kind: ChartKind;
  /** The strategy a `strategy` chart is about; null for the others. */
  strategy: string | null;
  /** Plain-text title (also the spec's title). */
  title: string;
  spec: TopLevelSpec;
}

/** The Vega-Lite schema the specs are written against (an identifier; nothing fetches it). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

const MEASURED = 'measured (median)';
const IDEAL = 'ideal (model)';
const REPETITION = 'each repetition';
const WAIT_ROOF = 'wait roof';
const CPU_ROOF = 'CPU roof';
const SERVER_ROOF = 'server roof';
const PERCENTILES = ['p50', 'p90', 'p99'] as const;

// Fixed sizes and fonts so an SVG looks the same wherever it is opened.
const CONFIG = {
  background: 'white',
  font: 'sans-serif',
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, subtitleFontSize: 11, anchor: 'start' as const },
};

const X_N = { field: 'n', type: 'quantitative' as const, title: 'N (requests)' };

/**
 * Every chart of a run, in page order: one T-vs-N chart per strategy, the
 * combined chart, the log-log chart, the latency percentiles.
 */
export function buildChartSpecs(results: Results): ChartSpec[] {
  const names = results.strategies.map((s) => s.name);
  const slugs = new Set<string>();
  const perStrategy = results.strategies.map((strategy): ChartSpec => {
    let slug = `t-vs-n-${slugify(strategy.name)}`;
    // Names are unique but their slugs need not be (`bounded(4)` and `bounded 4`).
    for (let i = 2; slugs.has(slug) || slug === 't-vs-n-all'; i++) slug = `t-vs-n-${slugify(strategy.name)}-${i}`;
    slugs.add(slug);
    const title = `${strategy.name}: T vs N`;
    return { name: slug, kind: 'strategy', strategy: strategy.name, title, spec: strategySpec(strategy, title) };
  });
  return [
    ...perStrategy,
    { name: 't-vs-n-all', kind: 'combined', strategy: null, title: 'All strategies: T vs N', spec: combinedSpec(results, names, 'All strategies: T vs N') },
    { name: 'log-log', kind: 'log-log', strategy: null, title: 'All strategies: T vs N, log-log', spec: logLogSpec(results, names, 'All strategies: T vs N, log-log') },
    {
      name: 'latency-percentiles',
      kind: 'latency',
      strategy: null,
      title: 'Per-request latency percentiles vs N',
      spec: latencySpec(results, names, 'Per-request latency percentiles vs N'),
    },
  ];
}

function strategySpec(strategy: StrategyResult, title: string): TopLevelSpec {
  const { scaling } = strategy;
  const measured = strategy.points.map((p) => ({ n: p.n, ms: p.medianMs, series: MEASURED }));
  const ideal = strategy.points.map((p) => ({ n: p.n, ms: p.idealMs, series: IDEAL }));
  const runs = strategy.points.flatMap((p) => p.runs.map((run, i) => ({ n: p.n, ms: run.wallMs, series: REPETITION, repetition: i + 1 })));
  // The roofs explain the ideal: a measured line climbing over a flat wait roof is CPU- or server-bound, not a contradiction.
  const modelled = strategy.points.length > 0 && strategy.points.every((p) => p.model !== undefined);
  const withServer = modelled && strategy.points.some((p) => (p.model?.serverRoofMs ?? 0) > 0);
  const roofs = modelled
    ? strategy.points.flatMap((p) => [
        { n: p.n, ms: p.model!.waitMs, series: WAIT_ROOF },
        { n: p.n, ms: p.model!.cpuRoofMs, series: CPU_ROOF },
        ...(withServer ? [{ n: p.n, ms: p.model!.serverRoofMs, series: SERVER_ROOF }] : []),
      ])
    : [];
  const domain = [MEASURED, IDEAL, REPETITION, ...(modelled ? [WAIT_ROOF, CPU_ROOF] : []), ...(withServer ? [SERVER_ROOF] : [])];
  const range = ['#1f77b4', '#ff7f0e', '#9e9e9e', '#2ca02c', '#d62728', '#9467bd'].slice(0, domain.length);
  const last = strategy.points.at(-1);
  const bound = modelled && last?.model ? ` · ${last.model.binding}-bound at N = ${last.n}` : '';
  // One colour scale shared by the layers gives one legend; the ideal
  // line's dash is a mark property, not an encoding, so no second legend fights it.
  const encoding = {
    x: X_N,
    y: { field: 'ms', type: 'quantitative' as const, title: 'wall time T (ms)' },
    color: {
      field: 'series',
      type: 'nominal' as const,
      title: null,
      scale: { domain, range },
      legend: { orient: 'top-left' as const },
    },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CONFIG,
    title: {
      text: title,
      subtitle: `verdict ${verdictLabel(scaling.verdict)} · slope s = ${formatSlope(scaling.slope)} ${formatInterval(scaling.interval)} · ${scaling.complexity}${bound}`,
    },
    width: 480,
    height: 300,
    layer: [
      { data: { values: finite(runs) }, mark: { type: 'point', filled: true, size: 18, opacity: 0.45 }, encoding },
      ...(modelled ? [{ data: { values: finite(roofs) }, mark: { type: 'line' as const, strokeDash: [2, 3], strokeWidth: 1.5 }, encoding }] : []),
      { data: { values: finite(ideal) }, mark: { type: 'line', point: true, strokeDash: [6, 4] }, encoding },
      { data: { values: finite(measured) }, mark: { type: 'line', point: true }, encoding },
    ],
  };
}

function combinedSpec(results: Results, names: string[], title: string): TopLevelSpec {
  const values = results.strategies.flatMap((s) =>
    s.points.flatMap((p) => [
      { strategy: s.name, n: p.n, ms: p.medianMs, series: MEASURED },
      { strategy: s.name, n: p.n, ms: p.idealMs, series: IDEAL },
    ]),
  );
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CONFIG,
    title: { text: title, subtitle: 'solid: measured median; dashed: the model’s ideal from the delays the server applied' },
    width: 560,
    height: 340,
    data: { values: finite(values) },
    mark: { type: 'line', point: true },
    encoding: {
      x: X_N,
      y: { field: 'ms', type: 'quantitative', title: 'wall time T (ms)' },
      color: { field: 'strategy', type: 'nominal', title: 'strategy', scale: { domain: names } },
      strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: [MEASURED, IDEAL], range: [[1, 0], [6, 4]] } },
      detail: { field: 'series', type: 'nominal' },
    },
  };
}

function logLogSpec(results: Results, names: string[], title: string): TopLevelSpec {
  const values = results.strategies.flatMap((s) => s.points.map((p) => ({ strategy: s.name, n: p.n, ms: p.medianMs })));
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CONFIG,
    title: { text: title, subtitle: 'a slope of 1 on this view is linear growth; a flat line is N-independent' },
    width: 560,
    height: 340,
    data: { values: finite(values).filter((v) => v.n > 0 && v.ms > 0) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { ...X_N, scale: { type: 'log' } },
      y: { field: 'ms', type: 'quantitative', title: 'median wall time T (ms)', scale: { type: 'log' } },
      color: { field: 'strategy', type: 'nominal', title: 'strategy', scale: { domain: names } },
    },
  };
}

function latencySpec(results: Results, names: string[], title: string): TopLevelSpec {
  const values = results.strategies.flatMap((s) =>
    s.points.flatMap((p) => PERCENTILES.map((percentile) => ({ strategy: s.name, n: p.n, percentile, ms: p.latency[percentile] }))),
  );
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CONFIG,
    title: { text: title, subtitle: 'end − start of each request, over all repetitions of a point' },
    data: { values: finite(values) },
    columns: 3,
    facet: { field: 'strategy', type: 'nominal', title: null, sort: names },
    spec: {
      width: 220,
      height: 160,
      mark: { type: 'line', point: true },
      encoding: {
        x: X_N,
        y: { field: 'ms', type: 'quantitative', title: 'latency (ms)' },
        color: { field: 'percentile', type: 'nominal', title: 'percentile', scale: { domain: [...PERCENTILES] } },
      },
    },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  };
}

/** Rows whose numbers are all finite: JSON turns NaN into null, and Vega would plot it at 0. */
function finite<T extends { n: number; ms: number }>(rows: T[]): T[] {
  return rows.filter((row) => Number.isFinite(row.n) && Number.isFinite(row.ms));
}
