/**
 * The two tables every report shows, as cells: one row per N of a strategy,
 * and one row per strategy with its verdict. The terminal, Markdown and HTML
 * renderers lay the same cells out, so the three never disagree.
 */
import type { PointResult, Results, StrategyResult } from '../results/types.ts';
import { median } from '../stats/descriptive.ts';
import { allOk, formatCounts, formatInterval, formatMs, formatPercent, formatRatio, formatSlope, formatSmallMs } from './format.ts';
import type { TextCell, TextColumn } from './text-table.ts';
import { efficiencyTone, verdictTone } from './tone.ts';

/** Columns and rows of one table. */
export interface ReportTable {
  columns: TextColumn[];
  rows: TextCell[][];
}

/**
 * Which roof binds at a point (docs/design.md "The scaling model"): `cpu` when the
 * client's serial work over the run (median over repetitions) reaches the
 * ideal time, else `wait`. The serial work is the event loop's busy time when
 * the run measured it (a main-thread strategy: its process CPU also counts GC
 * threads running beside the loop), else the client's CPU. Read this way it
 * holds whether `idealMs` is the wait roof alone (CPU binds when it exceeds
 * it) or the roofline max(wait, N·c) (CPU binds when it equals it). `n/a`
 * without repetitions.
 */
export function bindingRoof(point: PointResult, kind?: StrategyResult['kind']): 'cpu' | 'wait' | 'n/a' {
  if (point.runs.length === 0) return 'n/a';
  const serial = point.runs.map((run) => (kind !== 'workers' && typeof run.loopActiveMs === 'number' && Number.isFinite(run.loopActiveMs) ? run.loopActiveMs : run.cpuMs));
  return median(serial) >= median(point.runs.map((run) => run.idealMs)) ? 'cpu' : 'wait';
}

/**
 * One row per N: median wall time, spread, ideal, the roof that binds,
 * efficiency, overhead per request, per-request p99, and the outcome counts
 * when any request of the strategy did not end `ok` (the column is left out
 * otherwise).
 */
export function pointTable(strategy: StrategyResult): ReportTable {
  const withOutcomes = strategy.points.some((point) => !allOk(point.counts));
  const columns: TextColumn[] = [
    { header: 'N', align: 'right' },
    { header: 'median ms', align: 'right' },
    { header: 'spread', align: 'right' },
    { header: 'ideal ms', align: 'right' },
    { header: 'roof', align: 'left' },
    { header: 'efficiency', align: 'right' },
    { header: 'overhead/req ms', align: 'right' },
    { header: 'req p99 ms', align: 'right' },
    ...(withOutcomes ? [{ header: 'outcomes', align: 'left' } as const] : []),
  ];
  const rows = strategy.points.map((point): TextCell[] => [
    { text: String(point.n) },
    { text: formatMs(point.medianMs) },
    { text: formatPercent(point.spread) },
    { text: formatMs(point.idealMs) },
    { text: bindingRoof(point, strategy.kind) },
    { text: formatRatio(point.efficiency), tone: efficiencyTone(point.efficiency) },
    { text: formatSmallMs(point.overheadPerRequestMs) },
    { text: formatMs(point.latency.p99) },
    ...(withOutcomes ? [{ text: outcomesText(point), tone: allOk(point.counts) ? undefined : ('bad' as const) }] : []),
  ]);
  return { columns, rows };
}

/** The outcome counts, then what the server injected to cause them (when it was asked). */
function outcomesText(point: PointResult): string {
  const outcomes = allOk(point.counts) ? 'all ok' : formatCounts(point.counts);
  const injected = Object.entries(point.faults ?? {}).filter(([, n]) => n > 0);
  return injected.length ? `${outcomes} (injected: ${injected.map(([kind, n]) => `${kind} ${n}`).join(', ')})` : outcomes;
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
    { text: scaling.verdict, tone: verdictTone(scaling.verdict) },
    { text: scaling.complexity },
    { text: formatSlope(scaling.r2) },
  ]);
  return { columns, rows };
}

/** A strategy's heading: its name and the mean delay its slope is normalised by. */
export function strategyHeading(strategy: StrategyResult): string {
  return `${strategy.name} (mean delay L̄ = ${formatMs(strategy.scaling.meanLatencyMs)} ms)`;
}
