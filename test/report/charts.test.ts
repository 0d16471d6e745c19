import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildChartSpecs } from '../../src/report/chart-specs.ts';
import { renderCharts, type RenderedChart } from '../../src/report/charts.ts';
import { slugify } from '../../src/report/format.ts';
import type { Results } from '../../src/results/types.ts';
import { FIXTURE_NAMES, loadFixture } from './fixtures.ts';

// Vega rendering is the slow part: every fixture renders once, here.
const rendered = new Map<string, { results: Results; charts: RenderedChart[] }>();
const warn = vi.spyOn(console, 'warn');

beforeAll(async () => {
  for (const name of FIXTURE_NAMES) {
    const results = loadFixture(name);
    rendered.set(name, { results, charts: await renderCharts(results) });
  }
});

afterAll(() => {
  warn.mockRestore();
});

function get(name: string): { results: Results; charts: RenderedChart[] } {
  const entry = rendered.get(name);
  if (entry === undefined) throw new Error(`fixture ${name} was not rendered`);
  return entry;
}

describe('renderCharts', () => {
  it.each(FIXTURE_NAMES)('renders a T-vs-N chart per strategy of results-%s.json, then combined, log-log and latency', (name) => {
    const { results, charts } = get(name);
    expect(charts.map((c) => c.name)).toEqual([
      ...results.strategies.map((s) => `t-vs-n-${slugify(s.name)}`),
      't-vs-n-all',
      'log-log',
      'latency-percentiles',
    ]);
    expect(charts.filter((c) => c.kind === 'strategy').map((c) => c.strategy)).toEqual(results.strategies.map((s) => s.name));
  });

  it.each(FIXTURE_NAMES)('gives complete, self-contained SVG for results-%s.json', (name) => {
    for (const { svg, title } of get(name).charts) {
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
      expect(svg).toContain(`>${title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</text>`);
      const urls = svg.match(/https?:\/\/[^"'\s)]+/g) ?? [];
      expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
      expect(svg).not.toMatch(/<image|<script|href="http/);
    }
  });

  it('compiled every spec without a Vega-Lite warning', () => {
    expect(warn).not.toHaveBeenCalled();
  });

  it('plots each strategy’s medians solid and its ideal dashed, from the results', () => {
    const { results, charts } = get('fast-jitter-30ms');
    const strategy = results.strategies[2] as Results['strategies'][number];
    const spec = charts.find((c) => c.strategy === strategy.name)?.spec as unknown as {
      layer: { mark: { type: string; strokeDash?: number[] }; data: { values: { n: number; ms: number }[] } }[];
    };
    const dashed = spec.layer.filter((l) => l.mark.type === 'line' && l.mark.strokeDash !== undefined);
    const solid = spec.layer.filter((l) => l.mark.type === 'line' && l.mark.strokeDash === undefined);
    expect(dashed).toHaveLength(1);
    expect(solid).toHaveLength(1);
    expect(dashed[0]?.data.values.map(({ n, ms }) => [n, ms])).toEqual(strategy.points.map((p) => [p.n, p.idealMs]));
    expect(solid[0]?.data.values.map(({ n, ms }) => [n, ms])).toEqual(strategy.points.map((p) => [p.n, p.medianMs]));
  });

  it('draws p50, p90 and p99 for every strategy in the latency chart', () => {
    const { results, charts } = get('flaky-realistic');
    const spec = charts.find((c) => c.kind === 'latency')?.spec as unknown as { data: { values: { strategy: string; percentile: string; ms: number }[] } };
    for (const s of results.strategies) {
      for (const percentile of ['p50', 'p90', 'p99'] as const) {
        expect(spec.data.values.filter((v) => v.strategy === s.name && v.percentile === percentile).map((v) => v.ms)).toEqual(s.points.map((p) => p.latency[percentile]));
      }
    }
  });
});

describe('buildChartSpecs', () => {
  it('keeps chart names unique when two strategy names slug alike', () => {
    const results = loadFixture('small-ladder');
    (results.strategies[0] as { name: string }).name = 'bounded 16';
    const names = buildChartSpecs(results).map((c) => c.name);
    expect(names.slice(0, 2)).toEqual(['t-vs-n-bounded-16', 't-vs-n-bounded-16-2']);
    expect(new Set(names).size).toBe(names.length);
  });

  it('leaves non-finite values out of the plotted data rather than plotting them at 0', () => {
    const results = loadFixture('small-ladder');
    const strategy = results.strategies[0] as Results['strategies'][number];
    (strategy.points[1] as { medianMs: number }).medianMs = Number.NaN;
    const spec = buildChartSpecs(results)[0]?.spec as unknown as { layer: { data: { values: { ms: number }[] } }[] };
    for (const layer of spec.layer) for (const v of layer.data.values) expect(Number.isFinite(v.ms)).toBe(true);
  });
});

describe('the model on the T-vs-N charts', () => {
  it('draws the wait and CPU roofs beside the ideal, and says which binds, when the points carry the model', () => {
    const results = loadFixture('child-mock');
    const concurrent = buildChartSpecs(results).find((c) => c.strategy === 'concurrent')!;
    const json = JSON.stringify(concurrent.spec);
    for (const series of ['ideal (model)', 'wait roof', 'CPU roof']) expect(json).toContain(series);
    const last = results.strategies.find((s) => s.name === 'concurrent')!.points.at(-1)!;
    expect(json).toContain(`${last.model!.binding}-bound at N = ${last.n}`);
    const { charts } = get('child-mock');
    expect(charts.find((c) => c.strategy === 'concurrent')!.svg).toContain('CPU roof');
  });

  it('leaves a file written before the model as it was: no roofs', () => {
    const json = JSON.stringify(buildChartSpecs(loadFixture('fast-jitter-30ms')).map((c) => c.spec));
    expect(json).not.toContain('CPU roof');
  });
});
