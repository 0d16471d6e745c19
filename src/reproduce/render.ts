/**
 * The reproduce report as text: Markdown (also the terminal's output) and a
 * self-contained HTML page with SVG charts. The claims first, then T at each
 * N, then the roofline that explains it, then the knobs and the payloads.
 */
import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml, HTML_STYLE, renderSvg, VEGA_LITE_SCHEMA } from '../report/index.ts';
import type { KnobRow, KnobSweep } from './knob-sweeps.ts';
import type { CoresTable } from './cores-like.ts';
import { BLOG_SPEEDUP } from './claims.ts';
import type { ReproduceReport } from './run-reproduce.ts';
import type { RooflineRow } from './roofline-rows.ts';

const ms = (x: number): string => (!Number.isFinite(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '—');

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** T at every N of the ladder, one row per client, with the roof that binds at the largest N. */
function timesTable(rows: readonly RooflineRow[], ns: readonly number[]): string {
  const clients = [...new Set(rows.map((r) => r.client))];
  const body = clients.map((client) => {
    const mine = rows.filter((r) => r.client === client);
    const last = mine.at(-1);
    return [
      client,
      ...ns.map((n) => {
        const r = mine.find((x) => x.n === n);
        return r ? `${ms(r.measuredMs)}` : '—';
      }),
      last ? `${last.binding} (N = ${last.n})` : '—',
      last ? ratio(last.efficiency) : '—',
    ];
  });
  return table(['client', ...ns.map((n) => `T ms, N=${n}`), 'binding roof', 'efficiency'], body);
}

function rooflineTable(rows: readonly RooflineRow[]): string {
  return table(
    ['client', 'N', 'measured ms', 'wait roof ms', 'CPU/req ms', 'serial roof ms', 'cores roof ms', 'server roof ms', 'model ms', 'binds', 'efficiency'],
    rows.map((r) => [
      r.client,
      String(r.n),
      ms(r.measuredMs),
      ms(r.waitRoofMs),
      r.cpuPerRequestMs.toFixed(3),
      ms(r.serialRoofMs),
      ms(r.coresRoofMs),
      ms(r.serverRoofMs),
      ms(r.idealMs),
      r.binding,
      ratio(r.efficiency),
    ]),
  );
}

function knobSection(title: string, what: string, sweep: KnobSweep, chart: string): string {
  if (sweep.kind === 'skipped') return `## ${title}\n\nSkipped: ${sweep.reason}\n`;
  const figure = `Chart: \`${chart}\` (measured points beside the model's line and its wait and CPU roofs).`;
  const rows = sweep.rows.map((r) => [r.setting === null ? 'none' : String(r.setting), String(r.n), ms(r.measuredMs), ms(r.waitRoofMs), ms(r.cpuRoofMs), ms(r.serverRoofMs), ms(r.idealMs), r.binding, ratio(r.efficiency)]);
  return `## ${title}\n\n${what} (${sweep.client}).\n\n${table([title.includes('pool') ? 'pool' : 'cap', 'N', 'measured ms', 'wait roof ms', 'CPU roof ms', 'server roof ms', 'model ms', 'binds', 'efficiency'], rows)}\n\n${figure}\n`;
}

/** The whole report as Markdown. */
export function renderReproduceMarkdown(report: ReproduceReport): string {
  const m = report.machine;
  const s = report.settings;
  const out: string[] = [];
  out.push('# pokebench reproduce: the blog\'s experiment on the mock');
  const repetition = s.thorough || s.quick
    ? `${s.repeats} repetition(s) per point`
    : `adaptive repetition (a point stops once its runs agree within 8%, or after one run that is pure waiting and within 10% of the model; at most ${s.repeats}), clients that were pure waiting with slim bodies at their smallest N only with realistic ones`;
  out.push(
    `**Setup.** ${m.cpus} cores (${m.cpuModel}), ${m.platform}/${m.arch}, Node ${m.node}, load ${m.loadAverage1m} at the start. ` +
      `Profile \`${s.profile}\`, N = ${s.ns.join(', ')} (sequential clients ${s.sequentialNs.join(', ')}), payloads ${s.payloads.join(' and ')}, ${repetition}. ` +
      `Each peer is a fresh process per run, interleaved with the Node strategies. Took ${(report.durationMs / 1000).toFixed(0)} s.`,
  );
  const busiest = Math.max(m.loadAverage1m, ...report.payloads.map((p) => p.results.machine.loadAverage1m));
  if (busiest > m.cpus) {
    out.push(
      `**Warning: a busy machine.** The load average reached ${busiest} on ${m.cpus} cores during the run: other processes took CPU from the clients, so the CPU-bound figures (asyncio, Go, Node's concurrent) measure that contention, and noisy points took up to ${s.repeats} runs. Rerun on a quiet machine before quoting them.`,
    );
  }
  out.push('## Results');
  for (const c of report.claims) out.push(claimParagraph(c, report));
  if (report.cores) out.push(coresSection(report.cores));
  for (const p of report.payloads) {
    const ns = [...new Set(p.roofline.map((r) => r.n))].toSorted((a, b) => a - b);
    out.push(`## T(N), ${p.payload} payload\n\nMedian makespan per client; each peer a fresh process per run, interleaved with the Node strategies.\n\n${timesTable(p.roofline, ns)}`);
    const failed = p.results.strategies.filter((st) => st.failures?.length);
    if (failed.length) out.push(failed.map((st) => `- ${st.name}: ${st.failures?.length} run(s) failed: ${st.failures?.[0]?.reason}: ${st.failures?.[0]?.message}`).join('\n'));
  }
  out.push(
    '## Why: the model, measured\n\nThree roofs bound T(N). The *wait* roof is the strategy\'s makespan over the delays the server applied (sequential: Σd; a pool of k: list scheduling on k; concurrent: max d). The *CPU* roof is the larger of two measured bounds: the *serial* roof, the client\'s work that must happen in turn (a Node strategy\'s event-loop busy time; a peer\'s own CPU spread over the threads that can spend it: one under a GIL, the cores for Go), and the *cores* roof, all the CPU the run cost the machine (client and mock) over its cores. The *server* roof is the mock\'s own event-loop busy time, read from its admin API (it runs in a process of its own). The model\'s ideal is a discrete-event simulation of the fan-out from those measurements (never from T): requests sent per the strategy\'s schedule, the server handling each in turn, each response arriving after its delay and waiting for a free client CPU. Near the ridge, responses that arrive while the client is busy queue, so the ideal sits above both roofs there. efficiency = model / measured, the same number as in `run`\'s tables. When the server roof binds, the mock sets the slope: give it more server workers or lower the fan-out; it is not the client\'s inefficiency.',
  );
  for (const p of report.payloads) out.push(`### ${p.payload} payload\n\n${rooflineTable(p.roofline)}`);
  out.push(knobSection('httpx pool size', 'py-asyncio with httpx `Limits(max_connections=pool)`: the slope follows L̄/pool until it meets the CPU roof N·c', report.poolSweep, POOL_CHART));
  out.push(knobSection('Server concurrency cap', 'The mock serving at most c requests at once: any client becomes a pool of c, T ≈ ⌈N/c⌉·L̄', report.capSweep, CAP_CHART));
  if (report.payloadEffect.length) {
    out.push(
      `## What realistic payloads add\n\nCPU per request (JSON parsing and reading ~120 KB bodies instead of ~5 KB) and time, at the largest N both payloads measured.\n\n${table(
        ['client', 'N', 'CPU/req slim ms', 'CPU/req realistic ms', 'T slim ms', 'T realistic ms'],
        report.payloadEffect.map((r) => [r.client, String(r.n), r.slimCpuMs.toFixed(3), r.realisticCpuMs.toFixed(3), ms(r.slimMs), ms(r.realisticMs)]),
      )}`,
    );
  }
  const setup = report.payloads[0]?.results.strategies.filter((st) => st.points.some((p) => p.runs.some((r) => r.connectionsOpened !== null)));
  if (setup?.length) {
    out.push(
      `## Connection setup\n\nSockets each Node client opened per run (a cold fan-out pays one connect per concurrent request; the CPU per request above includes it).\n\n${table(
        ['client', 'N', 'connections opened'],
        setup.flatMap((st) => st.points.map((p) => [st.name, String(p.n), String(p.runs[0]?.connectionsOpened ?? '—')])),
      )}`,
    );
  }
  out.push(`**How to rerun.** \`${report.rerun}\` (add \`--thorough\` for the full grid, \`--quick\` for a one-minute smoke run); the measurements are in \`reproduce.json\`.`);
  return `${out.join('\n\n')}\n`;
}

/** One claim as a results paragraph: what was claimed, what was measured where, the cause, the rule. */
function claimParagraph(c: ReproduceReport['claims'][number], report: ReproduceReport): string {
  const slim = report.payloads.find((p) => p.payload === 'slim') ?? report.payloads[0];
  const client = c.id === 'go-flat' ? 'go-goroutines' : 'py-asyncio';
  const last = slim?.roofline.filter((r) => r.client === client).at(-1);
  const roof = last
    ? ` The binding roof of ${client} at N = ${last.n} is the ${last.binding === 'cpu' ? `CPU roof (${ms(last.cpuRoofMs)} ms against a wait roof of ${ms(last.waitRoofMs)} ms)` : `wait roof (${ms(last.waitRoofMs)} ms against a CPU roof of ${ms(last.cpuRoofMs)} ms)`}, efficiency ${ratio(last.efficiency)}.`
    : '';
  const machine = `${report.machine.cpus} cores, ${report.settings.profile}, slim bodies`;
  const cores = c.id === 'speedup' && report.cores && 'rows' in report.cores && report.cores.closest
    ? ` On the emulated machine closest to the blog's, ${report.cores.closest.sentence}: **${report.cores.closest.status}** there (the cores table below).`
    : '';
  return `**${c.claim}: ${c.status} on this machine.** Measured (${machine}): ${c.evidence}${roof}${cores} _Rule: ${c.rule}._`;
}

/** The cores table, with what it emulates and what it extrapolates. */
function coresSection(cores: CoresTable | { skipped: string }): string {
  if ('skipped' in cores) return `### The blog's machine, emulated\n\nSkipped: ${cores.skipped}.`;
  const rows = cores.rows.map((r) => [
    `${r.cores}${r.own ? ' (this machine)' : ''}`,
    String(r.workers),
    `${r.prediction.speedup.toFixed(1)}×`,
    Number.isFinite(r.measuredSpeedup) ? `${r.measuredSpeedup.toFixed(1)}×` : '—',
    Number.isFinite(r.error) ? `${(r.error * 100).toFixed(0)}%` : '—',
    ms(r.threadPoolMs),
    ms(r.asyncioMs),
  ]);
  const closest = cores.closest
    ? `Closest to the blog's ${BLOG_SPEEDUP}×: ${cores.closest.sentence}. **${cores.closest.status}.**`
    : 'No row was measured.';
  return [
    `### The blog's machine, emulated`,
    `Python's \`ThreadPoolExecutor()\` picks min(32, cores + 4) workers, so the speed-up depends on the machine. Each row runs the thread-pool peer here with the workers a machine of that many cores would give it (\`POKEBENCH_WORKERS\`), at N = ${cores.n}, beside asyncio as measured in the main sweep. ` +
      `**Emulated:** the pool size. **Not emulated:** a bigger machine's CPU: asyncio's time is this machine's, and the model's prediction extrapolates asyncio's CPU roof N·c with the c measured here (${cores.asyncioCpuMs.toFixed(2)} ms per request, L̄ = ${cores.latencyMs.toFixed(0)} ms); a faster core would lower c and raise the speed-up.`,
    table(['cores', 'workers', 'predicted speed-up', 'measured speed-up', '|measured/predicted − 1|', 'thread pool ms', 'asyncio ms'], rows),
    closest,
  ].join('\n\n');
}

function knobSpec(sweep: KnobSweep, title: string, x: string): TopLevelSpec | undefined {
  if (sweep.kind === 'skipped') return undefined;
  const settingOf = (r: KnobRow) => (r.setting === null ? 'none' : String(r.setting));
  const model = sweep.rows.flatMap((r) => [
    { setting: settingOf(r), ms: r.idealMs, series: 'model' },
    { setting: settingOf(r), ms: r.waitRoofMs, series: 'wait roof' },
    { setting: settingOf(r), ms: r.cpuRoofMs, series: 'CPU roof' },
  ]);
  const measured = sweep.rows.map((r) => ({ setting: settingOf(r), ms: r.measuredMs, series: 'measured' }));
  const xEnc = { field: 'setting', type: 'ordinal', title: x, sort: null } as const;
  const yEnc = { field: 'ms', type: 'quantitative', title: 'T (ms)', scale: { type: 'log' } } as const;
  const color = { field: 'series', type: 'nominal', title: null } as const;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    width: 520,
    height: 260,
    layer: [
      { data: { values: model }, mark: { type: 'line', strokeDash: [6, 3] }, encoding: { x: xEnc, y: yEnc, color } },
      { data: { values: measured }, mark: { type: 'point', filled: true, size: 70 }, encoding: { x: xEnc, y: yEnc, color } },
    ],
  };
}

function timesSpec(rows: readonly RooflineRow[], title: string): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    width: 520,
    height: 300,
    data: { values: rows.map((r) => ({ client: r.client, n: r.n, ms: r.measuredMs })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'n', type: 'quantitative', title: 'N (requests)', scale: { type: 'log' } },
      y: { field: 'ms', type: 'quantitative', title: 'median T (ms)', scale: { type: 'log' } },
      color: { field: 'client', type: 'nominal' },
    },
  };
}

/** The report's charts as standalone SVG files, by file name (the HTML page embeds the same). */
export async function renderReproduceCharts(report: ReproduceReport): Promise<Record<string, string>> {
  const charts: Record<string, string> = {};
  for (const p of report.payloads) charts[`chart-t-vs-n-${p.payload}.svg`] = await renderSvg(timesSpec(p.roofline, `T vs N, ${p.payload} payload (log-log)`));
  for (const [name, sweep, title, x] of [
    [POOL_CHART, report.poolSweep, 'py-asyncio: T vs httpx pool size, measured and the model', 'max_connections'],
    [CAP_CHART, report.capSweep, 'Node concurrent: T vs the server concurrency cap, measured and the model', 'server cap c'],
  ] as const) {
    const spec = knobSpec(sweep, title, x);
    if (spec) charts[name] = await renderSvg(spec);
  }
  return charts;
}

const POOL_CHART = 'chart-pool-size.svg';
const CAP_CHART = 'chart-server-cap.svg';

/**
 * A self-contained HTML page: the Markdown's content as tables, and SVG
 * charts (pass those of {@link renderReproduceCharts} to render them once).
 */
export async function renderReproduceHtml(report: ReproduceReport, svgs?: Record<string, string>): Promise<string> {
  const charts = Object.values(svgs ?? (await renderReproduceCharts(report)));
  const body = markdownToHtml(renderReproduceMarkdown(report));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pokebench reproduce</title><style>${HTML_STYLE}</style></head>
<body><main>
${body}
<h2>Charts</h2>
${charts.map((svg) => `<figure>${svg}</figure>`).join('\n')}
</main></body></html>
`;
}

/** Just enough Markdown for this report: headings, paragraphs, bullet lists, pipe tables, bold, italics, code. */
function markdownToHtml(markdown: string): string {
  const inline = (text: string) =>
    escapeHtml(text)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/`(.+?)`/g, '<code>$1</code>')
      .replace(/(^|\s)_(.+?)_(?=\s|$|\.)/g, '$1<em>$2</em>');
  return markdown
    .split(/\n{2,}/)
    .map((block) => {
      const heading = /^(#{1,3}) (.*)$/.exec(block);
      if (heading) return `<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`;
      if (block.startsWith('|')) {
        const lines = block.split('\n').filter((_line, i) => i !== 1);
        const cells = (line: string) => line.slice(1, -1).split(' | ').map((c) => c.trim());
        const [head, ...rows] = lines;
        return `<table><thead><tr>${cells(head ?? '').map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${cells(r).map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
      }
      if (block.startsWith('- ')) return `<ul>${block.split(/\n(?=- )/).map((item) => `<li>${inline(item.slice(2))}</li>`).join('')}</ul>`;
      return `<p>${inline(block)}</p>`;
    })
    .join('\n');
}
