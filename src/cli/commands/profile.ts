import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listProfiles, loadProfile, renderProfile } from '../../../mock-server/profile/index.ts';
import { fitSamples, HAR_FIELDS, readSamples, renderFitReport } from '../../fit/index.ts';
import { choiceFlag, type CommandIo, intFlag, parse, type Parsed, stringFlag, writable } from '../index.ts';
import { UsageError } from '../../../mock-server/errors/index.ts';

/** `pokebench profile --help`. */
export const PROFILE_HELP = `Usage: pokebench profile <list|show|fit> [options]

  pokebench profile list               the shipped latency profiles
  pokebench profile show NAME|PATH     percentiles (theoretical and sampled) and a
                                       histogram of sampled delays, to see a
                                       profile's shape before running anything
  pokebench profile fit SAMPLES        fit a profile to measured latencies (ms) in a
                                       CSV, JSON or HAR file, so the mock looks like
                                       production

Options (show):
  --samples N          delays to draw for the histogram (default 10000)

Options (fit):
  --column NAME        CSV: the column (header name, or 1-based number without a
                       header); JSON: the field of each object (default: the only
                       numeric one)
  --har-field F        HAR: wait (timings.wait, time to first byte: what the
                       mock's delay models; default) or time (the entry's total)
  --skip-invalid       skip and count values that are not latencies (empty,
                       not a number, negative, NaN) instead of failing
  --max-ks D           fall back to the sample's own percentiles (empirical)
                       when no fitted family comes within KS distance D, nor
                       within what sampling noise explains for n samples
                       (default 0.05; 1 never falls back)
  --name NAME          the profile's name (default: from --out, or fitted-SAMPLES)
  --out FILE           write the profile there and print the fit table;
                       without it, the table is followed by the profile JSON
  --json               print the fit report as JSON instead of the table

  -h, --help           show this help

fit tries lognormal, shifted exponential, shifted Pareto and a mixture of two
lognormals, scores each by the KS distance between the sample and the mock's own
CDF, and picks the smallest; near ties (within 1/sqrt(n)) go to the family
with fewer parameters. Needs at least 20 samples. Use the profile with
'pokebench serve --profile FILE' or 'pokebench profile show FILE'.
`;

const FIT_FLAGS = ['column', 'har-field', 'skip-invalid', 'max-ks', 'name', 'out', 'json'] as const;

/** `pokebench profile list|show|fit`: exit 0, or a {@link UsageError} / sample error (exit 2) for bad input. */
export async function profile(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parse('profile', argv, {
    samples: { type: 'string' },
    column: { type: 'string' },
    'har-field': { type: 'string' },
    'skip-invalid': { type: 'boolean' },
    'max-ks': { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values['help']) {
    io.out(PROFILE_HELP);
    return 0;
  }
  const [sub, target, ...rest] = positionals;
  if (sub === 'fit' && target !== undefined && rest.length === 0) return fit(target, values, io);
  const misplaced = FIT_FLAGS.find((flag) => values[flag] !== undefined);
  if (misplaced && (sub === 'list' || sub === 'show')) {
    throw new UsageError(`pokebench profile ${sub}: --${misplaced} applies to 'profile fit' only. See 'pokebench profile --help'.`);
  }
  if (sub === 'list' && target === undefined) {
    for (const name of await listProfiles()) {
      const p = await loadProfile(name);
      io.out(`${name.padEnd(18)} ${p.description ?? ''}\n`);
    }
    return 0;
  }
  if (sub === 'show' && target !== undefined && rest.length === 0) {
    const samples = intFlag(values, 'samples', 10_000, 100, 10_000_000);
    io.out(renderProfile(await loadProfile(target), { samples }));
    return 0;
  }
  throw new UsageError(
    `pokebench profile: expected 'list', 'show NAME' or 'fit SAMPLES', got ${JSON.stringify(positionals.join(' '))}. See 'pokebench profile --help'.`,
  );
}

async function fit(samplesArg: string, values: Parsed['values'], io: CommandIo): Promise<number> {
  if (values['samples'] !== undefined) throw new UsageError(`pokebench profile fit: --samples applies to 'profile show' only; fit reads every sample in ${samplesArg}.`);
  const harField = values['har-field'] === undefined ? undefined : choiceFlag(values, 'har-field', HAR_FIELDS, 'wait');
  const column = stringFlag(values, 'column');
  if (column !== undefined && column.trim() === '') throw new UsageError('--column must name a column or field, got an empty string.');
  const maxKs = fractionFlag(values, 'max-ks');
  const out = stringFlag(values, 'out');
  const name = stringFlag(values, 'name') ?? defaultName(samplesArg, out);
  if (name.trim() === '') throw new UsageError('--name must not be empty.');

  const samples = await readSamples(path.resolve(io.cwd, samplesArg), { column, harField, skipInvalid: values['skip-invalid'] === true }, samplesArg);
  const report = fitSamples(samples.values, { source: samplesArg, what: samples.what, name, maxKs });
  const profileJson = `${JSON.stringify(report.profile, null, 2)}\n`;
  if (out !== undefined) {
    const file = path.resolve(io.cwd, out);
    await writable(() => writeFile(file, profileJson), out);
  }
  if (values['json']) {
    const { format, skipped } = samples;
    io.out(`${JSON.stringify({ ...report, format, skipped, out: out ?? null }, null, 2)}\n`);
    return 0;
  }
  if (samples.skipped > 0) io.out(`Skipped ${samples.skipped} invalid value${samples.skipped === 1 ? '' : 's'} (--skip-invalid).\n`);
  io.out(renderFitReport(report));
  io.out(out === undefined ? `\n${profileJson}` : `\nWrote ${out} (profile ${JSON.stringify(name)}). See it with 'pokebench profile show ${out}'.\n`);
  return 0;
}

function defaultName(samplesArg: string, out: string | undefined): string {
  if (out !== undefined) return path.basename(out, path.extname(out));
  return `fitted-${path.basename(samplesArg, path.extname(samplesArg))}`;
}

function fractionFlag(values: Parsed['values'], flag: string): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const value = typeof raw === 'string' && /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 0 && value <= 1)) throw new UsageError(`--${flag} must be a number from 0 to 1 (a KS distance), got ${JSON.stringify(raw)}.`);
  return value;
}
