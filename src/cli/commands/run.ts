import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadRunConfig, validateRunConfig, type RunConfig } from '../../config/index.ts';
import { renderTable, renderTerminalChart } from '../../report/index.ts';
import { isUndecided, renderGateMarkdown, renderGateReport, RERUN_DEFAULTS, settleGate, type SettledGate } from '../../gate/index.ts';
import { RUN_DEFAULTS, resolveMaxRepeats, resolveStrategies, runBenchmarkWith, strategyLadder, type RunSeam } from '../../sweep/index.ts';
import { largestFanOut, type FanOutStrategy } from '../../limits/index.ts';
import {
  appendStepSummary,
  type CommandIo,
  createProgress,
  formatDuration,
  intListFlag,
  listFlag,
  parse,
  type Parsed,
  parseThreshold,
  readResults,
  writable,
  writeReportFiles,
  writeRunOutput,
} from '../index.ts';
import { UsageError } from '../../../mock-server/errors/index.ts';
import { capacityWarning, readCalibration } from '../../calibrate/index.ts';
import { defaultPoolSize } from '../../strategies/index.ts';
import { parseShardFlag } from '../../shard/index.ts';

export const RUN_HELP = `Usage: pokebench run [options]

Starts the mock PokeAPI in a process of its own, sweeps each strategy over its N ladder
(interleaved repetitions), and reports T(N), the model's ideal, efficiency
and a scaling verdict per strategy: a table and chart here, and
results.json, report.html, summary.md and SVG charts in --out.

Options:
  --profile NAME|PATH    latency profile (default ${RUN_DEFAULTS.profile})
  --seed N               override the profile's seed
  --strategies LIST      comma-separated: sequential,concurrent,bounded(4),
                         batched(4),workers(4); bare bounded/batched/workers
                         take --k (default: all five)
  --peers LIST           external clients too: py-sync, py-threadpool, py-asyncio,
                         py-asyncio-unlimited, go-goroutines, or a command line
                         speaking the peer protocol ('pokebench peers check')
  --n LIST               N ladder for every strategy but sequential
                         (default: concurrent ${RUN_DEFAULTS.concurrentN.join(',')};
                         pools ${RUN_DEFAULTS.poolN.join(',')})
  --sequential-n LIST    N ladder for sequential (default ${RUN_DEFAULTS.sequentialN.join(',')})
  --repeats N            measured repetitions per point, >= 3 for a verdict (default ${RUN_DEFAULTS.repeats})
  --max-repeats N        most repetitions of a point the gate could not yet decide
                         against itself, within half again the sweep's time
                         (default ${RUN_DEFAULTS.maxRepeats}; with --repeats, the same as --repeats)
  --warmup N             unmeasured warm-up runs per strategy (default ${RUN_DEFAULTS.warmup})
  --k N                  pool size (default min(32, cpus + 4), like Python's thread pool)
  --client undici|fetch  HTTP client (default ${RUN_DEFAULTS.client})
  --connections N        most sockets the client opens (default unlimited)
  --payload slim|realistic  body size of the embedded mock (default ${RUN_DEFAULTS.payload})
  --url URL              benchmark a server already running here instead; a
                         pokebench mock's admin API (token: $POKEBENCH_ADMIN_TOKEN)
                         tells how many workers served it and their merged stats
  --mock child|in-process  where the mock runs: its own process (default), or
                         the client's event loop (where spawning is not allowed;
                         the mock's work is then billed to the client)
  --out DIR              where reports go (default ${RUN_DEFAULTS.out})
  --json                 print results.json to stdout instead of the table
  --timeout MS           per-request timeout (default ${RUN_DEFAULTS.timeoutMs})
  --max-seconds S        stop the sweep after S seconds (default ${RUN_DEFAULTS.maxSeconds})
  --baseline FILE        compare with a saved results.json; exit 1 on a regression
  --threshold PCT        noise threshold of the comparison (default 10%)
  --max-reruns N         with --baseline: rounds of reruns that add repetitions
                         to undecided points (default ${RERUN_DEFAULTS.maxReruns})
  --rerun-budget-s S     with --baseline: seconds all reruns may take (default ${RERUN_DEFAULTS.seconds})
  --allow-inconclusive   with --baseline: pass, with a warning, when points are
                         still undecided after the reruns
  --config FILE          config file (default: pokebench.config.{ts,mjs,js,json} here)
  --shard I/N            run shard I of N: whole strategies (peers too), dealt in
                         list order; combine the shards with 'pokebench merge'
  -h, --help             show this help

Exit codes: 0 done (no regression against --baseline), 1 regression
(confirmed by a rerun), 2 bad input, runs not comparable, a ladder this
machine cannot fan out (refused before it starts), or an invalid strategy
(its runs lost requests to the machine, not to the profile), 3 inconclusive
(with --baseline: no regression seen, but some point stayed undecided after
the reruns; --allow-inconclusive makes it 0).
`;

const FLAGS = {
  profile: { type: 'string' },
  seed: { type: 'string' },
  strategies: { type: 'string' },
  peers: { type: 'string' },
  n: { type: 'string' },
  'sequential-n': { type: 'string' },
  repeats: { type: 'string' },
  'max-repeats': { type: 'string' },
  warmup: { type: 'string' },
  k: { type: 'string' },
  client: { type: 'string' },
  connections: { type: 'string' },
  payload: { type: 'string' },
  url: { type: 'string' },
  mock: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  'max-seconds': { type: 'string' },
  baseline: { type: 'string' },
  threshold: { type: 'string' },
  'max-reruns': { type: 'string' },
  'rerun-budget-s': { type: 'string' },
  'allow-inconclusive': { type: 'boolean' },
  config: { type: 'string' },
  shard: { type: 'string' },
} as const;

/** How the log line names where the mock runs. */
const MOCK_LABEL = { child: 'mock in a child process', 'in-process': 'mock in this process (its work is billed to the client)', external: 'external server' } as const;

/** The gate's flags of `run --baseline` (not part of the sweep's config). */
export function gateFlags(values: Parsed['values']): { maxReruns: number; seconds: number; allowInconclusive: boolean } {
  const whole = (flag: string, fallback: number): number => {
    const raw = values[flag];
    if (typeof raw !== 'string') return fallback;
    if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--${flag} must be a whole number ≥ 0, got ${JSON.stringify(raw)}.`);
    return Number(raw);
  };
  return {
    maxReruns: whole('max-reruns', RERUN_DEFAULTS.maxReruns),
    seconds: whole('rerun-budget-s', RERUN_DEFAULTS.seconds),
    allowInconclusive: values['allow-inconclusive'] === true,
  };
}

/** Flags as a partial {@link RunConfig}; values are checked by the config schema, errors name the flag. */
export function flagsToConfig(values: Parsed['values']): RunConfig {
  const config: Record<string, unknown> = {};
  const str = (flag: string) => (typeof values[flag] === 'string' ? (values[flag] as string) : undefined);
  const num = (flag: string): number | undefined => {
    const raw = str(flag);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${flag} must be a number, got ${JSON.stringify(raw)}.`);
    return value;
  };
  const list = (flag: string) => listFlag(values, flag);
  const ints = (flag: string) => intListFlag(values, flag);

  Object.assign(config, {
    profile: str('profile'),
    seed: num('seed'),
    strategies: list('strategies'),
    peers: list('peers'),
    n: ints('n'),
    sequentialN: ints('sequential-n'),
    repeats: num('repeats'),
    maxRepeats: num('max-repeats'),
    warmup: num('warmup'),
    k: num('k'),
    client: str('client'),
    connections: num('connections'),
    payload: str('payload'),
    url: str('url'),
    mock: str('mock'),
    out: str('out'),
    timeoutMs: num('timeout'),
    maxSeconds: num('max-seconds'),
    baseline: str('baseline'),
    threshold: parseThreshold(str('threshold')),
    shard: str('shard') === undefined ? undefined : parseShardFlag(str('shard')!),
  });
  for (const key of Object.keys(config)) if (config[key] === undefined) delete config[key];
  try {
    return validateRunConfig(config, 'the command line');
  } catch (error) {
    // Name the flag, not the config key.
    const flagged = (error as Error).message.replace(/^\s{2}(\w+):/gm, (_m, key: string) => `  --${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace('timeout-ms', 'timeout')}:`);
    throw new UsageError(flagged);
  }
}

/**
 * The most requests a sweep of `config` has in flight at once (the largest N
 * of a concurrent client or a peer, else the largest pool, capped by
 * --connections): the same count the machine-limits preflight uses.
 */
export function maxInFlight(config: RunConfig): number {
  const strategies: FanOutStrategy[] = [
    ...resolveStrategies(config.strategies ?? RUN_DEFAULTS.strategies, config.k ?? defaultPoolSize()),
    ...(config.peers ?? []).map((name) => ({ name, kind: 'concurrent' as const, external: true })),
  ];
  return largestFanOut(strategies, (s) => strategyLadder(config, s.kind), { connections: config.connections, serverInProcess: true }).connections;
}

/** `pokebench run`. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  return runWith(argv, io, {});
}

/** `pokebench run` with the sweep's internal test seam (a planted slower strategy); for tests only. */
export async function runWith(argv: readonly string[], io: CommandIo, seam: RunSeam): Promise<number> {
  const { values, positionals } = parse('run', argv, FLAGS);
  if (values['help']) {
    io.out(RUN_HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`pokebench run: unexpected argument ${JSON.stringify(positionals[0])}. See 'pokebench run --help'.`);
  const fromFile = await loadRunConfig(io.cwd, typeof values['config'] === 'string' ? values['config'] : undefined);
  const config: RunConfig = { ...fromFile.config, ...flagsToConfig(values) };
  const gateBudget = gateFlags(values);
  if (fromFile.file) io.err(`pokebench: using config ${path.relative(io.cwd, fromFile.file) || fromFile.file}\n`);

  // Read the baseline first: a bad one should fail before a minute of measuring.
  const baseline = config.baseline ? await readResults(path.resolve(io.cwd, config.baseline)) : undefined;

  // Make the output folder first: a folder that cannot be written should fail before a minute of measuring.
  const outDir = path.resolve(io.cwd, config.out ?? RUN_DEFAULTS.out);
  await writable(() => mkdir(outDir, { recursive: true }), outDir);

  // A calibration of this machine (pokebench calibrate) says how much load the mock holds faithfully.
  if (!config.url) {
    const calibration = await readCalibration(outDir).catch((error: Error) => {
      io.err(`pokebench: ignoring the calibration in ${path.relative(io.cwd, outDir) || '.'}: ${error.message}\n`);
      return undefined;
    });
    const warning = calibration && capacityWarning(calibration, { maxInFlight: maxInFlight(config) });
    if (warning) io.err(`${warning}\n`);
  }

  const progress = createProgress(io);
  const results = await runBenchmarkWith(config, {
    onProgress: progress.update,
    onServer: (url, placement) => io.err(`pokebench: ${MOCK_LABEL[placement]} at ${url}\n`),
    onNotice: (message) => io.err(`pokebench: ${message}\n`),
    adminToken: io.env['POKEBENCH_ADMIN_TOKEN'] || undefined,
  }, seam).finally(() => progress.done());

  const files = await writeRunOutput(results, outDir, io);

  if (values['json']) io.out(`${files['results.json']}\n`);
  else {
    io.out(`${renderTable(results)}\n${renderTerminalChart(results)}\n`);
    io.out(`Swept in ${formatDuration(results.durationMs)}. Reports in ${path.relative(io.cwd, outDir) || '.'}/: ${Object.keys(files).join(', ')}\n`);
  }

  // Runs that lost requests to the machine measured nothing: the run failed, whatever a baseline says.
  const invalid = results.strategies.filter((s) => s.scaling.verdict.class === 'invalid');
  for (const s of invalid) io.err(`pokebench: ${s.name} is invalid: ${s.scaling.reason}\n`);
  if (!baseline) return invalid.length > 0 ? 2 : 0;
  const threshold = config.threshold;
  const print = values['json'] ? io.err : io.out;
  const options = { threshold, allowInconclusive: gateBudget.allowInconclusive };
  const gate = await settleGate(baseline, results, options, gateBudget, {
    rerun: async (names, purpose) => {
      io.err(
        purpose === 'confirm'
          ? `pokebench: regression in ${names.join(', ')}; confirming with one rerun of ${names.length === 1 ? 'it' : 'them'}...\n`
          : `pokebench: undecided points in ${names.join(', ')}; adding ${repetitionsText(config)} per point...\n`,
      );
      const rerunProgress = createProgress(io);
      const rerun = results.strategies.filter((s) => names.includes(s.name));
      const strategies = rerun.filter((s) => !s.external).map((s) => s.name);
      const peers = rerun.filter((s) => s.external).map((s) => s.external?.command ?? s.name);
      const current = await runBenchmarkWith({ ...config, strategies, peers, shard: undefined }, { onProgress: rerunProgress.update }, seam).finally(() => rerunProgress.done());
      return { current };
    },
  });
  print(`\n${describeGate(gate)}\n`);
  const report = gate.report;
  await writeReportFiles(outDir, { 'compare.md': renderGateMarkdown(report), 'compare.json': `${JSON.stringify(report, null, 2)}\n` });
  // summary.md is what CI shows: it ends with the gate's answer and its power.
  await writable(() => appendFile(path.join(outDir, 'summary.md'), `\n${renderGateMarkdown(report)}`), path.join(outDir, 'summary.md'));
  await appendStepSummary(io, renderGateMarkdown(report));
  return report.exitCode;
}

/** The gate's story for the terminal: the first comparison, the confirming rerun, the rounds that added repetitions, the final report. */
function describeGate(gate: SettledGate): string {
  const parts = [renderGateReport(gate.first)];
  if (gate.confirmation) {
    parts.push(`Rerun of ${gate.confirmation.suspects.join(', ')}:\n${renderGateReport(gate.confirmation.report)}`);
    if (!gate.confirmation.reproduced) parts.push('The regression did not reproduce on the rerun: treated as noise.');
  }
  gate.rounds.forEach((round, i) => {
    const open = round.report.rows.filter(isUndecided).length;
    parts.push(`Rerun ${i + 1} added repetitions to ${round.strategies.join(', ')}: ${open === 0 ? 'every point decided' : `${open} point(s) still undecided`}.`);
  });
  if (gate.report !== gate.first && gate.report !== gate.confirmation?.report) parts.push(`With every run pooled:\n${renderGateReport(gate.report)}`);
  return parts.join('\n\n');
}

/** The repetitions a rerun adds to each point: `5 repetitions`, or `5 to 25 repetitions` where noisy points get more. */
function repetitionsText(config: RunConfig): string {
  const repeats = config.repeats ?? RUN_DEFAULTS.repeats;
  const most = resolveMaxRepeats(config, repeats);
  return most > repeats ? `${repeats} to ${most} repetitions` : `${repeats} repetitions`;
}
