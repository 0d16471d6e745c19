/**
 * The CI job summary (GitHub's `GITHUB_STEP_SUMMARY`): the verdicts first,
 * compact per-strategy tables folded away, one machine line. Deterministic:
 * the same results give the same bytes (no clock; the only date is
 * `results.createdAt`), so it can be snapshot-tested.
 */
import { type Results, verdictLabel } from '../results/index.ts';
import { escapeHtml, escapeMarkdown } from './escape.ts';
import { formatSlope } from './format.ts';
import { pointTable, roofNotes, strategyHeading, verdictTable, type ReportTable } from './report-tables.ts';
import { runLine, strategyMachines } from './run-facts.ts';
import { verdictTone } from './tone.ts';

/**
 * Render a run as GitHub-flavoured Markdown: a heading, the machine line, the
 * verdict table, the reason of every inconclusive verdict, then one folded
 * table per strategy.
 *
 * @example await appendFile(env.GITHUB_STEP_SUMMARY, renderMarkdown(results))
 */
export function renderMarkdown(results: Results): string {
  const { machine } = results;
  const inconclusive = results.strategies
    .filter(({ scaling }) => verdictTone(scaling.verdict) === 'unknown')
    .map(({ name, scaling }) => `> **${escapeMarkdown(name)}** is inconclusive: ${escapeMarkdown(scaling.reason)}.`);
  const perStrategy = results.strategies.map(
    // `<details>` opens a raw HTML block: Markdown escapes would show, so the summary is HTML-escaped.
    (strategy) => `<details><summary>${escapeHtml(`${strategyHeading(strategy)}: ${verdictLabel(strategy.scaling.verdict)}, s = ${formatSlope(strategy.scaling.slope)}`)}</summary>

${markdownTable(pointTable(strategy))}
${roofNotes(strategy).map((note) => `\n${escapeMarkdown(note)}`).join('\n')}
</details>`,
  );
  return [
    `## pokebench: ${escapeMarkdown(results.settings.profile.name)}`,
    `${escapeMarkdown(runLine(results))}  \n${escapeMarkdown(`${machine.cpuModel} · ${machine.totalMemoryMb} MB · ${results.tool.name} ${results.tool.version} · ${results.createdAt}`)}`,
    ...(strategyMachines(results) === undefined ? [] : [escapeMarkdown(strategyMachines(results)!)]),
    '### Scaling verdicts',
    markdownTable(verdictTable(results)),
    'slope s = b / L̄ of T = a + b·N: 1 sequential, 1/k a pool of k, 0 concurrent. efficiency = model ideal / measured (the model: the fan-out simulated from the applied delays and the measured CPU of client and mock).',
    ...inconclusive,
    '### Per strategy',
    ...perStrategy,
  ].join('\n\n').concat('\n');
}

function markdownTable({ columns, rows }: ReportTable): string {
  return [
    line(columns.map((column) => escapeMarkdown(column.header))),
    line(columns.map((column) => (column.align === 'right' ? '--:' : ':--'))),
    ...rows.map((row) => line(columns.map((_, i) => escapeMarkdown(row[i]?.text ?? '')))),
  ].join('\n');
}

function line(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
