/**
 * `npm run bench:verdicts` (`tsx scripts/verdict-quality.ts`): how often does
 * the real regression gate cry wolf, how large a slowdown does it catch, and
 * what does it say it could have caught?
 *
 * Records one baseline of the default sweep (`pokebench run`'s defaults:
 * every strategy, its default ladder and repetitions) with `runBenchmarkWith`,
 * then gates candidates exactly as `pokebench run --baseline` does
 * (`settleGate`: compare, confirm a regression by a rerun, add repetitions to
 * undecided points within the default budget), except that here the baseline
 * build can be run too, so every rerun measures both builds, one after the
 * other, and pools each side:
 * - same build: the same config again. Exit 1 is a false alarm; exit 3
 *   (still undecided) is counted apart.
 * - slowed by f (10%, 20%, 50%): one strategy, a different one each trial in
 *   turn, really runs slower: after each response its client computes a
 *   further f of the CPU a request cost it in the baseline and waits a further
 *   f of the request's applied delay (`slowedStrategy`), so a wait-bound and a
 *   CPU-bound fan-out both take about f longer, measured, not edited into a
 *   JSON file. Exit 1 is a catch.
 * The order of the candidates rotates each trial, so drift on the shared
 * machine does not always hit the same kind.
 *
 * Bars: at most 1 same-build candidate in 10 not passing (a false alarm or
 * still undecided), slowdowns of 20% and 50% caught every time; the 10% row is reported with the detectable effect the gate stated
 * for the slowed strategy (caught, or honestly "could not see below X%").
 * Exit 0 when the bars are met, 1 when not, 2 on a bad flag, a failure or
 * the time limit.
 *
 * Flags: --trials K (default 10), --slowdowns LIST (default 0.1,0.2,0.5),
 * --strategies LIST, --n LIST, --sequential-n LIST, --repeats N (default:
 * `pokebench run`'s), --time-limit-min M (default 240).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { RunConfig } from '../src/config/run-config.ts';
import { clientCpu, GATE_DEFAULTS, regressedStrategies, RERUN_DEFAULTS, settleGate, type GateReport, type SettledGate } from '../src/gate/index.ts';
import { median } from '../src/stats/index.ts';
import type { Results } from '../src/results/types.ts';
import { verdictLabel } from '../src/results/index.ts';
import { runBenchmarkWith, type RunSeam } from '../src/sweep/run-benchmark.ts';
import { slowedStrategy } from '../src/sweep/slowed-strategy.ts';

const BAR = { falseAlarmsPer10: 1, mustCatch: [0.2, 0.5] } as const;
const FLAGS = readFlags();
const THRESHOLD = GATE_DEFAULTS.threshold;
const CONFIG: RunConfig = {
  ...(FLAGS.strategies ? { strategies: FLAGS.strategies } : {}),
  ...(FLAGS.n ? { n: FLAGS.n } : {}),
  ...(FLAGS.sequentialN ? { sequentialN: FLAGS.sequentialN } : {}),
  ...(FLAGS.repeats ? { repeats: FLAGS.repeats } : {}),
};

/** A candidate: the same build, or one strategy slowed by `fraction`. */
type Candidate = { kind: 'same-build' } | { kind: 'slowed'; fraction: number; strategy: string };

interface Trial {
  trial: number;
  candidate: Candidate;
  gate: SettledGate;
  seconds: number;
}

const trials: Trial[] = [];
const deadline = new AbortController();
const timer = setTimeout(() => deadline.abort(new Error('time limit')), FLAGS.timeLimitMin * 60_000);
timer.unref();

/** CPU one request costs each strategy's client, ms, from the baseline: set once it is recorded. */
const cpuPerRequest = new Map<string, number>();

/**
 * At a strategy's largest point, the median over runs of its client's CPU
 * (`clientCpu`, the gate's own reading) over N. The mock runs in a process of
 * its own, so a `workers` run's process CPU is the client's.
 */
function measureCpuPerRequest(baseline: Results): void {
  for (const strategy of baseline.strategies) {
    const top = strategy.points.reduce((a, b) => (b.n > a.n ? b : a));
    cpuPerRequest.set(strategy.name, median(top.runs.map((r) => clientCpu(r) / top.n)));
  }
}

function seamFor(candidate: Candidate): RunSeam {
  if (candidate.kind === 'same-build') return {};
  const cpu = cpuPerRequest.get(candidate.strategy) ?? 0;
  return { strategyOverride: (s) => (s.name === candidate.strategy ? slowedStrategy(s, candidate.fraction, cpu) : undefined) };
}

function measure(config: RunConfig, seam: RunSeam): Promise<Results> {
  return runBenchmarkWith(config, { signal: deadline.signal }, seam);
}

async function main(): Promise<number> {
  const started = performance.now();
  const baseline = await measure(CONFIG, {});
  measureCpuPerRequest(baseline);
  const names = baseline.strategies.map((s) => s.name);
  console.log(`verdict quality: ${FLAGS.trials} same-build candidates and ${FLAGS.trials} for each slowdown (${FLAGS.slowdowns.map(pct).join(', ')}) of one strategy at a time, gated like 'pokebench run --baseline'`);
  console.log(`sweep: ${names.map((n) => `${n} N=${baseline.settings.ladders[n]?.join(',')}`).join('; ')}; repeats ${baseline.settings.repeats}; threshold ${pct(THRESHOLD)}; rerun budget ${RERUN_DEFAULTS.maxReruns} rounds / ${RERUN_DEFAULTS.seconds} s`);
  console.log(machineLine());
  console.log(`baseline recorded in ${(baseline.durationMs / 1000).toFixed(1)} s: ${baseline.strategies.map((s) => `${s.name} ${verdictLabel(s.scaling.verdict)}`).join(', ')}`);
  console.log(`a slowed strategy computes a fraction of its client's CPU per request (${[...cpuPerRequest].map(([n, ms]) => `${n} ${ms.toFixed(3)} ms`).join(', ')}) and waits that fraction of each delay\n`);
  console.log(`${'trial'.padStart(5)}  ${'candidate'.padEnd(24)}  ${'exit'.padStart(4)}  ${'s'.padStart(6)}  how it was decided; detectable slowdown of the slowed strategy`);

  for (let trial = 1; trial <= FLAGS.trials; trial++) {
    const candidates: Candidate[] = [
      { kind: 'same-build' },
      ...FLAGS.slowdowns.map((fraction, i) => ({ kind: 'slowed' as const, fraction, strategy: names[(trial - 1 + i) % names.length] as string })),
    ];
    // Rotate the order so that no kind always runs first.
    const shift = (trial - 1) % candidates.length;
    for (const candidate of [...candidates.slice(shift), ...candidates.slice(0, shift)]) {
      const t0 = performance.now();
      const gate = await gateCandidate(baseline, candidate);
      const result = { trial, candidate, gate, seconds: (performance.now() - t0) / 1000 };
      trials.push(result);
      console.log(trialLine(result));
    }
  }
  return summarize(performance.now() - started);
}

/** One candidate through the gate, reruns measuring both builds. */
async function gateCandidate(baseline: Results, candidate: Candidate): Promise<SettledGate> {
  const seam = seamFor(candidate);
  const results = await measure(CONFIG, seam);
  let round = 0;
  return settleGate(baseline, results, { threshold: THRESHOLD }, {}, {
    rerun: async (strategies) => {
      const config = { ...CONFIG, strategies };
      // Alternate which build goes first in each round of reruns.
      const first = round++ % 2 === 0;
      const a = await measure(config, first ? seam : {});
      const b = await measure(config, first ? {} : seam);
      return first ? { current: a, baseline: b } : { current: b, baseline: a };
    },
  });
}

function summarize(totalMs: number): number {
  const same = trials.filter((t) => t.candidate.kind === 'same-build');
  const falseAlarms = same.filter((t) => t.gate.report.exitCode === 1).length;
  const undecided = same.filter((t) => t.gate.report.exitCode === 3).length;
  console.log('');
  console.log(`same build: ${same.length - falseAlarms - undecided}/${same.length} pass, ${falseAlarms}/${same.length} false alarms, ${undecided}/${same.length} still undecided after reruns (exit 3)`);
  // Innocent strategies flagged in a slowed candidate are false alarms too.
  const slowed = trials.filter((t) => t.candidate.kind === 'slowed');
  const bystanders = slowed.filter((t) => flagged(t.gate).some((name) => t.candidate.kind === 'slowed' && name !== t.candidate.strategy)).length;
  console.log(`slowed candidates with another strategy flagged too (false alarms on bystanders): ${bystanders}/${slowed.length}`);
  // A same build must pass: exit 3 (undecided) is not a false alarm, but it is not a pass either.
  let met = (falseAlarms + undecided) * 10 <= BAR.falseAlarmsPer10 * same.length;
  for (const fraction of FLAGS.slowdowns) {
    const rows = slowed.filter((t) => t.candidate.kind === 'slowed' && t.candidate.fraction === fraction);
    // A catch names the slowed strategy; exit 1 for another one's sake is not one.
    const caught = rows.filter((t) => t.gate.report.exitCode === 1 && t.candidate.kind === 'slowed' && flagged(t.gate).includes(t.candidate.strategy)).length;
    const open = rows.filter((t) => t.gate.report.exitCode === 3).length;
    const missed = rows.filter((t) => t.gate.report.exitCode === 0);
    // Caught, undecided and passed need not sum to the row count: exit 1 for a bystander's sake is none of them.
    const stated = missed.map((t) => statedPower(t)).filter((x): x is number => x !== null);
    const worst = stated.length > 0 ? Math.max(...stated) : null;
    const note = missed.length === 0 ? '' : `; where it passed, it said it could not see below ${worst === null ? 'any size' : pct(worst)} (worst)`;
    console.log(`slowed ${pct(fraction).padStart(4)}: caught ${caught}/${rows.length}, undecided ${open}/${rows.length}, passed ${missed.length}/${rows.length}${note}`);
    if ((BAR.mustCatch as readonly number[]).includes(fraction)) met &&= caught === rows.length;
  }
  console.log(`bars (same build: <= 1 in 10 not passing; ${BAR.mustCatch.map(pct).join(' and ')} caught every time; 10% reported): ${met ? 'met' : 'NOT met'}`);
  console.log(`${machineLine()}; total wall time ${(totalMs / 1000).toFixed(0)} s`);
  return met ? 0 : 1;
}

/**
 * The detectable slowdown the gate stated for the slowed strategy, across its
 * points (a uniform slowdown is what was planted): from the
 * final report, or the first one when the final one (a confirming rerun of
 * other strategies) does not hold it.
 */
function statedPower(trial: Trial): number | null {
  if (trial.candidate.kind !== 'slowed') return null;
  const { strategy } = trial.candidate;
  // A uniform slowdown is what the gate decides across the strategy's points; a strategy without that, by its worst point.
  const of = (report: GateReport) => report.across.find((a) => a.strategy === strategy) ?? report.power.find((p) => p.strategy === strategy);
  return (of(trial.gate.report) ?? of(trial.gate.first))?.detectable ?? null;
}

/**
 * What the planted slowdown came to, as the first comparison estimated it
 * across the slowed strategy's points: the wait's timers cost CPU too, so a
 * CPU-bound fan-out can slow by more than the fraction planted.
 */
function realized(trial: Trial): string {
  if (trial.candidate.kind !== 'slowed') return '';
  const { strategy } = trial.candidate;
  const pooled = trial.gate.first.across.find((a) => a.strategy === strategy);
  return pooled === undefined ? '' : `; estimated across its points x${pooled.ratio.toFixed(2)}`;
}

/** The strategies the final verdict failed: regressed points or a changed class. */
function flagged(gate: SettledGate): string[] {
  return gate.report.exitCode === 1 ? regressedStrategies(gate.report) : [];
}

/** What failed a report: regressed points (ratio, interval's low end) and changed scaling classes. */
function failures(report: GateReport): string {
  const parts: string[] = [];
  for (const row of report.rows) {
    if (row.decision === 'regressed') parts.push(`${row.strategy} N=${row.n} x${row.ratio.toFixed(2)} (low ${row.ci.low.toFixed(3)})`);
  }
  for (const pooled of report.across) {
    if (pooled.decision === 'regressed') parts.push(`${pooled.strategy} across ${pooled.points} points x${pooled.ratio.toFixed(2)} (low ${pooled.ci.low.toFixed(3)})`);
  }
  for (const change of report.verdictChanges) {
    if (change.kind === 'class-changed') parts.push(`${change.strategy} verdict ${change.baseline} -> ${change.current}`);
  }
  return parts.join(', ');
}

function trialLine(t: Trial): string {
  const c = t.candidate;
  const name = c.kind === 'same-build' ? 'same build' : `${c.strategy} +${pct(c.fraction)}`;
  const how = [
    t.gate.confirmation
      ? `${failures(t.gate.first)}; rerun ${t.gate.confirmation.reproduced ? `confirmed: ${failures(t.gate.confirmation.report)}` : 'did not reproduce'}`
      : null,
    t.gate.rounds.length > 0 ? `${t.gate.rounds.length} round(s) of repetitions for ${[...new Set(t.gate.rounds.flatMap((r) => r.strategies))].join(', ')}` : null,
    `stop ${t.gate.stop}`,
    t.gate.report.exitCode === 1 && !t.gate.confirmation ? `pooled: ${failures(t.gate.report)}` : null,
  ].filter((x) => x !== null);
  const power = statedPower(t);
  const stated = c.kind === 'slowed' ? `; could not see below ${power === null ? 'any size' : pct(power)}${realized(t)}` : '';
  return `${String(t.trial).padStart(5)}  ${name.padEnd(24)}  ${String(t.gate.report.exitCode).padStart(4)}  ${t.seconds.toFixed(1).padStart(6)}  ${how.join(', ')}${stated}`;
}

function pct(fraction: number): string {
  return `${Number((fraction * 100).toFixed(1))}%`;
}

function machineLine(): string {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `machine: ${os.availableParallelism()} cpus (${os.cpus()[0]?.model.trim() ?? 'unknown'}), load average ${load}, Node ${process.version}`;
}

interface Flags {
  trials: number;
  slowdowns: number[];
  strategies: string[] | undefined;
  n: number[] | undefined;
  sequentialN: number[] | undefined;
  repeats: number | undefined;
  timeLimitMin: number;
}

/** The flags, or exit 2 naming the bad one. */
function readFlags(): Flags {
  const positiveInt = (flag: string, raw: string): number => {
    if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) throw new Error(`--${flag} must be a whole number >= 1, got ${JSON.stringify(raw)}.`);
    return Number(raw);
  };
  const ints = (flag: string, raw: string | undefined): number[] | undefined => raw?.split(',').map((s) => positiveInt(flag, s));
  try {
    const { values } = parseArgs({
      options: {
        trials: { type: 'string', default: '10' },
        slowdowns: { type: 'string', default: '0.1,0.2,0.5' },
        strategies: { type: 'string' },
        n: { type: 'string' },
        'sequential-n': { type: 'string' },
        repeats: { type: 'string' },
        'time-limit-min': { type: 'string', default: '240' },
      },
      strict: true,
    });
    const slowdowns = values.slowdowns.split(',').map((s) => {
      const f = Number(s);
      if (!(f > 0 && f < 10)) throw new Error(`--slowdowns must list fractions like 0.1, got ${JSON.stringify(s)}.`);
      return f;
    });
    return {
      trials: positiveInt('trials', values.trials),
      slowdowns,
      strategies: values.strategies?.match(/[^,()]+(\([^)]*\))?/g)?.map((s) => s.trim()),
      n: ints('n', values.n),
      sequentialN: ints('sequential-n', values['sequential-n']),
      repeats: values.repeats === undefined ? undefined : positiveInt('repeats', values.repeats),
      timeLimitMin: positiveInt('time-limit-min', values['time-limit-min']),
    };
  } catch (error) {
    console.error(`verdict-quality: ${(error as Error).message} Flags: --trials K, --slowdowns LIST, --strategies LIST, --n LIST, --sequential-n LIST, --repeats N, --time-limit-min M.`);
    process.exit(2);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (deadline.signal.aborted) {
    // What was measured before the limit, so a long run is not lost; no verdict on the bars.
    if (trials.length > 0) summarize(FLAGS.timeLimitMin * 60_000);
    console.error(
      `\nverdict-quality: stopped at its ${FLAGS.timeLimitMin}-minute limit after ${trials.length} candidates, with no verdict on the bars (the figures above cover those candidates only): ` +
        'the machine is too slow or too busy for this sweep. Try fewer --trials or a shorter --n.',
    );
  } else {
    console.error(`\nverdict-quality: failed: ${(error as Error).stack ?? String(error)}`);
  }
  process.exitCode = 2;
} finally {
  clearTimeout(timer);
}
