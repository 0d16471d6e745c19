import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadRunConfig, validateRunConfig, type RunConfig } from '../../config/run-config.ts';
import { buildReportFiles, jsonFile, renderTable, renderTerminalChart } from '../../report/index.ts';
import { compareResults, confirmRegression, renderGateMarkdown, renderGateReport } from '../../gate/index.ts';
import { RUN_DEFAULTS, resolveStrategies, runBenchmark } from '../../sweep/run-benchmark.ts';
import { intListFlag, listFlag, parse, parseThreshold, type Parsed } from '../args.ts';
import { UsageError } from '../../../mock-server/errors.ts';
import type { CommandIo } from '../io.ts';
import { appendStepSummary, readResults, writable, writeReportFiles } from '../files.ts';
import { createProgress, formatDuration } from '../progress.ts';
import { capacityWarning, readCalibration } from '../../calibrate/index.ts';
import { defaultPoolSize } from '../../strategies/index.ts';

export const RUN_HELP = `Usage: pokebench run [options]

Starts the embedded mock PokeAPI, sweeps each strategy over its N ladder
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
  --warmup N             unmeasured warm-up runs per strategy (default ${RUN_DEFAULTS.warmup})
  --k N                  pool size (default min(32, cpus + 4), like Python's thread pool)
  --client undici|fetch  HTTP client (default ${RUN_DEFAULTS.client})
  --connections N        most sockets the client opens (default unlimited)
  --payload slim|realistic  body size of the embedded mock (default ${RUN_DEFAULTS.payload})
  --url URL              benchmark a server already running here instead
  --out DIR              where reports go (default ${RUN_DEFAULTS.out})
  --json                 print results.json to stdout instead of the table
  --timeout MS           per-request timeout (default ${RUN_DEFAULTS.timeoutMs})
  --max-seconds S        stop the sweep after S seconds (default ${RUN_DEFAULTS.maxSeconds})
  --baseline FILE        compare with a saved results.json; exit 1 on a regression
  --threshold PCT        noise threshold of the comparison (default 10%)
  --config FILE          config file (default: pokebench.config.{ts,mjs,js,json} here)
  -h, --help             show this help

Exit codes: 0 done, 1 regression against --baseline, 2 bad input.
`;

const FLAGS = {
  profile: { type: 'string' },
  seed: { type: 'string' },
  strategies: { type: 'string' },
  peers: { type: 'string' },
  n: { type: 'string' },
  'sequential-n': { type: 'string' },
  repeats: { type: 'string' },
  warmup: { type: 'string' },
  k: { type: 'string' },
  client: { type: 'string' },
  connections: { type: 'string' },
  payload: { type: 'string' },
  url: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  'max-seconds': { type: 'string' },
  baseline: { type: 'string' },
  threshold: { type: 'string' },
  config: { type: 'string' },
} as const;

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
    warmup: num('warmup'),
    k: num('k'),
    client: str('client'),
    connections: num('connections'),
    payload: str('payload'),
    url: str('url'),
    out: str('out'),
    timeoutMs: num('timeout'),
    maxSeconds: num('max-seconds'),
    baseline: str('baseline'),
    threshold: parseThreshold(str('threshold')),
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

/** The most requests a sweep of `config` has in flight at once: the largest N of a concurrent client, else the largest pool. */
export function maxInFlight(config: RunConfig): number {
  const names = config.strategies ?? RUN_DEFAULTS.strategies;
  const concurrentN = Math.max(...(config.n ?? RUN_DEFAULTS.concurrentN));
  if (names.includes('concurrent') || (config.peers?.length ?? 0) > 0) return concurrentN;
  const sizes = resolveStrategies(names, config.k ?? defaultPoolSize()).map((strategy) => strategy.k ?? 1);
  return Math.min(concurrentN, Math.max(1, ...sizes));
}

/** `pokebench run`. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse('run', argv, FLAGS);
  if (values['help']) {
    io.out(RUN_HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`pokebench run: unexpected argument ${JSON.stringify(positionals[0])}. See 'pokebench run --help'.`);
  const fromFile = await loadRunConfig(io.cwd, typeof values['config'] === 'string' ? values['config'] : undefined);
  const config: RunConfig = { ...fromFile.config, ...flagsToConfig(values) };
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
  const results = await runBenchmark(config, {
    onProgress: progress.update,
    onServer: (url, embedded) => io.err(`pokebench: ${embedded ? 'embedded mock' : 'external server'} at ${url}\n`),
    onNotice: (message) => io.err(`pokebench: ${message}\n`),
  }).finally(() => progress.done());

  // results.json first: whatever happens to the reports, the measurements are kept.
  await writeReportFiles(outDir, { 'results.json': jsonFile(results) });
  const files = await buildReportFiles(results);
  await writeReportFiles(outDir, files);
  if (files['summary.md']) await appendStepSummary(io, files['summary.md']);

  if (values['json']) io.out(`${files['results.json']}\n`);
  else {
    io.out(`${renderTable(results)}\n${renderTerminalChart(results)}\n`);
    io.out(`Swept in ${formatDuration(results.durationMs)}. Reports in ${path.relative(io.cwd, outDir) || '.'}/: ${Object.keys(files).join(', ')}\n`);
  }

  if (!baseline) return 0;
  const threshold = config.threshold;
  const print = values['json'] ? io.err : io.out;
  const first = compareResults(baseline, results, { threshold });
  print(`\n${renderGateReport(first)}\n`);
  // A failing verdict is confirmed by one rerun of the strategies at fault
  // before the exit code says 1: one slow minute on a shared runner must not fail a build.
  const gate = await confirmRegression(baseline, first, { threshold }, async (suspects) => {
    io.err(`pokebench: regression in ${suspects.join(', ')}; confirming with one rerun of ${suspects.length === 1 ? 'it' : 'them'}...\n`);
    const rerunProgress = createProgress(io);
    const rerun = results.strategies.filter((s) => suspects.includes(s.name));
    const strategies = rerun.filter((s) => !s.external).map((s) => s.name);
    const peers = rerun.filter((s) => s.external).map((s) => s.external?.command ?? s.name);
    return runBenchmark({ ...config, strategies, peers }, { onProgress: rerunProgress.update }).finally(() => rerunProgress.done());
  });
  const report = gate.report;
  if (gate.kind !== 'not-needed') {
    print(`\nRerun of ${gate.suspects.join(', ')}:\n${renderGateReport(report)}\n`);
    if (gate.kind === 'not-reproduced') print('The regression did not reproduce on the rerun: treated as noise, exit 0.\n');
  }
  await writeReportFiles(outDir, { 'compare.md': renderGateMarkdown(report) });
  await appendStepSummary(io, renderGateMarkdown(report));
  return report.exitCode;
}
