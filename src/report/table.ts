/**
 * The terminal report: a table per strategy, then the verdicts. Plain text by
 * default so it reads the same in a CI log; ANSI colour on request.
 */
import type { Results } from '../results/types.ts';
import { checkResults } from './check-results.ts';
import { pointTable, strategyHeading, verdictTable } from './report-tables.ts';
import { runLine } from './run-facts.ts';
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

/**
 * Render a run as aligned text tables: one per strategy (N, median, spread,
 * ideal, efficiency, overhead per request, p99, outcomes when not all ok),
 * then the verdict table, then the reason of every inconclusive verdict.
 *
 * @example process.stdout.write(renderTable(results, { color: process.stdout.isTTY }))
 */
export function renderTable(results: Results, options: TableOptions = {}): string {
  checkResults(results);
  const paint = options.color === true ? ansiPainter : plainPainter;
  const blocks = [`pokebench ${results.tool.version} · ${results.createdAt}\n${runLine(results)}`];
  for (const strategy of results.strategies) {
    const { columns, rows } = pointTable(strategy);
    blocks.push(`${strategyHeading(strategy)}\n${layoutTable(columns, rows, paint)}`);
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
