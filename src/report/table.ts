/**
 * The terminal report: a table per strategy, then the verdicts. Plain text by
 * default so it reads the same in a CI log; ANSI colour on request.
 */
import type { Results } from '../results/index.ts';
import { pointTable, roofNotes, strategyHeading, verdictTable } from './report-tables.ts';
import { runLine, strategyMachines } from './run-facts.ts';
import { ansiPainter, layoutTable, plainPainter } from './text-table.ts';
import { verdictTone } from './tone.ts';

/** Options of {@link renderTable}. */
export interface TableOptions {
  /**
   * Paint verdicts and efficiencies green / yellow / red (magenta for
   * inconclusive) with ANSI escapes. The CLI turns it on for a TTY.
   * @defaultValue false
   */
  color?: boolean | undefined;
}

/** An external client's failed runs, one line per distinct failure with its count. */
export function failureLines(strategy: Results['strategies'][number]): string[] {
  const seen = new Map<string, { count: number; ns: Set<number> }>();
  for (const f of strategy.failures ?? []) {
    const key = `${f.reason}: ${f.message}`;
    const entry = seen.get(key) ?? { count: 0, ns: new Set<number>() };
    entry.count += 1;
    entry.ns.add(f.n);
    seen.set(key, entry);
  }
  return [...seen].map(([what, { count, ns }]) => `failed ${count}× (N = ${[...ns].join(', ')}): ${what}`);
}

/**
 * Render a run as aligned text tables: one per strategy (N, median, spread,
 * ideal, efficiency, overhead per request, p99, outcomes when not all ok),
 * then the verdict table, then the reason of every inconclusive verdict.
 *
 * @example process.stdout.write(renderTable(results, { color: process.stdout.isTTY }))
 */
export function renderTable(results: Results, options: TableOptions = {}): string {
  const paint = options.color === true ? ansiPainter : plainPainter;
  const machines = strategyMachines(results);
  const blocks = [`pokebench ${results.tool.version} · ${results.createdAt}\n${runLine(results)}${machines === undefined ? '' : `\n${machines}`}`];
  for (const strategy of results.strategies) {
    const { columns, rows } = pointTable(strategy);
    const table = strategy.points.length ? layoutTable(columns, rows, paint) : 'no run produced a result';
    blocks.push([`${strategyHeading(strategy)}`, table, ...roofNotes(strategy), ...failureLines(strategy)].join('\n'));
  }
  const verdicts = verdictTable(results);
  const notes = results.strategies
    .filter(({ scaling }) => verdictTone(scaling.verdict) === 'unknown')
    .map(({ name, scaling }) => `${name}: ${scaling.reason}`);
  blocks.push(
    [
      'Scaling verdicts (slope s = b / L̄ of T = a + b·N: 1 sequential, 1/k pool of k, 0 concurrent)',
      layoutTable(verdicts.columns, verdicts.rows, paint),
      ...notes,
    ].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}
