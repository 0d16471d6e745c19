/**
 * `calibration.json` on disk: its schema (zod 4), a reader that validates and
 * tells a missing file (undefined) from a broken one (an error naming the
 * file), and a writer. NaN figures (nothing measured) are written as `null`
 * and read back as NaN, so a file always round-trips.
 */
import path from 'node:path';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { CalibrationFileError, formatIssues, issueLines, issueRule } from '../../mock-server/errors/index.ts';
import { machineInfoSchema } from '../results/index.ts';
import { CALIBRATION_FILE, CALIBRATION_SCHEMA, type Calibration } from './calibration.ts';

// ── calibration-file ─────────────────────────────────────────
// `calibration.json` on disk: its schema (zod 4), a reader that validates and
// tells a missing file (undefined) from a broken one (an error naming the
// file), and a writer. NaN figures (nothing measured) are written as `null`
// and read back as NaN, so a file always round-trips.

// JSON has no NaN: null stands for "not measured".
const num = z.union([z.number(), z.null().transform(() => Number.NaN)]);
const count = z.number().int().nonnegative();
const triple = z.tuple([num, num, num]);

const figures = z.object({ rps: num, p50Ms: num, p99Ms: num, errors: count });

const percentileLabel = z.enum(['p50', 'p90', 'p99', 'p99.9']);

/** The schema of `calibration.json` (version {@link CALIBRATION_SCHEMA}); unknown keys are dropped. */
export const calibrationSchema = z.object({
  schema: z.literal(CALIBRATION_SCHEMA),
  date: z.string(),
  durationMs: num,
  quick: z.boolean(),
  profile: z.string(),
  payload: z.enum(['slim', 'realistic']),
  machine: machineInfoSchema.extend({ loadAverage: triple, loadAverageAfter: triple }),
  capacity: z.object({
    connections: count,
    roundMs: num,
    bytes: count,
    rounds: z.array(z.object({ round: count, first: z.enum(['mock', 'bare']), mock: figures, bare: figures, ratio: num })),
    mock: figures,
    bare: figures,
    ratio: num,
  }),
  fidelity: z.object({
    profile: z.string(),
    route: z.literal('pokemon'),
    connections: count,
    durationMs: num,
    rows: z.array(
      z.object({
        label: percentileLabel,
        p: num,
        theoryMs: num,
        bandLowMs: num,
        bandHighMs: num,
        observedMs: num,
        serverMs: num,
        errorMs: num,
        relativeError: z.number().nullable(),
        boundMs: num,
        judged: z.boolean(),
        within: z.boolean(),
      }),
    ),
    counts: z.object({ measured: count, dropped: count, non2xx: count, errors: count, timeouts: count }),
    faultProbability: num,
    caveats: z.array(z.string()),
    verdict: z.enum(['faithful', 'unfaithful']),
    attempts: count,
  }),
  concurrency: z.object({
    delayMs: num,
    stepMs: num,
    budgetMs: num,
    timerSlackMs: num,
    steps: z.array(
      z.object({ connections: count, responses: count, p50Ms: num, p99Ms: num, bareP99Ms: num, addedP99Ms: num, errors: count, pass: z.boolean(), attempts: count }),
    ),
    safeConcurrency: count,
    limitFound: z.boolean(),
  }),
});

/**
 * Checks that `json` is a calibration this version reads.
 *
 * @param source - names the input in the error (a file path).
 * @throws {CalibrationFileError} `CALIBRATION_INVALID`, listing the first fields at fault.
 */
export function parseCalibration(json: unknown, source: string): Calibration {
  const parsed = calibrationSchema.safeParse(json, { error: issueRule });
  if (parsed.success) return parsed.data as Calibration;
  const issues = issueLines(formatIssues(parsed.error.issues), 5);
  throw new CalibrationFileError(
    source,
    `Failed to read the calibration ${source}: it is not a ${CALIBRATION_SCHEMA} file.\n${issues}\nRun 'pokebench calibrate' again to rewrite it.`,
  );
}

/** The calibration as the file holds it: pretty JSON, NaN as null, a final newline. */
export function formatCalibration(calibration: Calibration): string {
  return `${JSON.stringify(calibration, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}

/**
 * Reads `<dir>/calibration.json`: `undefined` when there is none (never
 * calibrated here), the validated calibration otherwise.
 *
 * @throws {CalibrationFileError} `CALIBRATION_INVALID` when the file is there but not JSON or not a calibration.
 * @example
 * const calibration = await readCalibration('pokebench-results');
 * if (calibration) console.log(calibration.concurrency.safeConcurrency);
 */
export async function readCalibration(dir: string): Promise<Calibration | undefined> {
  const file = path.join(dir, CALIBRATION_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new CalibrationFileError(file, `Failed to read the calibration ${file}: ${(error as Error).message}.`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CalibrationFileError(file, `Failed to read the calibration ${file}: not JSON (${(error as Error).message}). Run 'pokebench calibrate' again to rewrite it.`, {
      cause: error,
    });
  }
  return parseCalibration(json, file);
}

/** Writes `<dir>/calibration.json` (making `dir`), and returns the file's path. */
export async function writeCalibration(dir: string, calibration: Calibration): Promise<string> {
  const file = path.join(dir, CALIBRATION_FILE);
  await mkdir(dir, { recursive: true });
  await writeFile(file, formatCalibration(calibration));
  return file;
}
