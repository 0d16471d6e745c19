/**
 * The two tables every report shows, as cells: one row per N of a strategy,
 * and one row per strategy with its verdict. The terminal, Markdown and HTML
 * renderers lay the same cells out, so the three never disagree.
 */
import { type PointResult, type Results, type StrategyResult, verdictLabel } from '../results/index.ts';
import { median } from '../stats/index.ts';
import { allOk, formatCounts, formatInterval, formatMs, formatPercent, formatRatio, formatSlope, formatSmallMs, NOT_AVAILABLE } from './format.ts';
import { roofFix } from '../model/index.ts';
import type { TextCell, TextColumn } from './text-table.ts';
import { efficiencyTone, verdictTone } from './tone.ts';

/** Columns and rows of one table. */
export interface ReportTable {
  columns: TextColumn[];
  rows: TextCell[][];
}

/**
 * Which roof binds at a point (docs/design.md "The model"): the
 * model's, when the point has one (`server` when the mock's own event loop
 * sets the time). A file written before the model: `cpu` when the
 * client's serial work over the run (median over repetitions) reaches the
 * ideal time, else `wait`. The serial work is the event loop's busy time when
 * the run measured it (a main-thread strategy: its process CPU also counts GC
 * threads running beside the loop), else the client's CPU. Read this way it
 * holds whether `idealMs` is the wait roof alone (CPU binds when it exceeds
 * it) or the roofline max(wait, N·c) (CPU binds when it equals it). `n/a`
 * without repetitions.
 */
export function bindingRoof(point: PointResult, kind?: StrategyResult['kind']): 'cpu' | 'wait' | 'server' | 'n/a' {
  if (point.runs.length === 0) return 'n/a';
  if (point.model) return point.model.binding;
  const serial = point.runs.map((run) => (kind !== 'workers' && typeof run.loopActiveMs === 'number' && Number.isFinite(run.loopActiveMs) ? run.loopActiveMs : run.cpuMs));
  return median(serial) >= median(point.runs.map((run) => run.idealMs)) ? 'cpu' : 'wait';
}

/**
 * One row per N: median wall time, spread, the model's roofs (wait, client
 * CPU, server) and its ideal, the roof that binds, efficiency = model ideal /
 * median, overhead per request, the client's and the mock's CPU, per-request
 * p99, and the outcome counts when any request of the strategy did not end
 * `ok` (the column is left out otherwise). A file written before the model
 * shows its ideal (the wait roof) alone.
 */
export function pointTable(strategy: StrategyResult): ReportTable {
  const withOutcomes = strategy.points.some((point) => !allOk(point.counts));
  const modelled = strategy.points.length > 0 && strategy.points.every((point) => point.model !== undefined);
  const column = (header: string, align: TextColumn['align'] = 'right'): TextColumn => ({ header, align });
  const columns: TextColumn[] = [
    column('N'),
    column('median ms'),
    column('spread'),
    ...(modelled ? [column('wait ms'), column('CPU roof ms'), column('server roof ms'), column('model ms')] : [column('ideal ms')]),
    column('roof', 'left'),
    column('efficiency'),
    column('overhead/req ms'),
    ...(modelled ? [column('CPU ms client / mock')] : []),
    column('req p99 ms'),
    ...(withOutcomes ? [column('outcomes', 'left')] : []),
  ];
  const rows = strategy.points.map((point): TextCell[] => [
    { text: String(point.n) },
    { text: formatMs(point.medianMs) },
    { text: formatPercent(point.spread) },
    ...(modelled && point.model
      ? [{ text: formatMs(point.model.waitMs) }, { text: formatMs(point.model.cpuRoofMs) }, { text: serverRoofText(point) }, { text: formatMs(point.idealMs) }]
      : [{ text: formatMs(point.idealMs) }]),
    { text: bindingRoof(point, strategy.kind) },
    { text: formatRatio(point.efficiency), tone: efficiencyTone(point.efficiency) },
    { text: formatSmallMs(point.overheadPerRequestMs) },
    ...(modelled ? [{ text: cpuText(point) }] : []),
    { text: formatMs(point.latency.p99) },
    ...(withOutcomes ? [{ text: outcomesText(point), tone: allOk(point.counts) && point.invalid === undefined ? undefined : ('bad' as const) }] : []),
  ]);
  return { columns, rows };
}

/** The server roof; `n/a` when the mock's own time was not measured (in-process, or a foreign server). */
function serverRoofText(point: PointResult): string {
  return point.runs.every((run) => run.serverLoopActiveMs !== undefined) ? formatMs(point.model?.serverRoofMs ?? Number.NaN) : NOT_AVAILABLE;
}

/** The client's CPU and the mock's beside it, medians over repetitions: `212 / 96.4`. */
function cpuText(point: PointResult): string {
  const client = median(point.runs.map((run) => run.cpuMs));
  const mock = point.runs.every((run) => run.serverCpuMs !== undefined) ? formatMs(median(point.runs.map((run) => run.serverCpuMs!))) : NOT_AVAILABLE;
  return `${formatMs(client)} / ${mock}`;
}

/**
 * What to do about the points bound by something other than the wait: the
 * server's roof is never the client's inefficiency. One line per strategy and roof.
 */
export function roofNotes(strategy: StrategyResult): string[] {
  const notes: string[] = [];
  for (const roof of ['server', 'cpu'] as const) {
    const ns = strategy.points.filter((point) => point.model?.binding === roof).map((point) => point.n);
    if (ns.length) notes.push(`${strategy.name}, N = ${ns.join(', ')}: ${roof} roof binds; ${roofFix(roof)}.`);
  }
  return notes;
}

/** The outcome counts, then what the server injected to cause them (when it was asked). */
function outcomesText(point: PointResult): string {
  const outcomes = allOk(point.counts) ? 'all ok' : formatCounts(point.counts);
  const injected = Object.entries(point.faults ?? {}).filter(([, n]) => n > 0);
  const text = injected.length ? `${outcomes} (injected: ${injected.map(([kind, n]) => `${kind} ${n}`).join(', ')})` : outcomes;
  return point.invalid === undefined ? text : `INVALID: ${text}`;
}

/** One row per strategy: slope s, its interval, verdict, complexity class and R². */
export function verdictTable(results: Results): ReportTable {
  const columns: TextColumn[] = [
    { header: 'strategy', align: 'left' },
    { header: 'slope s', align: 'right' },
    { header: 'interval', align: 'left' },
    { header: 'verdict', align: 'left' },
    { header: 'complexity', align: 'left' },
    { header: 'R²', align: 'right' },
  ];
  const rows = results.strategies.map(({ name, scaling }): TextCell[] => [
    { text: name },
    { text: formatSlope(scaling.slope) },
    { text: formatInterval(scaling.interval) },
    { text: verdictLabel(scaling.verdict), tone: verdictTone(scaling.verdict) },
    { text: scaling.complexity },
    { text: formatSlope(scaling.r2) },
  ]);
  return { columns, rows };
}

/** A strategy's heading: its name and the mean delay its slope is normalised by. */
export function strategyHeading(strategy: StrategyResult): string {
  return `${strategy.name} (mean delay L̄ = ${formatMs(strategy.scaling.meanLatencyMs)} ms)`;
}
