/**
 * A line chart of median T against N for every strategy, drawn on a plain
 * ASCII character grid so it reads in any log (no colour, no braille, no
 * box-drawing characters). One letter per strategy marks its measured
 * points; the same letter in lower case draws the line between them.
 */
import type { Results } from '../results/index.ts';
import { formatTick, linearTicks, logTicks, niceStep } from './nice-ticks.ts';
import { InvalidReportOptionError } from '../../mock-server/errors/index.ts';

/** Options of {@link renderTerminalChart}. */
export interface TerminalChartOptions {
  /** Total width in columns, axis labels and legend included; no line is longer. @defaultValue 72 */
  width?: number | undefined;
  /** Rows of the plotting area (title, axis and legend come on top). @defaultValue 18 */
  height?: number | undefined;
  /**
   * `linear` shows growth as the blog's graphs do (a flat strategy hugs the
   * floor); `log` separates strategies that differ by orders of magnitude.
   * @defaultValue 'linear'
   */
  yScale?: 'linear' | 'log' | undefined;
}

/** {@link TerminalChartOptions} with defaults filled in. */
export interface ResolvedTerminalChartOptions {
  width: number;
  height: number;
  yScale: 'linear' | 'log';
}

/** Narrowest chart: room for a 6-character axis label and a 20-column plot. */
export const MIN_CHART_WIDTH = 30;
/** Fewest plot rows: below this a slope cannot be told from a step. */
export const MIN_CHART_HEIGHT = 5;

/**
 * Fill the defaults and check every option, naming the one at fault.
 *
 * @throws InvalidReportOptionError for a width or height that is not an
 *   integer at or above its minimum, or an unknown `yScale`.
 */
export function resolveTerminalChartOptions(options: TerminalChartOptions = {}): ResolvedTerminalChartOptions {
  const width = options.width ?? 72;
  const height = options.height ?? 18;
  const yScale = options.yScale ?? 'linear';
  if (!(Number.isInteger(width) && width >= MIN_CHART_WIDTH)) {
    throw new InvalidReportOptionError('width', `renderTerminalChart: width must be an integer ≥ ${MIN_CHART_WIDTH}, got ${width}.`);
  }
  if (!(Number.isInteger(height) && height >= MIN_CHART_HEIGHT)) {
    throw new InvalidReportOptionError('height', `renderTerminalChart: height must be an integer ≥ ${MIN_CHART_HEIGHT}, got ${height}.`);
  }
  if (yScale !== 'linear' && yScale !== 'log') {
    throw new InvalidReportOptionError('yScale', `renderTerminalChart: yScale must be 'linear' or 'log', got ${JSON.stringify(yScale)}.`);
  }
  return { width, height, yScale };
}

/** One strategy's line: its marker letter and its (N, median ms) points, by N. */
interface Series {
  name: string;
  marker: string;
  points: { n: number; ms: number }[];
}

/** Where several strategies' points share one cell. */
const COLLISION = '*';

/**
 * Render median T against N as text: title, y axis in ms, the grid, the x
 * axis in N, and a legend (`S sequential  C concurrent …`, plus `* several`
 * when points overlap). Every line fits `width`; lines carry no trailing space.
 *
 * @throws InvalidReportOptionError for options out of range (see {@link resolveTerminalChartOptions}).
 * @example process.stdout.write(renderTerminalChart(results, { width: process.stdout.columns }))
 */
export function renderTerminalChart(results: Results, options: TerminalChartOptions = {}): string {
  const { width, height, yScale } = resolveTerminalChartOptions(options);
  const series = buildSeries(results, yScale);
  const title = fit(`median T (ms) vs N${yScale === 'log' ? ', log scale' : ''}`, width);
  const values = series.flatMap((s) => s.points);
  if (values.length === 0) return `${title}\n(no data)\n${legend(series, false, width)}\n`;

  const yValues = values.map((p) => p.ms);
  const yTicks = yScale === 'log' ? logTicks(Math.min(...yValues), Math.max(...yValues)) : linearTicks(Math.max(...yValues), Math.min(5, Math.floor(height / 3)));
  const yStep = yScale === 'log' ? (yTicks[0] as number) : niceStep(Math.max(...yValues), Math.min(5, Math.floor(height / 3)));
  const yLabels = yTicks.map((tick) => formatTick(tick, yStep));
  const labelWidth = Math.max(...yLabels.map((label) => label.length));
  const plotWidth = width - labelWidth - 2;
  const xTicks = linearTicks(Math.max(...values.map((p) => p.n)), Math.max(2, Math.min(6, Math.floor(plotWidth / 10))));

  const scale = (v: number): number => (yScale === 'log' ? Math.log10(v) : v);
  const yLow = scale(yTicks[0] as number);
  const ySpan = scale(yTicks[yTicks.length - 1] as number) - yLow;
  const rowOf = (ms: number): number => clamp(height - 1 - Math.round(((scale(ms) - yLow) / ySpan) * (height - 1)), 0, height - 1);
  const xTop = xTicks[xTicks.length - 1] as number;
  const colOf = (n: number): number => clamp(Math.round((n / xTop) * (plotWidth - 1)), 0, plotWidth - 1);

  const { grid, collided } = drawGrid(series, height, plotWidth, rowOf, colOf);

  const labelAt = new Map<number, string>();
  yTicks.forEach((tick, i) => {
    const row = rowOf(tick);
    if (!labelAt.has(row)) labelAt.set(row, yLabels[i] as string);
  });
  const lines = [title];
  grid.forEach((cells, row) => lines.push(`${(labelAt.get(row) ?? '').padStart(labelWidth)} |${cells.join('')}`));
  const axis = Array.from({ length: plotWidth }, () => '-');
  for (const tick of xTicks) if (colOf(tick) > 0) axis[colOf(tick)] = '+';
  lines.push(`${' '.repeat(labelWidth)} +${axis.join('')}`);
  lines.push(xLabels(xTicks, colOf, labelWidth + 2, width));
  lines.push('N (requests)'.padStart(width));
  lines.push(legend(series, collided, width));
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}

function buildSeries(results: Results, yScale: 'linear' | 'log'): Series[] {
  const used = new Set<string>();
  return results.strategies.map((strategy) => {
    const marker = pickMarker(strategy.name, used);
    used.add(marker);
    const points = strategy.points
      .map((p) => ({ n: p.n, ms: p.medianMs }))
      .filter((p) => Number.isFinite(p.n) && Number.isFinite(p.ms) && p.ms >= 0 && (yScale === 'linear' || p.ms > 0))
      .toSorted((a, b) => a.n - b.n);
    return { name: strategy.name, marker, points };
  });
}

/** The first unused capital among the name's own letters, then A–Z, then digits. */
function pickMarker(name: string, used: ReadonlySet<string>): string {
  const own = name.toUpperCase().replace(/[^A-Z]/g, '');
  for (const candidate of `${own}ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789`) if (!used.has(candidate)) return candidate;
  return '#';
}

function drawGrid(
  series: readonly Series[],
  height: number,
  width: number,
  rowOf: (ms: number) => number,
  colOf: (n: number) => number,
): { grid: string[][]; collided: boolean } {
  const grid = Array.from({ length: height }, () => Array.from({ length: width }, () => ' '));
  // Lines first, all series, then points on top, so a later line never hides an earlier point.
  for (const s of series) {
    const stroke = s.marker.toLowerCase() === s.marker ? '.' : s.marker.toLowerCase();
    for (let i = 1; i < s.points.length; i++) {
      const from = s.points[i - 1] as { n: number; ms: number };
      const to = s.points[i] as { n: number; ms: number };
      drawSegment(grid, colOf(from.n), rowOf(from.ms), colOf(to.n), rowOf(to.ms), stroke);
    }
  }
  const owner = new Map<string, string>();
  let collided = false;
  for (const s of series) {
    for (const p of s.points) {
      const row = rowOf(p.ms);
      const col = colOf(p.n);
      const key = `${row},${col}`;
      const other = owner.get(key);
      const cells = grid[row] as string[];
      if (other !== undefined && other !== s.marker) {
        cells[col] = COLLISION;
        collided = true;
      } else {
        cells[col] = s.marker;
      }
      owner.set(key, s.marker);
    }
  }
  return { grid, collided };
}

/** A continuous stroke: in each column, every row the segment passes through. */
function drawSegment(grid: string[][], c0: number, r0: number, c1: number, r1: number, stroke: string): void {
  const rowAt = (x: number): number => (c1 === c0 ? r1 : r0 + ((r1 - r0) * (x - c0)) / (c1 - c0));
  for (let c = c0; c <= c1; c++) {
    const a = c1 === c0 ? r0 : rowAt(Math.max(c0, c - 0.5));
    const b = rowAt(Math.min(c1, c + 0.5));
    for (let r = Math.round(Math.min(a, b)); r <= Math.round(Math.max(a, b)); r++) (grid[r] as string[])[c] = stroke;
  }
}

function xLabels(ticks: readonly number[], colOf: (n: number) => number, offset: number, width: number): string {
  const step = ticks.length > 1 ? (ticks[1] as number) - (ticks[0] as number) : 1;
  let line = '';
  for (const tick of ticks) {
    const label = formatTick(tick, step);
    const start = Math.min(width - label.length, Math.max(0, offset + colOf(tick) - Math.floor(label.length / 2)));
    // A label that would touch the previous one is dropped rather than overprinted.
    if (line.length > 0 && start < line.length + 1) continue;
    line = line.padEnd(start) + label;
  }
  return line;
}

function legend(series: readonly Series[], collided: boolean, width: number): string {
  const entries = series.map((s) => fit(`${s.marker} ${s.name}`, width));
  if (collided) entries.push(`${COLLISION} several`);
  const lines: string[] = [];
  let line = '';
  for (const entry of entries) {
    if (line === '') line = entry;
    else if (line.length + 2 + entry.length <= width) line = `${line}  ${entry}`;
    else {
      lines.push(line);
      line = entry;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, x));
}
