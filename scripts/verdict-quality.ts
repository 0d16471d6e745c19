/**
 * `npm run bench:verdicts` (`tsx scripts/verdict-quality.ts`): how often does
 * the real regression gate cry wolf, and how often does it sleep through a
 * real regression?
 *
 * Records one baseline with `runBenchmark` (embedded mock, fast-jitter-30ms,
 * concurrent and bounded(4)), then runs TRIALS trials of two candidates,
 * interleaved so drift on the shared machine hits both:
 * - same build: the same config again. Anything but a pass is a false alarm
 *   (a regression would fail the build; so would an unusable comparison).
 * - planted: the strategy named `concurrent` actually runs bounded(4).
 *   Anything but a regression is a miss.
 * Each candidate goes through the gate exactly as `pokebench run --baseline`
 * does: `compareResults`, then the confirm-by-rerun rule (`confirmRegression`),
 * the rerun measuring the suspects with the same hooks.
 *
 * Bar: 0 misses and at most 1 false alarm in 10. Exit 0 when met, 1 when
 * not, 2 when the run passed its time limit or failed.
 *
 * Flags: --trials N (default 10), --n LIST (N ladder), --repeats N.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { RunConfig } from '../src/config/run-config.ts';
import { compareResults, confirmRegression, GATE_DEFAULTS, type ConfirmedGate, type GateReport } from '../src/gate/index.ts';
import type { Results } from '../src/results/types.ts';
import { bounded } from '../src/strategies/index.ts';
import { runBenchmark, type RunHooks } from '../src/sweep/run-benchmark.ts';
import type { Strategy } from '../src/types.ts';
import { verdictLabel } from '../src/results/index.ts';

const TIME_LIMIT_MS = 15 * 60_000;
const BAR = { misses: 0, falseAlarms: 1 } as const;

const { TRIALS, REPEATS, LADDER } = readFlags();
const THRESHOLD = GATE_DEFAULTS.threshold;

// What `pokebench run --profile fast-jitter-30ms --strategies concurrent,bounded(4) --n … --repeats …` would measure.
const CONFIG: RunConfig = {
  profile: 'fast-jitter-30ms',
  strategies: ['concurrent', 'bounded(4)'],
  n: LADDER,
  repeats: REPEATS,
  warmup: 1,
};

/** bounded(4) under the name and kind of `concurrent`: the planted regression. */
function plantedConcurrent(): Strategy {
  const { run } = bounded(4);
  return Object.freeze({ name: 'concurrent', kind: 'concurrent', run } satisfies Strategy);
}

type Kind = 'same-build' | 'planted';

interface Trial {
  trial: number;
  kind: Kind;
  gate: ConfirmedGate;
  seconds: number;
}

/** Every candidate gated so far, in order. */
const trials: Trial[] = [];
const deadline = new AbortController();
const timer = setTimeout(() => deadline.abort(new Error('time limit')), TIME_LIMIT_MS);
timer.unref();

async function main(): Promise<number> {
  const started = performance.now();
  console.log(`verdict quality: ${TRIALS} same-build and ${TRIALS} planted trials (concurrent := bounded(4)), each gated like 'pokebench run --baseline'`);
  console.log(`config: profile ${CONFIG.profile}, strategies ${CONFIG.strategies?.join(', ')}, N ${LADDER.join(',')}, repeats ${REPEATS}, warmup ${CONFIG.warmup}, threshold ${THRESHOLD * 100}%`);
  console.log(machineLine());

  const baseline = await runBenchmark(CONFIG, { signal: deadline.signal });
  console.log(`baseline recorded in ${(baseline.durationMs / 1000).toFixed(1)} s: ${baseline.strategies.map((s) => `${s.name} ${verdictLabel(s.scaling.verdict)}`).join(', ')}\n`);
  console.log(`${'trial'.padStart(5)}  ${'kind'.padEnd(10)}  ${'status'.padEnd(10)}  ${'s'.padStart(5)}  what regressed (first pass; rerun)`);

  for (let trial = 1; trial <= TRIALS; trial++) {
    // Alternate which candidate goes first, so neither always follows the other.
    const order: Kind[] = trial % 2 === 1 ? ['same-build', 'planted'] : ['planted', 'same-build'];
    for (const kind of order) {
      const t0 = performance.now();
      const gate = await gateCandidate(baseline, kind);
      const result = { trial, kind, gate, seconds: (performance.now() - t0) / 1000 };
      trials.push(result);
      console.log(trialLine(result));
    }
  }

  const sameBuild = trials.filter((t) => t.kind === 'same-build');
  const planted = trials.filter((t) => t.kind === 'planted');
  const falseAlarms = sameBuild.filter((t) => t.gate.report.exitCode !== 0).length;
  const misses = planted.filter((t) => t.gate.report.status !== 'regression').length;
  const firstPass = sameBuild.filter((t) => t.gate.kind !== 'not-needed').length;
  const met = misses <= BAR.misses && falseAlarms <= BAR.falseAlarms * (TRIALS / 10);
  console.log('');
  console.log(`false alarms: ${falseAlarms}/${sameBuild.length} (same build flagged on the first pass: ${firstPass}/${sameBuild.length}, cleared by the rerun: ${firstPass - falseAlarms})`);
  console.log(`misses:       ${misses}/${planted.length}`);
  console.log(`bar (0 misses, <= 1 false alarm in 10): ${met ? 'met' : 'NOT met'}`);
  console.log(`${machineLine()}; took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return met ? 0 : 1;
}

/** One candidate through the gate, confirm-by-rerun included, as `pokebench run --baseline` does it. */
async function gateCandidate(baseline: Results, kind: Kind): Promise<ConfirmedGate> {
  const hooks: RunHooks = {
    signal: deadline.signal,
    strategyOverride: kind === 'planted' ? (name) => (name === 'concurrent' ? plantedConcurrent() : undefined) : undefined,
  };
  const results = await runBenchmark(CONFIG, hooks);
  const options = { threshold: THRESHOLD };
  return confirmRegression(baseline, compareResults(baseline, results, options), options, (suspects) =>
    runBenchmark({ ...CONFIG, strategies: results.strategies.filter((s) => suspects.includes(s.name)).map((s) => s.name) }, hooks),
  );
}

function trialLine({ trial, kind, gate, seconds }: Trial): string {
  const what =
    gate.kind === 'not-needed'
      ? gate.report.status === 'unusable'
        ? gate.report.blockers.join(' ')
        : `nothing; ${closestCall(gate.report)}`
      : `${regressions(gate.first)}; rerun ${gate.kind === 'confirmed' ? 'confirmed' : 'did not reproduce'}: ${regressions(gate.report) || 'nothing'}`;
  return `${String(trial).padStart(5)}  ${kind.padEnd(10)}  ${gate.report.status.padEnd(10)}  ${seconds.toFixed(1).padStart(5)}  ${what}`;
}

/**
 * The regressed points and changed verdicts of a report, e.g.
 * `concurrent N=10 x2.44, 25 x4.76; concurrent verdict flat -> partial(1/4)`.
 * Close calls (ratio under 1.5) also show the low end of their interval, the
 * number that had to clear 1 + threshold.
 */
function regressions(report: GateReport): string {
  const parts: string[] = [];
  for (const strategy of new Set(report.rows.map((r) => r.strategy))) {
    const points = report.rows
      .filter((r) => r.strategy === strategy && r.decision === 'regressed')
      .map((r, i) => `${i === 0 ? 'N=' : ''}${r.n} x${r.ratio.toFixed(2)}${r.ci && r.ratio < 1.5 ? ` (low ${r.ci.low.toFixed(3)})` : ''}`);
    if (points.length > 0) parts.push(`${strategy} ${points.join(', ')}`);
  }
  for (const change of report.verdictChanges) {
    if (change.kind === 'class-changed') parts.push(`${change.strategy} verdict ${change.baseline} -> ${change.current}`);
  }
  return parts.join('; ');
}

/** For a pass: the point closest to regressing (highest low end of its interval) and how many points were undecided. */
function closestCall(report: GateReport): string {
  const decided = report.rows.flatMap((r) => (r.ci === null ? [] : [{ ...r, low: r.ci.low }]));
  const worst = decided.reduce<(typeof decided)[number] | undefined>((a, r) => (a === undefined || r.low > a.low ? r : a), undefined);
  const open = report.rows.filter((r) => r.decision === 'inconclusive').length;
  const closest = worst === undefined ? 'no interval' : `closest ${worst.strategy} N=${worst.n} x${worst.ratio.toFixed(2)} (low ${worst.low.toFixed(3)})`;
  return `${closest}, ${open} inconclusive`;
}

function machineLine(): string {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `machine: ${os.availableParallelism()} cpus (${os.cpus()[0]?.model.trim() ?? 'unknown'}), load average ${load}, Node ${process.version}`;
}

/** The flags, or exit 2 naming the bad one. */
function readFlags(): { TRIALS: number; REPEATS: number; LADDER: number[] } {
  const positiveInt = (flag: string, raw: string): number => {
    if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) throw new Error(`--${flag} must be a whole number >= 1, got ${JSON.stringify(raw)}.`);
    return Number(raw);
  };
  try {
    const { values } = parseArgs({
      options: { trials: { type: 'string', default: '10' }, n: { type: 'string', default: '1,10,25,50,100' }, repeats: { type: 'string', default: '5' } },
      strict: true,
    });
    return {
      TRIALS: positiveInt('trials', values.trials),
      REPEATS: positiveInt('repeats', values.repeats),
      LADDER: values.n.split(',').map((s) => positiveInt('n', s)),
    };
  } catch (error) {
    console.error(`verdict-quality: ${(error as Error).message} Flags: --trials N, --n LIST, --repeats N.`);
    process.exit(2);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (deadline.signal.aborted) {
    console.error(
      `\nverdict-quality: stopped at its ${TIME_LIMIT_MS / 60_000}-minute limit after ${trials.length} of ${2 * TRIALS} candidates, with no verdict on the bar: ` +
        'the machine is too slow or too busy for this ladder. Try a shorter --n or fewer --trials.',
    );
  } else {
    console.error(`\nverdict-quality: failed: ${(error as Error).stack ?? String(error)}`);
  }
  process.exitCode = 2;
} finally {
  clearTimeout(timer);
}
