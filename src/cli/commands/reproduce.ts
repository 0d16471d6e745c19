import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildReportFiles, jsonFile } from '../../report/index.ts';
import { renderReproduceCharts, renderReproduceHtml, renderReproduceMarkdown, runReproduce, type ReproduceOptions } from '../../reproduce/index.ts';
import { type CommandIo, createProgress, formatDuration, intListFlag, listFlag, parse, type Parsed, writable, writeReportFiles } from '../index.ts';
import { UsageError } from '../../../mock-server/errors/index.ts';

export const REPRODUCE_HELP = `Usage: pokebench reproduce [options]

Reruns the blog's experiment on the mock: its clients as peers (Python sync,
ThreadPoolExecutor, asyncio with default and unlimited httpx limits, Go
goroutines) beside the Node strategies, on a PokeAPI-like profile with slim
and realistic payloads; then sweeps httpx's pool size and the mock's
concurrency cap. Checks the blog's claims (asyncio ~3.5x the thread pool,
asyncio linear, Go flat) and explains each with the measured roofline:
which roof binds (waiting or the client's own CPU) for every client and N.

Writes reproduce.md, reproduce.html, reproduce.json and chart-*.svg in --out, and the
full report of each payload's sweep in --out/<payload>/.
Peers whose toolchain is missing are skipped with a notice
('pokebench peers check' says how to install them).

Options:
  --quick               a smoke run (N 20..80, 2 repetitions): about a minute
  --thorough            the full grid: every client over the whole ladder with
                        both payloads, --repeats runs per point (~16 minutes)
  --cores-like LIST     core counts to emulate (default 8,16; 4,8,16 with
                        --thorough): the thread pool runs with Python's
                        min(32, c + 4) workers for each; this machine's own
                        count is always added;
                        'none' for no cores table
  --profile NAME|PATH   latency profile (default pokeapi-like)
  --n LIST              N ladder (default 100,400,1600)
  --sequential-n LIST   N ladder of the sequential clients (default 25,50,100)
  --repeats N           repetitions per point: the most (default 5, adaptive),
                        or exactly that many with --thorough (default 3)
  --payloads LIST       slim,realistic (default both)
  --peers LIST          peers to run (default all shipped peers)
  --out DIR             where the reports go (default pokebench-results/reproduce)
  -h, --help            show this help

The default run takes about 5 minutes on 2 cores. A point is repeated until
its runs agree within 8% (2 to 5 runs), or once when it is pure waiting and
within 10% of the model's prediction (the thread pool at N = 1600 waits ~30 s
a run); with realistic bodies, clients that were pure waiting with slim ones
run their smallest N only. Progress and an ETA go to stderr.
`;

const FLAGS = {
  quick: { type: 'boolean' },
  thorough: { type: 'boolean' },
  'cores-like': { type: 'string' },
  profile: { type: 'string' },
  n: { type: 'string' },
  'sequential-n': { type: 'string' },
  repeats: { type: 'string' },
  payloads: { type: 'string' },
  peers: { type: 'string' },
  out: { type: 'string' },
} as const;

/** Flags as {@link ReproduceOptions}; a bad value names its flag. */
export function reproduceFlags(values: Parsed['values']): ReproduceOptions {
  const payloads = listFlag(values, 'payloads');
  if (payloads && !payloads.every((p) => p === 'slim' || p === 'realistic')) {
    throw new UsageError(`--payloads must list slim and/or realistic, got ${JSON.stringify(values['payloads'])}.`);
  }
  const repeatsRaw = values['repeats'];
  let repeats: number | undefined;
  if (typeof repeatsRaw === 'string') {
    repeats = /^\d+$/.test(repeatsRaw) ? Number(repeatsRaw) : Number.NaN;
    if (!(repeats >= 1 && repeats <= 100)) throw new UsageError(`--repeats must be a whole number from 1 to 100, got ${JSON.stringify(repeatsRaw)}.`);
  }
  const coresRaw = values['cores-like'];
  const options: ReproduceOptions = {
    quick: values['quick'] === true,
    thorough: values['thorough'] === true,
    coresLike: coresRaw === 'none' ? [] : intListFlag(values, 'cores-like', 1024),
    profile: typeof values['profile'] === 'string' ? values['profile'] : undefined,
    ns: intListFlag(values, 'n', 100_000),
    sequentialNs: intListFlag(values, 'sequential-n', 100_000),
    repeats,
    payloads: payloads as ReproduceOptions['payloads'],
    peers: listFlag(values, 'peers'),
  };
  for (const key of Object.keys(options) as (keyof ReproduceOptions)[]) if (options[key] === undefined) delete options[key];
  return options;
}

/** `pokebench reproduce`. */
export async function reproduce(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse('reproduce', argv, FLAGS);
  if (values['help']) {
    io.out(REPRODUCE_HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`pokebench reproduce: unexpected argument ${JSON.stringify(positionals[0])}. See 'pokebench reproduce --help'.`);
  if (values['quick'] === true && values['thorough'] === true) throw new UsageError('--quick and --thorough cannot be combined: pick the smoke run or the full grid.');
  const options = reproduceFlags(values);
  const outDir = path.resolve(io.cwd, typeof values['out'] === 'string' ? values['out'] : path.join('pokebench-results', 'reproduce'));
  await writable(() => mkdir(outDir, { recursive: true }), outDir);

  const progress = createProgress(io);
  const report = await runReproduce(options, {
    onPhase: (phase) => io.err(`pokebench reproduce: ${phase}\n`),
    onProgress: progress.update,
    onNotice: (message) => io.err(`pokebench: ${message}\n`),
  }).finally(() => progress.done());

  const charts = await renderReproduceCharts(report);
  const files: Record<string, string> = {
    'reproduce.json': jsonFile(report),
    'reproduce.md': renderReproduceMarkdown(report),
    'reproduce.html': await renderReproduceHtml(report, charts),
    ...charts,
  };
  await writeReportFiles(outDir, files);
  for (const { payload, results } of report.payloads) await writeReportFiles(path.join(outDir, payload), await buildReportFiles(results));
  io.out(files['reproduce.md'] ?? '');
  io.out(`\nReproduced in ${formatDuration(report.durationMs)}. Reports in ${path.relative(io.cwd, outDir) || '.'}/: ${Object.keys(files).join(', ')}, ${report.payloads.map((p) => `${p.payload}/`).join(', ')}\n`);
  return 0;
}
