/**
 * `calibrate()`: its options (a documented interface, one function that
 * fills defaults and checks them) and the run that measures capacity,
 * fidelity and concurrency in turn.
 */
import type { PayloadSize } from '../../mock-server/data/index.ts';
import { InvalidOptionError } from '../../mock-server/errors/index.ts';
import { loadProfile, type Profile } from '../../mock-server/profile/index.ts';
import { loadAverage, machineInfo } from '../results/index.ts';
import { CALIBRATION_SCHEMA, type Calibration } from './calibration.ts';
import { measureCapacity } from './capacity.ts';
import { measureConcurrency } from './concurrency.ts';
import { measureFidelity } from './fidelity.ts';
import { startCalibrationServers } from './load.ts';

// ── calibrate-options ────────────────────────────────────────
// Options of a calibration: one documented interface, the defaults of a full
// run (≲ 60 s) and of `--quick` (≲ 15 s), and one function that fills and
// checks them, so the measuring code trusts what it gets.

/** What a calibration measures and for how long. Every duration is in ms. */
export interface CalibrateOptions {
  /** The profile judged for fidelity: a parsed profile, a shipped name or a path. @defaultValue `'fast-jitter-30ms'` */
  profile?: Profile | string | undefined;
  /** Shorter rounds and steps: ≲ 15 s instead of ≲ 60 s. Explicit options still win. @defaultValue `false` */
  quick?: boolean | undefined;
  /** Body size the mock serves. @defaultValue `'slim'` */
  payload?: PayloadSize | undefined;
  /** (a) Connections of each capacity round. @defaultValue `50` */
  capacityConnections?: number | undefined;
  /** (a) Rounds of mock-then-bare (alternating order). @defaultValue `3` */
  capacityRounds?: number | undefined;
  /** (a) Length of each round, per server. @defaultValue `2000` (quick: `500`) */
  capacityRoundMs?: number | undefined;
  /** (a) Unmeasured load on each server before the rounds. @defaultValue `1000` (quick: `400`) */
  warmupMs?: number | undefined;
  /** (b) Connections driving the profile: well under capacity. @defaultValue `16` */
  fidelityConnections?: number | undefined;
  /**
   * (b) Responses to collect, at most: a slow profile gets as many as its
   * mean delay allows in half of `fidelityMaxMs`, so the run ends by count.
   * @defaultValue `4000` (quick: `1500`)
   */
  fidelityResponses?: number | undefined;
  /** (b) Stop collecting after this long, whatever was collected (a safety cap). @defaultValue `10000` (quick: `2500`) */
  fidelityMaxMs?: number | undefined;
  /** (c) Connections of each rung, ascending. @defaultValue `[1, 8, 32, 64, 128, 256, 512, 1024]` */
  ladder?: readonly number[] | undefined;
  /** (c) Length of each rung. @defaultValue `1500` (quick: `600`) */
  stepMs?: number | undefined;
  /** (c) The fixed delay of the ladder's profile. @defaultValue `50` */
  ladderDelayMs?: number | undefined;
  /** (c) What the server may add at p99, beyond a timer's 1 ms slack. @defaultValue `1` */
  budgetMs?: number | undefined;
}

/** {@link CalibrateOptions} with every default filled in. */
export interface ResolvedCalibrateOptions {
  profile: Profile | string;
  quick: boolean;
  payload: PayloadSize;
  capacityConnections: number;
  capacityRounds: number;
  capacityRoundMs: number;
  warmupMs: number;
  fidelityConnections: number;
  fidelityResponses: number;
  fidelityMaxMs: number;
  ladder: readonly number[];
  stepMs: number;
  ladderDelayMs: number;
  budgetMs: number;
}

/** The defaults of a full calibration (≲ 60 s on a 2-core machine). */
export const CALIBRATE_DEFAULTS = {
  profile: 'fast-jitter-30ms',
  payload: 'slim',
  capacityConnections: 50,
  capacityRounds: 3,
  capacityRoundMs: 2000,
  warmupMs: 1000,
  fidelityConnections: 16,
  fidelityResponses: 4000,
  fidelityMaxMs: 10_000,
  ladder: [1, 8, 32, 64, 128, 256, 512, 1024],
  stepMs: 1500,
  ladderDelayMs: 50,
  budgetMs: 1,
} as const;

/** What `quick` changes (≲ 15 s): shorter rounds and steps, fewer responses. */
export const QUICK_DEFAULTS = {
  capacityRoundMs: 500,
  warmupMs: 400,
  fidelityResponses: 1500,
  fidelityMaxMs: 2500,
  stepMs: 600,
} as const;

const MAX_CONNECTIONS = 10_000;
const MAX_MS = 600_000;

/**
 * Fills the defaults (the quick ones when `quick`) and checks every option.
 *
 * @throws {InvalidOptionError} `INVALID_OPTION`, naming the option, when one is out of range.
 * @example
 * resolveCalibrateOptions({ quick: true }).stepMs // 600
 */
export function resolveCalibrateOptions(options: CalibrateOptions = {}): ResolvedCalibrateOptions {
  const quick = options.quick ?? false;
  const timing = quick ? { ...CALIBRATE_DEFAULTS, ...QUICK_DEFAULTS } : CALIBRATE_DEFAULTS;
  const payload = options.payload ?? CALIBRATE_DEFAULTS.payload;
  if (payload !== 'slim' && payload !== 'realistic') {
    throw new InvalidOptionError('options.payload', `options.payload must be 'slim' or 'realistic', got ${JSON.stringify(payload)}.`);
  }
  const profile = options.profile ?? CALIBRATE_DEFAULTS.profile;
  if (typeof profile === 'string' && profile.trim() === '') {
    throw new InvalidOptionError('options.profile', 'options.profile must name a profile or a path, got an empty string.');
  }
  const resolved: ResolvedCalibrateOptions = {
    profile,
    quick,
    payload,
    capacityConnections: integer('capacityConnections', options.capacityConnections ?? timing.capacityConnections, 1, MAX_CONNECTIONS),
    capacityRounds: integer('capacityRounds', options.capacityRounds ?? timing.capacityRounds, 1, 100),
    capacityRoundMs: integer('capacityRoundMs', options.capacityRoundMs ?? timing.capacityRoundMs, 100, MAX_MS),
    warmupMs: integer('warmupMs', options.warmupMs ?? timing.warmupMs, 0, MAX_MS),
    fidelityConnections: integer('fidelityConnections', options.fidelityConnections ?? timing.fidelityConnections, 1, MAX_CONNECTIONS),
    // Each connection needs a response: without an explicit count, more connections ask for more responses.
    fidelityResponses: integer(
      'fidelityResponses',
      options.fidelityResponses ?? Math.max(timing.fidelityResponses, 2 * (options.fidelityConnections ?? timing.fidelityConnections)),
      1,
      10_000_000,
    ),
    fidelityMaxMs: integer('fidelityMaxMs', options.fidelityMaxMs ?? timing.fidelityMaxMs, 100, MAX_MS),
    ladder: checkLadder(options.ladder ?? timing.ladder),
    stepMs: integer('stepMs', options.stepMs ?? timing.stepMs, 100, MAX_MS),
    ladderDelayMs: integer('ladderDelayMs', options.ladderDelayMs ?? timing.ladderDelayMs, 1, 60_000),
    budgetMs: finite('budgetMs', options.budgetMs ?? timing.budgetMs, 0, 60_000),
  };
  if (resolved.fidelityResponses < resolved.fidelityConnections) {
    throw new InvalidOptionError(
      'options.fidelityResponses',
      `options.fidelityResponses (${resolved.fidelityResponses}) must be at least options.fidelityConnections (${resolved.fidelityConnections}): each connection needs a response.`,
    );
  }
  return resolved;
}

function integer(name: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidOptionError(`options.${name}`, `options.${name} must be a whole number from ${min} to ${max}, got ${String(value)}.`);
  }
  return value;
}

function finite(name: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InvalidOptionError(`options.${name}`, `options.${name} must be a number from ${min} to ${max}, got ${String(value)}.`);
  }
  return value;
}

function checkLadder(ladder: readonly number[]): readonly number[] {
  if (!Array.isArray(ladder) || ladder.length === 0) {
    throw new InvalidOptionError('options.ladder', 'options.ladder must list at least one connection count.');
  }
  ladder.forEach((c, i) => {
    integer(`ladder[${i}]`, c, 1, MAX_CONNECTIONS);
    if (i > 0 && c <= (ladder[i - 1] as number)) {
      throw new InvalidOptionError('options.ladder', `options.ladder must be strictly ascending, got ${ladder.join(', ')}.`);
    }
  });
  return [...ladder];
}

// ── run-calibration ──────────────────────────────────────────
// A calibration, as a function: start the mock and a bare server in a child
// process, measure (a) capacity, (b) fidelity and (c) safe concurrency with
// autocannon from this process, and return the result. The CLI's
// `calibrate` is a thin shell around this; it writes the file and the report.

/** Hooks of {@link runCalibration}. */
export interface CalibrationHooks {
  /** One line per step (a round, the fidelity run, a rung), for a progress log. */
  onProgress?: ((line: string) => void) | undefined;
  /** Monotonic clock, ms. @defaultValue `performance.now` */
  now?: (() => number) | undefined;
}

/**
 * Measures the mock on this machine. Takes ≲ 60 s with the defaults and
 * ≲ 15 s with `quick` on a 2-core machine.
 *
 * @throws {ProfileError} / {ProfileNotFoundError} before starting anything, when the profile is bad.
 * @throws {InvalidOptionError} when an option is out of range.
 * @throws {CalibrationRunError} `SERVER_START_FAILED` when the servers do not start.
 * @example
 * const calibration = await runCalibration({ profile: 'fixed-100ms', quick: true });
 * calibration.fidelity.verdict; // 'faithful'
 */
export async function runCalibration(options: CalibrateOptions = {}, hooks: CalibrationHooks = {}): Promise<Calibration> {
  const resolved = resolveCalibrateOptions(options);
  const now = hooks.now ?? (() => performance.now());
  const started = now();
  const progress = (line: string) => hooks.onProgress?.(`[${((now() - started) / 1000).toFixed(1).padStart(4)}s] ${line}`);
  // Load the profile first: a bad one should fail before a minute of measuring.
  const profile: Profile = typeof resolved.profile === 'string' ? await loadProfile(resolved.profile) : resolved.profile;
  const profileName = typeof resolved.profile === 'string' ? resolved.profile : (profile.name ?? 'inline profile');
  const start = loadAverage();
  const machine = { ...machineInfo(), loadAverage: start, loadAverageAfter: start };
  const date = new Date().toISOString();

  progress(`starting the mock and a bare node:http server in a child process (payload ${resolved.payload})`);
  const servers = await startCalibrationServers({ payload: resolved.payload, ladderDelayMs: resolved.ladderDelayMs });
  try {
    const capacity = await measureCapacity(servers, resolved, progress);
    const fidelity = await measureFidelity(servers, profile, profileName, resolved, progress);
    const concurrency = await measureConcurrency(servers, resolved, progress);
    return {
      schema: CALIBRATION_SCHEMA,
      date,
      durationMs: now() - started,
      quick: resolved.quick,
      profile: profileName,
      payload: resolved.payload,
      machine: { ...machine, loadAverageAfter: loadAverage() },
      capacity,
      fidelity,
      concurrency,
    };
  } finally {
    await servers.close();
  }
}
