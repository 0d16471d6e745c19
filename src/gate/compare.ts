/**
 * The regression gate: compare a current run with a baseline point by point
 * (ratio of medians with a bootstrap interval, criterion's double gate) and
 * strategy by strategy (scaling verdicts), after checking the two are
 * comparable at all. Pure: no I/O, seeded randomness.
 */
import type { PointResult, Results, StrategyResult } from '../results/index.ts';
import { median, mulberry32 } from '../stats/index.ts';
import { OUTCOMES, type Outcome } from '../types/index.ts';
import { compareSetups } from './compare-setups.ts';
import { decideRatio, MIN_RUNS } from './decide-point.ts';
import { detectableEffect, strategyPower } from './detectable-effect.ts';
import { resolveGateOptions, type GateOptions, type ResolvedGateOptions } from './gate-options.ts';
import type { GateReport, GateRow, GateStatus } from './gate-report.ts';
import { medianRatio } from './median-ratio.ts';
import { compareVerdicts, type VerdictChange } from './verdict-change.ts';
import { gateValue, hasWaitRoof, probeSpeeds, sideSpeeds, speedNote } from './gate-value.ts';
import { acrossPoints, type AcrossPoints, type PointValues } from './across-points.ts';

/**
 * Compare `current` against `baseline`.
 *
 * - Each (strategy, N) in both runs gets a row whose decision follows the rules
 *   of `decide-point.ts`; a `regressed` row fails the gate.
 * - Each strategy's points are also decided together (`across-points.ts`): a
 *   `regressed` strategy fails the gate, and an `unchanged` or `improved` one
 *   rules out a slowdown of the whole strategy.
 * - Each strategy in both runs has its verdicts compared; a change of scaling
 *   class fails the gate, an `inconclusive` side is only reported.
 * - A different profile or payload, or no point in common, makes the report
 *   `unusable` (exit 2) whatever the rows say; other differences are notes.
 * - So does an `invalid` verdict on either side: its runs lost requests to the
 *   machine, so there is nothing to compare (the blocker says why).
 * - With no regression, a point left `inconclusive` or with too few runs, in a
 *   strategy whose points together did not rule out a slowdown (`openRows`),
 *   makes the report `inconclusive` (exit 3): the comparison could not have
 *   seen a regression there. `allowInconclusive` makes it a pass with a warning.
 * - Every row carries the smallest slowdown it could have detected, and
 *   `power` the worst of them per strategy (`detectable-effect.ts`).
 *
 * The same inputs and options always give the same report: each point's
 * bootstrap is seeded from `options.seed` and the point's name, so adding a
 * strategy does not move the intervals of the others.
 *
 * @throws InvalidOptionError (code `INVALID_OPTION`) naming a bad option.
 * @example
 * const report = compareResults(validateResults(base, 'base.json'), validateResults(cur, 'cur.json'));
 * process.exitCode = report.exitCode;
 */
export function compareResults(baseline: Results, current: Results, options?: GateOptions): GateReport {
  const resolved = resolveGateOptions(options);
  const setup = compareSetups(baseline, current);
  const rows: GateRow[] = [];
  const across: AcrossPoints[] = [];
  const verdictChanges: VerdictChange[] = [];
  const coverage: string[] = [];
  const failures: string[] = [];

  const speeds = probeSpeeds(baseline, current);
  const speed = sideSpeeds(speeds);
  const currentByName = new Map(current.strategies.map((s) => [s.name, s]));
  const baselineNames = new Set(baseline.strategies.map((s) => s.name));
  for (const base of baseline.strategies) {
    const cur = currentByName.get(base.name);
    if (cur === undefined) {
      coverage.push(`${base.name} is in the baseline but was not run now.`);
      continue;
    }
    const change = compareVerdicts(base.name, base.scaling.verdict, cur.scaling.verdict);
    if (change !== null) verdictChanges.push(change);
    const values = comparePoints(base, cur, { ...resolved, speed }, rows, coverage, failures);
    const rng = mulberry32(pointSeed(resolved.seed, base.name, 0));
    const pooled = acrossPoints(base.name, values, resolved.threshold, resolved.resamples, 1 - resolved.significanceLevel, rng);
    if (pooled !== null) across.push(pooled);
  }
  for (const cur of current.strategies) {
    if (!baselineNames.has(cur.name)) coverage.push(`${cur.name} is new: the baseline has no ${cur.name} to compare with.`);
  }

  const blockers = [...setup.blockers, ...invalidBlockers('baseline', baseline), ...invalidBlockers('current run', current)];
  if (rows.length === 0) blockers.push('no (strategy, N) point was measured in both runs: there is nothing to compare.');
  const speedText = speedNote(speeds, baseline, current);
  const notes = [...setup.notes, ...(speedText === null ? [] : [speedText]), ...coverage, ...failures, ...undecidedNotes(rows, across, resolved)];
  const status = decideStatus(blockers, rows, across, verdictChanges, resolved.allowInconclusive);
  const exitCode = EXIT_CODES[status];
  return { status, exitCode, rows, across, power: strategyPower(rows), speeds, verdictChanges, blockers, notes, options: resolved };
}

/** The gate's options, and each side's factor to the baseline's machine speed (`sideSpeeds`). */
type RowOptions = ResolvedGateOptions & { speed: { baseline: number; current: number } };

function comparePoints(
  base: StrategyResult,
  cur: StrategyResult,
  options: RowOptions,
  rows: GateRow[],
  coverage: string[],
  failures: string[],
): PointValues[] {
  const values: PointValues[] = [];
  const currentByN = new Map(cur.points.map((p) => [p.n, p]));
  const baselineNs = new Set(base.points.map((p) => p.n));
  const onlyBaseline: number[] = [];
  for (const point of base.points.toSorted((a, b) => a.n - b.n)) {
    const other = currentByN.get(point.n);
    if (other === undefined) {
      onlyBaseline.push(point.n);
      continue;
    }
    const { row, baseline, current } = compareRow(base.name, point, other, options);
    rows.push(row);
    if (row.decision !== 'too-few-runs') values.push({ baseline, current });
    const failureNote = failureChange(base.name, point, other);
    if (failureNote !== null) failures.push(failureNote);
  }
  const onlyCurrent = cur.points.map((p) => p.n).filter((n) => !baselineNs.has(n)).toSorted((a, b) => a - b);
  if (onlyBaseline.length > 0) coverage.push(`${base.name}: N = ${onlyBaseline.join(', ')} only in the baseline (not compared).`);
  if (onlyCurrent.length > 0) coverage.push(`${base.name}: N = ${onlyCurrent.join(', ')} only in the current run (not compared).`);
  return values;
}

function compareRow(strategy: string, base: PointResult, cur: PointResult, options: RowOptions): { row: GateRow; baseline: number[]; current: number[] } {
  const baselineMs = median(base.runs.map((r) => r.wallMs));
  const currentMs = median(cur.runs.map((r) => r.wallMs));
  const basis = hasWaitRoof(base) && hasWaitRoof(cur) ? 'model' : 'wall';
  const baselineValues = base.runs.map((r) => gateValue(r, basis, options.speed.baseline));
  const currentValues = cur.runs.map((r) => gateValue(r, basis, options.speed.current));
  const common = {
    strategy,
    n: base.n,
    baselineMs,
    currentMs,
    ratio: median(currentValues) / median(baselineValues),
    basis,
    baselineRuns: baselineValues.length,
    currentRuns: currentValues.length,
  } as const;
  const sides = { baseline: baselineValues, current: currentValues };
  if (baselineValues.length < MIN_RUNS || currentValues.length < MIN_RUNS) {
    return { row: { ...common, decision: 'too-few-runs', ci: null, detectable: null }, ...sides };
  }
  const rng = mulberry32(pointSeed(options.seed, strategy, base.n));
  const { ratio, interval } = medianRatio(baselineValues, currentValues, options.resamples, 1 - options.significanceLevel, rng);
  return { row: { ...common, decision: decideRatio(interval, options.threshold), ci: interval, detectable: detectableEffect(ratio, interval, options.threshold) }, ...sides };
}

// A verdict over runs that lost requests to the machine is no measurement: the run failed.
function invalidBlockers(side: string, results: Results): string[] {
  return results.strategies
    .filter((s) => s.scaling.verdict.class === 'invalid')
    .map((s) => `${s.name} in the ${side} is invalid (requests lost to the machine, not to the profile): ${s.scaling.reason}`);
}

/** The exit code of each status: documented in `pokebench compare --help` and the README. */
const EXIT_CODES = { pass: 0, regression: 1, unusable: 2, inconclusive: 3 } as const satisfies Record<GateStatus, number>;

function decideStatus(
  blockers: readonly string[],
  rows: readonly GateRow[],
  across: readonly AcrossPoints[],
  changes: readonly VerdictChange[],
  allowInconclusive: boolean,
): GateStatus {
  if (blockers.length > 0) return 'unusable';
  if (rows.some((r) => r.decision === 'regressed') || across.some((a) => a.decision === 'regressed') || changes.some((c) => c.kind === 'class-changed')) {
    return 'regression';
  }
  if (!allowInconclusive && openRows({ rows, across }).length > 0) return 'inconclusive';
  return 'pass';
}

/** A strategy whose points together rule out its slowdown by more than the threshold. */
function rulesOut(pooled: AcrossPoints): boolean {
  return pooled.decision === 'unchanged' || pooled.decision === 'improved';
}

/**
 * The points that leave a comparison undecided: those with too few runs for
 * an interval, and those `inconclusive` in a strategy whose points together
 * did not rule out a slowdown of the whole strategy (`across-points.ts`:
 * neither `unchanged` nor `improved`). These make the report `inconclusive`
 * and are what the gate's reruns measure again.
 *
 * @example openRows(compareResults(baseline, current)).map((r) => `${r.strategy}@${r.n}`) // ['concurrent@800']
 */
export function openRows(report: { rows: readonly GateRow[]; across: readonly AcrossPoints[] }): GateRow[] {
  const covered = new Set(report.across.filter(rulesOut).map((a) => a.strategy));
  return report.rows.filter((r) => r.decision === 'too-few-runs' || (r.decision === 'inconclusive' && !covered.has(r.strategy)));
}


// Requests that failed or timed out end early (or late), so a change in their
// number changes wall time for reasons the gate does not measure: name it.
function failureChange(strategy: string, base: PointResult, cur: PointResult): string | null {
  const before = countOutcomes(base, (o) => o !== 'ok');
  const now = countOutcomes(cur, (o) => o !== 'ok');
  if (before === now) return null;
  const total = (p: PointResult): number => countOutcomes(p, () => true);
  return `${strategy} N=${base.n}: ${now} of ${total(cur)} requests did not end ok (baseline: ${before} of ${total(base)}); failed requests change wall time.`;
}

function countOutcomes(point: PointResult, include: (outcome: Outcome) => boolean): number {
  return OUTCOMES.filter(include).reduce((sum, o) => sum + (point.counts[o] ?? 0), 0);
}

function undecidedNotes(rows: readonly GateRow[], across: readonly AcrossPoints[], options: ResolvedGateOptions): string[] {
  const out: string[] = [];
  for (const pooled of across) {
    const alone = rows.filter((r) => r.strategy === pooled.strategy && r.decision === 'inconclusive');
    if (alone.length === 0 || !rulesOut(pooled)) continue;
    out.push(
      `${pooled.strategy}: ${points(alone.length)} (N = ${alone.map((r) => r.n).join(', ')}) undecided alone, but across its ${pooled.points} points a slowdown of the whole strategy by more than ${percent(options.threshold)} is ruled out; a slowdown confined to one of them could have been as large as its detectable effect.`,
    );
  }
  const open = openRows({ rows, across });
  const consequence = options.allowInconclusive ? 'passed with a warning (--allow-inconclusive)' : 'not a pass (exit 3)';
  const inconclusive = open.filter((r) => r.decision === 'inconclusive').length;
  if (inconclusive > 0) {
    out.push(`WARNING: ${points(inconclusive)} inconclusive: the interval reaches past the noise threshold without clearing it, so a regression there was neither seen nor ruled out; ${consequence}. More repetitions (--repeats) would decide.`);
  }
  const few = open.filter((r) => r.decision === 'too-few-runs').length;
  if (few > 0) out.push(`WARNING: ${points(few)} not decided: fewer than ${MIN_RUNS} runs on a side; ${consequence}. Use --repeats 5 or more.`);
  return out;
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(1))}%`;
}

function points(count: number): string {
  return count === 1 ? '1 point' : `${count} points`;
}

/** A 32-bit seed for one point: FNV-1a of its name, mixed with the gate's seed. */
function pointSeed(seed: number, strategy: string, n: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${strategy}@${n}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash ^ seed) >>> 0;
}
