/**
 * The report's charts as standalone SVG, rendered in Node by Vega with no
 * canvas and no network (Vega-Lite spec → Vega spec → headless View → SVG).
 * PNG is deliberately not offered: it would need a canvas dependency.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Results } from '../results/index.ts';
import { buildChartSpecs, type ChartKind } from './chart-specs.ts';

/** One rendered chart. */
export interface RenderedChart {
  /** File-safe unique name (`chart-<name>.svg` on disk). */
  name: string;
  kind: ChartKind;
  /** The strategy of a per-strategy chart; null otherwise. */
  strategy: string | null;
  title: string;
  /** A complete `<svg …>…</svg>` document; text is escaped by Vega. */
  svg: string;
  /** The Vega-Lite spec it was rendered from, for anyone who wants to restyle it. */
  spec: TopLevelSpec;
}

/**
 * Render one Vega-Lite spec to an SVG string, headless.
 *
 * @example const svg = await renderSvg({ mark: 'point', data: { values: [{ x: 1 }] }, encoding: { x: { field: 'x', type: 'quantitative' } } })
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded on first use: Vega is the heaviest dependency, and one of its modules awaits at top level,
  // which would stop `require('pokebench')` and slow every import of the kit that draws no chart.
  const [{ parse, View }, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Every chart of a run as SVG, in page order: T vs N for each strategy with
 * the model's ideal dashed, all strategies together, log-log, and the
 * per-request latency percentiles (p50/p90/p99 vs N, one panel per strategy).
 * Charts render one after another: Vega is CPU-bound, parallelism buys nothing.
 */
export async function renderCharts(results: Results): Promise<RenderedChart[]> {
  const rendered: RenderedChart[] = [];
  for (const chart of buildChartSpecs(results)) rendered.push({ ...chart, svg: await renderSvg(chart.spec) });
  return rendered;
}
