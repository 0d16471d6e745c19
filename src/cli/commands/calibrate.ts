import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { isProfilePath, loadProfile } from '../../../mock-server/profile/index.ts';
import { CALIBRATE_DEFAULTS, QUICK_DEFAULTS, formatCalibration, renderCalibration, runCalibration, writeCalibration, type CalibrateOptions } from '../../calibrate/index.ts';
import { RUN_DEFAULTS } from '../../sweep/index.ts';
import { choiceFlag, type CommandIo, formatDuration, intFlag, parse, type Parsed, stringFlag, writable } from '../index.ts';
import { UsageError } from '../../../mock-server/errors/index.ts';
import { readMachineLimits, renderLimits } from '../../limits/index.ts';

const D = CALIBRATE_DEFAULTS;
const Q = QUICK_DEFAULTS;

/** `pokebench calibrate --help`: what is measured, the rules, the time bounds, the flags. */
export const CALIBRATE_HELP = `Usage: pokebench calibrate [options]

Measures the mock on THIS machine, so the server never sets the slope of a
sweep without anyone knowing. The mock and a bare node:http server run in a
child process; autocannon loads them from this one (no shared event loop).

  (a) capacity   the mock on 'instant' vs a bare node:http server sending the
                 same bytes: req/s, p50/p99, ratio mock/bare (median of the
                 per-round ratios), ${D.capacityRounds} alternating rounds, ${D.capacityConnections} connections
  (b) fidelity   the chosen profile at a moderate load (${D.fidelityConnections} connections): client
                 p50/p90/p99/p99.9 against the profile's theoretical quantiles
                 (clamp included) and the delays the server applied.
                 Faithful when p50, p90 and p99 are each within
                 max(1 ms, 5% of theory) of theory's 95% sampling band
                 for the responses measured; p99.9 is reported, not judged.
                 Non-2xx and connection errors are counted apart.
  (c) safe concurrency  a fixed ${D.ladderDelayMs} ms delay, connections climbing
                 ${D.ladder.join(', ')}, each rung run against the mock and
                 against a bare node:http server holding the same delay,
                 stopping at the first failing rung: a rung passes when
                 mock p99 - bare p99 < budget (${D.budgetMs} ms) plus 1 ms of slack
                 (a timer tick) and no request failed. The answer is the
                 last rung that passed.

  An unfaithful run in (b) and a failing rung in (c) are rerun once; the rerun
  decides (one hiccup of a shared machine is not the mock).

Takes 30-60 s; every load run is capped in time, so even the worst case
(each rung passing only on its rerun) is bounded under 2 minutes; --quick
takes 10-25 s.
It also reports the machine's limits on a fan-out (open files, local ports,
listen backlog) and the largest N this process can open at once, the limits
'pokebench run' checks before a sweep.
The result goes to <out>/calibration.json; 'pokebench run' reads it there and
warns when a sweep puts more requests in flight than the safe concurrency.

Options:
  --profile NAME|PATH   profile judged in (b) (default ${D.profile})
  --quick               shorter rounds: ${Q.capacityRoundMs} ms rounds, ${Q.fidelityResponses} responses or ${Q.fidelityMaxMs / 1000} s
                        for (b), ${Q.stepMs} ms rungs (default: ${D.capacityRoundMs} ms, ${D.fidelityResponses} or ${D.fidelityMaxMs / 1000} s, ${D.stepMs} ms)
  --connections N       connections of (b) (default ${D.fidelityConnections})
  --ladder LIST         connections of (c), ascending (default ${D.ladder.join(',')})
  --budget MS           p99 budget of (c) on top of the timer slack (default ${D.budgetMs})
  --payload slim|realistic  body size (default ${D.payload})
  --out DIR             where calibration.json goes (default ${RUN_DEFAULTS.out})
  --json                print calibration.json to stdout instead of the tables
  -h, --help            show this help

Progress goes to stderr, one line per step. Exit codes: 0 done (whatever the
verdicts), 2 bad input, 3 the servers could not be started.
`;

const FLAGS = {
  profile: { type: 'string' },
  quick: { type: 'boolean' },
  connections: { type: 'string' },
  ladder: { type: 'string' },
  budget: { type: 'string' },
  payload: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** The command line as {@link CalibrateOptions}; a bad value is a usage error naming the flag. */
export function calibrateOptionsFromFlags(values: Parsed['values']): CalibrateOptions {
  const options: CalibrateOptions = {
    profile: stringFlag(values, 'profile'),
    quick: values['quick'] === true,
    payload: choiceFlag(values, 'payload', ['slim', 'realistic'] as const, D.payload),
  };
  if (values['connections'] !== undefined) options.fidelityConnections = intFlag(values, 'connections', D.fidelityConnections, 1, 10_000);
  const ladder = stringFlag(values, 'ladder');
  if (ladder !== undefined) {
    const rungs = ladder.split(',').map((s) => s.trim());
    if (rungs.some((s) => !/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 10_000)) {
      throw new UsageError(`--ladder must list whole numbers from 1 to 10000, got ${JSON.stringify(ladder)}.`);
    }
    const numbers = rungs.map(Number);
    if (numbers.some((n, i) => i > 0 && n <= (numbers[i - 1] as number))) throw new UsageError(`--ladder must be ascending, got ${JSON.stringify(ladder)}.`);
    options.ladder = numbers;
  }
  const budget = stringFlag(values, 'budget');
  if (budget !== undefined) {
    const value = Number(budget);
    if (budget.trim() === '' || !Number.isFinite(value) || value < 0 || value > 60_000) {
      throw new UsageError(`--budget must be a number of ms from 0 to 60000, got ${JSON.stringify(budget)}.`);
    }
    options.budgetMs = value;
  }
  return options;
}

/** `pokebench calibrate`. */
export async function calibrate(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse('calibrate', argv, FLAGS);
  if (values['help']) {
    io.out(CALIBRATE_HELP);
    return 0;
  }
  if (positionals.length) {
    throw new UsageError(`pokebench calibrate: unexpected argument ${JSON.stringify(positionals[0])}. See 'pokebench calibrate --help'.`);
  }
  const options = calibrateOptionsFromFlags(values);
  const outDir = path.resolve(io.cwd, stringFlag(values, 'out') ?? RUN_DEFAULTS.out);
  // A path is relative to the command's working directory, not the process's: load it here.
  if (typeof options.profile === 'string' && isProfilePath(options.profile)) options.profile = await loadProfile(path.resolve(io.cwd, options.profile));
  // Make the output folder first: one that cannot be written should fail before a minute of measuring.
  await writable(() => mkdir(outDir, { recursive: true }), outDir);

  // The limits first: they are read, not measured, and bound every N the rest speaks of.
  (values['json'] ? io.err : io.out)(renderLimits(readMachineLimits()));
  const calibration = await runCalibration(options, { onProgress: (line) => io.err(`${line}\n`) });
  const file = await writable(() => writeCalibration(outDir, calibration), path.join(outDir, 'calibration.json'));
  if (values['json']) io.out(formatCalibration(calibration));
  else {
    io.out(renderCalibration(calibration));
    io.out(`Calibrated in ${formatDuration(calibration.durationMs)}. Saved ${path.relative(io.cwd, file) || file}\n`);
  }
  return 0;
}
