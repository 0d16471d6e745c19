/**
 * The gate's report as text: a terminal table and a Markdown summary for CI
 * (`$GITHUB_STEP_SUMMARY`). Both return strings; only the CLI prints.
 */
import { formatMs, layoutTable, NOT_AVAILABLE, type TextColumn } from '../report/index.ts';
import type { AcrossPoints } from './across-points.ts';
import { openRows } from './compare.ts';
import type { StrategyPower } from './detectable-effect.ts';
import type { GateReport, GateRow } from './gate-report.ts';
import type { VerdictChange } from './verdict-change.ts';

const HEADERS = ['strategy', 'N', 'baseline ms', 'current ms', 'change', 'CI', 'detectable', 'decision'] as const;
const DECISION = HEADERS.indexOf('decision');

/**
 * The report for a terminal: the point table (with each point's smallest
 * detectable slowdown), the power per strategy in plain words, then
 * scaling-verdict changes, blockers and notes, and a final one-line summary
 * that starts with `PASS`, `REGRESSION`, `UNUSABLE` or `INCONCLUSIVE`.
 *
 * @example console.log(renderGateReport(compareResults(baseline, current)));
 */
export function renderGateReport(report: GateReport): string {
  const columns: TextColumn[] = HEADERS.map((header, i) => ({ header: header === 'CI' ? ciHeader(report) : header, align: i === 0 || i === DECISION ? 'left' : 'right' }));
  const sections = [layoutTable(columns, report.rows.map((row) => rowCells(row).map((text) => ({ text }))))];
  const basis = basisNote(report);
  if (basis !== null) sections.push(basis);
  if (report.across.length > 0) sections.push([acrossHeading(report), ...report.across.map((a) => `  ${describeAcross(a, report)}`)].join('\n'));
  if (report.power.length > 0) sections.push([powerHeading(report), ...report.power.map((p) => `  ${describePower(p, report)}`)].join('\n'));
  if (report.verdictChanges.length > 0) sections.push(['Scaling verdicts:', ...report.verdictChanges.map((c) => `  ${describeChange(c)}`)].join('\n'));
  if (report.blockers.length > 0) sections.push(['Not comparable:', ...report.blockers.map((b) => `  - ${b}`)].join('\n'));
  if (report.notes.length > 0) sections.push(['Notes:', ...report.notes.map((n) => `  - ${n}`)].join('\n'));
  sections.push(summaryLine(report));
  return sections.join('\n\n');
}

/**
 * The report as GitHub-flavoured Markdown: a heading with the status, the
 * point table, verdict changes, blockers and notes, and the summary line.
 *
 * @example await appendFile(process.env.GITHUB_STEP_SUMMARY, renderGateMarkdown(report));
 */
export function renderGateMarkdown(report: GateReport): string {
  const out = [`### pokebench gate: ${report.status.toUpperCase()}`, ''];
  if (report.rows.length > 0) {
    const headers = HEADERS.map((h) => (h === 'CI' ? ciHeader(report) : h));
    out.push(`| ${headers.join(' | ')} |`, `| ${headers.map((_, i) => (i === 0 || i === DECISION ? '---' : '---:')).join(' | ')} |`);
    for (const row of report.rows) {
      const cells = rowCells(row).map(escapeCell);
      if (row.decision === 'regressed') cells[DECISION] = `**${cells[DECISION] ?? ''}**`;
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  const basis = basisNote(report);
  if (basis !== null) out.push(escapeInline(basis), '');
  if (report.across.length > 0) out.push(`**${escapeInline(acrossHeading(report))}**`, '', ...report.across.map((a) => `- ${escapeInline(describeAcross(a, report))}`), '');
  if (report.power.length > 0) out.push(`**${escapeInline(powerHeading(report))}**`, '', ...report.power.map((p) => `- ${escapeInline(describePower(p, report))}`), '');
  if (report.verdictChanges.length > 0) out.push('**Scaling verdicts**', '', ...report.verdictChanges.map((c) => `- ${escapeInline(describeChange(c))}`), '');
  if (report.blockers.length > 0) out.push('**Not comparable**', '', ...report.blockers.map((b) => `- ${escapeInline(b)}`), '');
  if (report.notes.length > 0) out.push('**Notes**', '', ...report.notes.map((n) => `- ${escapeInline(n)}`), '');
  out.push(`**${escapeInline(summaryLine(report))}**`, '');
  return out.join('\n');
}

function ciHeader(report: GateReport): string {
  return `${formatConfidence(1 - report.options.significanceLevel)} CI`;
}

function rowCells(row: GateRow): string[] {
  return [
    row.strategy,
    String(row.n),
    formatMs(row.baselineMs),
    formatMs(row.currentMs),
    formatChange(row.ratio),
    row.ci === null ? NOT_AVAILABLE : `[${formatChange(row.ci.low)}, ${formatChange(row.ci.high)}]`,
    row.detectable === null ? NOT_AVAILABLE : `≥ ${formatPercent(row.detectable)}`,
    row.decision === 'regressed' ? 'REGRESSED' : row.decision === 'too-few-runs' ? `too few runs (${row.baselineRuns} vs ${row.currentRuns})` : row.decision,
  ];
}

/** What `change` and the interval measure, when it is not the plain wall time of every point. */
function basisNote(report: GateReport): string | null {
  const model = report.rows.filter((r) => r.basis === 'model').length;
  if (model === 0) return null;
  const which = model === report.rows.length ? 'Change and CI compare' : `Change and CI of ${model} of ${report.rows.length} points compare`;
  const speed = report.speeds === null ? '' : ", the CPU part above the roof at the baseline's machine speed (a CPU probe timed beside each run)";
  const cancel = report.speeds === null ? 'the luck of the draw and a busy neighbour cancel' : 'the luck of the draw, a busy neighbour and a slower machine cancel';
  return `${which} each run's own time (its wall, less any time its event loop waited for a CPU the machine gave elsewhere) over the wait roof of the delays it was served${speed}, so ${cancel}; the ms columns are medians of wall time.`;
}

function acrossHeading(report: GateReport): string {
  return `Across each strategy's points (a slowdown of the whole strategy: geometric mean of the points' changes, ${formatConfidence(1 - report.options.significanceLevel)} CI):`;
}

/** One strategy across its points, in plain words. */
function describeAcross(pooled: AcrossPoints, report: GateReport): string {
  const interval = `${formatChange(pooled.ratio)} [${formatChange(pooled.ci.low)}, ${formatChange(pooled.ci.high)}] over ${plural(pooled.points, 'point')}`;
  const threshold = formatPercent(report.options.threshold);
  const meaning =
    pooled.decision === 'regressed'
      ? `REGRESSED: the whole strategy is slower by more than ${threshold}`
      : pooled.decision === 'unchanged' || pooled.decision === 'improved'
        ? `${pooled.decision}: a slowdown of the whole strategy by more than ${threshold} is ruled out`
        : `inconclusive: could not see a uniform slowdown smaller than ${formatPercent(pooled.detectable)}`;
  return `${pooled.strategy}: ${interval}; ${meaning}.`;
}

function powerHeading(report: GateReport): string {
  return `Power (the smallest slowdown each strategy's worst point could have shown at ${formatConfidence(1 - report.options.significanceLevel)} confidence):`;
}

/**
 * One strategy's power in plain words: what it could not see, at which N, from
 * how many runs. Below the threshold the gate ignores a change by design, so
 * the sentence only says more when the noise pushed the limit past it.
 */
function describePower(power: StrategyPower, report: GateReport): string {
  const row = report.rows.find((r) => r.strategy === power.strategy && r.n === power.n);
  const runs = row === undefined ? '' : ` (${row.baselineRuns} baseline vs ${row.currentRuns} current runs)`;
  if (power.detectable === null) {
    return `${power.strategy}: this comparison could not see a regression of any size at N = ${power.n}: too few runs for an interval${runs}.`;
  }
  const size = formatPercent(power.detectable);
  const threshold = formatPercent(report.options.threshold);
  return `${power.strategy}: this comparison could not see a regression smaller than ${size} at N = ${power.n}${runs}; threshold ${threshold}.`;
}

/** A fraction as a percentage: 0.742 → `74.2%`. */
function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : NOT_AVAILABLE;
}

/** A ratio as a signed relative change: 1.234 → `+23.4%`, 0.9 → `-10.0%`. */
function formatChange(ratio: number): string {
  if (!Number.isFinite(ratio)) return NOT_AVAILABLE;
  const percent = (ratio - 1) * 100;
  const text = Math.abs(percent).toFixed(1);
  // -0.04% rounds to 0.0 and should not read as a signed change.
  return text === '0.0' ? '0.0%' : `${percent > 0 ? '+' : '-'}${text}%`;
}

function formatConfidence(confidence: number): string {
  return `${Number((confidence * 100).toFixed(1))}%`;
}

function describeChange(change: VerdictChange): string {
  const move = `${change.strategy}: ${change.baseline} → ${change.current}`;
  if (change.kind === 'class-changed') {
    const how = change.direction === 'unordered' ? 'scaling class changed' : `scaling class changed, ${change.direction}`;
    return `${move} (${how}: fails the gate; renew the baseline if this is intended)`;
  }
  const where = change.side === 'both' ? 'in both runs' : change.side === 'baseline' ? 'in the baseline' : 'now';
  return `${move} (inconclusive ${where}: not decided, does not fail by itself)`;
}

function summaryLine(report: GateReport): string {
  const gate = `threshold ${Number((report.options.threshold * 100).toFixed(2))}%, ${formatConfidence(1 - report.options.significanceLevel)} intervals`;
  if (report.status === 'unusable') {
    return `UNUSABLE: the two runs are not comparable (${plural(report.blockers.length, 'reason')} above); exit 2.`;
  }
  const count = (decision: GateRow['decision']): number => report.rows.filter((r) => r.decision === decision).length;
  const classChanges = report.verdictChanges.filter((c) => c.kind === 'class-changed').length;
  if (report.status === 'regression') {
    const parts = [];
    if (count('regressed') > 0) parts.push(`${count('regressed')} of ${plural(report.rows.length, 'point')} regressed`);
    const slower = report.across.filter((a) => a.decision === 'regressed').map((a) => a.strategy);
    if (slower.length > 0) parts.push(`${slower.join(', ')} slower across ${slower.length === 1 ? 'its' : 'their'} points`);
    if (classChanges > 0) parts.push(`${plural(classChanges, 'scaling verdict')} changed class`);
    return `REGRESSION: ${parts.join(', ')} (${gate}); exit 1.`;
  }
  if (report.status === 'inconclusive') {
    const open = openRows(report).length;
    return `INCONCLUSIVE: no regression seen, but ${open} of ${plural(report.rows.length, 'point')} could not be decided, so none could be ruled out there (${gate}); exit 3. Add repetitions, or pass --allow-inconclusive to accept it.`;
  }
  const rest = (['improved', 'unchanged', 'inconclusive', 'too-few-runs'] as const)
    .filter((d) => count(d) > 0)
    .map((d) => `${count(d)} ${d === 'inconclusive' ? 'inconclusive alone' : d}`);
  const warning = report.options.allowInconclusive && openRows(report).length > 0 ? ' WARNING: undecided points passed only because of --allow-inconclusive.' : '';
  return `PASS: no regression in ${plural(report.rows.length, 'point')} (${rest.join(', ')}; ${gate}).${warning}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function escapeCell(text: string): string {
  return escapeInline(text).replaceAll('|', '\\|');
}

// Strategy names and notes are data: keep `*`, `_`, backticks and tags from
// turning into formatting. Brackets stay as they are: without `](` they make no link.
function escapeInline(text: string): string {
  return text.replace(/([\\`*_<>])/g, '\\$1');
}
