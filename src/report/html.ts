/**
 * The HTML report: one self-contained page (inline CSS, inline SVG, no
 * script, no network) that a person opens from a CI artefact or a laptop.
 */
import type { Results } from '../results/index.ts';
import { FLAT_MAX_SLOPE, LINEAR_MIN_SLOPE } from '../scaling/index.ts';
import { renderCharts, type RenderedChart } from './charts.ts';
import { escapeHtml } from './escape.ts';
import { HTML_STYLE } from './html-style.ts';
import { pointTable, roofNotes, strategyHeading, verdictTable, type ReportTable } from './report-tables.ts';
import { runFacts } from './run-facts.ts';
import { scopeSvgIds } from './svg-ids.ts';
import type { TextCell } from './text-table.ts';
import { EFFICIENCY_GOOD, EFFICIENCY_IMPOSSIBLE } from './tone.ts';

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /**
   * Charts already rendered by `renderCharts(results)` for these results, so
   * a caller writing both the SVG files and the page renders them once.
   * @defaultValue rendered here
   */
  charts?: readonly RenderedChart[] | undefined;
}

/**
 * Render a run as one HTML page: title, run and machine facts, the verdict
 * table, how to read it, one T-vs-N chart per strategy (ideal dashed), the
 * combined and log-log charts, latency percentiles, and per-strategy tables.
 * Every string from the run is escaped; SVG ids are scoped per chart.
 *
 * @example await writeFile('report.html', await renderHtml(results))
 */
export async function renderHtml(results: Results, options: HtmlOptions = {}): Promise<string> {
  const charts = options.charts ?? (await renderCharts(results));
  const of = (kind: RenderedChart['kind']): RenderedChart[] => charts.filter((chart) => chart.kind === kind);
  const title = `pokebench: ${results.settings.profile.name}`;
  const verdicts = verdictTable(results);
  verdicts.columns.push({ header: 'reason', align: 'left' });
  verdicts.rows.forEach((row, i) => row.push({ text: results.strategies[i]?.scaling.reason ?? '' }));

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="subtitle">${escapeHtml(`${results.tool.name} ${results.tool.version} · ${results.createdAt}`)}</p>
</header>
<section id="run">
<h2>Run</h2>
${factsList(results)}
<details>
<summary>Profile definition</summary>
<pre>${escapeHtml(JSON.stringify(results.settings.profile.definition, null, 2) ?? 'null')}</pre>
</details>
</section>
<section id="verdicts">
<h2>Scaling verdicts</h2>
${htmlTable(verdicts, 'verdicts')}
</section>
<section id="how-to-read">
<h2>How to read this</h2>
${HOW_TO_READ}
</section>
<section id="per-strategy">
<h2>T vs N per strategy</h2>
<div class="charts">
${of('strategy').map(figure).join('\n')}
</div>
</section>
<section id="all-strategies">
<h2>All strategies</h2>
<div class="charts">
${[...of('combined'), ...of('log-log')].map(figure).join('\n')}
</div>
</section>
<section id="latency">
<h2>Per-request latency</h2>
<div class="charts">
${of('latency').map(figure).join('\n')}
</div>
</section>
<section id="tables">
<h2>Per-strategy tables</h2>
${results.strategies.map((strategy) => `<h3>${escapeHtml(strategyHeading(strategy))}</h3>\n${htmlTable(pointTable(strategy), 'points')}${roofNotes(strategy).map((note) => `\n<p class="note">${escapeHtml(note)}</p>`).join('')}`).join('\n')}
</section>
</main>
</body>
</html>
`;
}

const HOW_TO_READ = `<ul class="how">
<li><strong>T</strong> is the wall time of one fan-out of N requests; tables and lines show the median over repetitions, grey dots each repetition.</li>
<li><strong>wait</strong> is the time the delays the server actually applied allow: Σd for sequential, max d for concurrent, list scheduling on k slots for bounded(k) and workers(k), the sum of each batch's max for batched(k). The <strong>CPU roof</strong> is the client's serial CPU over the run (or all CPU over the cores); the <strong>server roof</strong> is the mock's own event-loop time, read from its admin API.</li>
<li><strong>ideal</strong> (the model, dashed) is a discrete-event simulation of the fan-out from those measurements, never from T: sends per the strategy's schedule, the server handling each request in turn, each response arriving after its delay and waiting for a free client CPU. It is never below a roof, and above both near the ridge, where responses queue for the CPU.</li>
<li><strong>roof</strong> names the largest roof: <code>wait</code> when the delays set it (a bigger pool helps), <code>cpu</code> when the client's CPU does (a cheaper client helps, a bigger pool does not), <code>server</code> when the mock's own loop does (more server workers or a lower fan-out help; it is not the client's inefficiency).</li>
<li><strong>efficiency</strong> = model ideal / measured, the same number in every table and in the matchers: 1 is as fast as the model allows; ${EFFICIENCY_GOOD} and above is shown as good. Above ${EFFICIENCY_IMPOSSIBLE} the run beat the model, which means the server did not apply its delay: a bug, not a win.</li>
<li><strong>overhead/req</strong> = (median − ideal) / N: what each request costs beyond waiting.</li>
<li><strong>slope s</strong> = b / L̄, from the line T = a + b·N fitted (Theil–Sen) to the medians, divided by the mean delay L̄. It is about <code>1</code> for sequential (one request at a time), <code>1/k</code> for a pool of k (bounded, workers; batched(k) sits a little above 1/k because each batch waits for its slowest request), and <code>0</code> for concurrent.</li>
<li><strong>verdict</strong> reads the slope's bootstrap interval, not the point: <code>flat</code> when its top is below ${FLAT_MAX_SLOPE}, <code>linear</code> when its bottom is above ${LINEAR_MIN_SLOPE}, <code>partial(1/k)</code> when it is consistent with a pool of k, otherwise <code>inconclusive</code>. More repetitions narrow a wide interval; a narrow one that sits between the rules (batched(k) often does) is a finding about the strategy, not noise.</li>
<li><strong>complexity</strong> is the best-fitting textbook class of the medians (Google Benchmark style): a name for the shape, weaker evidence than the verdict.</li>
<li><strong>spread</strong> = (max − min) / median over repetitions; a large spread with a timeout or a reset in the outcomes column is one slow request, not a slow strategy.</li>
</ul>`;

function factsList(results: Results): string {
  const items = runFacts(results).map(({ label, value }) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`);
  return `<dl class="facts">\n${items.join('\n')}\n</dl>`;
}

function htmlTable(table: ReportTable, className: string): string {
  const align = table.columns.map((column) => (column.align === 'right' ? 'num' : ''));
  const head = table.columns.map((column, i) => `<th${cls(align[i] ?? '')}>${escapeHtml(column.header)}</th>`).join('');
  const cell = (c: TextCell, i: number): string => {
    const header = table.columns[i]?.header;
    return `<td${cls(align[i] ?? '', c.tone === undefined ? '' : `tone-${c.tone}`, header === 'reason' ? 'reason' : '')}>${escapeHtml(c.text)}</td>`;
  };
  const body = table.rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('\n');
  return `<table class="${className}">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A ` class="…"` attribute of the non-empty names, or nothing. */
function cls(...names: string[]): string {
  const joined = names.filter((name) => name !== '').join(' ');
  return joined === '' ? '' : ` class="${joined}"`;
}

function figure(chart: RenderedChart): string {
  const id = `chart-${chart.name}`;
  return `<figure class="chart" id="${escapeHtml(id)}" data-chart="${escapeHtml(chart.name)}" data-kind="${escapeHtml(chart.kind)}">
${scopeSvgIds(chart.svg, id)}
<figcaption>${escapeHtml(chart.title)}</figcaption>
</figure>`;
}
